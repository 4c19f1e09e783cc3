import * as c from './caller-api';
import { BODY, err, type Op } from './openapi-op';

/** Caller-side operations of /api/v1 beyond the routing core (ratings, booth heartbeat…). */
export const callerOperations: Op[] = [
	{
		method: 'post',
		path: '/calls/{id}/rating',
		summary:
			'Rate an ended call once (its caller token or its booth); 1–2 open a rectification case',
		tag: 'caller',
		auth: 'caller',
		body: c.RatingBody,
		responses: {
			201: { description: 'Rated', schema: c.RatingCreated },
			400: err('Invalid score, reasons or comment', ...BODY),
			401: err('Caller token required', 'unauthorized'),
			403: err('Not your call (staff and other callers may not rate)', 'forbidden'),
			404: err('No such call', 'not_found'),
			409: err(
				'not_ended: the call has not ended yet; already_rated: one rating per call',
				'not_ended',
				'already_rated'
			)
		}
	},
	{
		method: 'post',
		path: '/booth/heartbeat',
		summary: "Report the booth's screen state (idle, in_call, rating, out_of_hours, disinfecting…)",
		tag: 'caller',
		auth: 'booth',
		body: c.HeartbeatBody,
		responses: {
			200: { description: 'Noted; whether service is open now', schema: c.HeartbeatResult },
			400: err('Unknown state', ...BODY),
			401: err('Booth device token required', 'unauthorized')
		}
	},
	{
		method: 'get',
		path: '/matters/{id}',
		summary: 'One matter with the documents to prepare',
		tag: 'catalogue',
		auth: 'public',
		responses: {
			200: { description: 'The matter', schema: c.MatterDetail },
			400: err('Invalid id', 'validation_failed'),
			404: err('No such matter', 'not_found')
		}
	},
	{
		method: 'get',
		path: '/service-status',
		summary: 'Whether callers are served now, and when service opens next',
		tag: 'caller',
		auth: 'public',
		responses: { 200: { description: 'Status', schema: c.ServiceStatus } }
	}
];
