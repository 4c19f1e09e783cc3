import { ErrorBody } from './api';
import * as c from './caller-api';
import type { Op } from './openapi';

// Local on purpose: importing a value from ./openapi would be circular.
const err = (description: string) => ({ description, schema: ErrorBody });

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
			400: err('Invalid score, reasons or comment'),
			401: err('Caller token required'),
			403: err('Not your call (staff and other callers may not rate)'),
			404: err('No such call'),
			409: err('not_ended: the call has not ended yet; already_rated: one rating per call')
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
			400: err('Unknown state'),
			401: err('Booth device token required')
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
			400: err('Invalid id'),
			404: err('No such matter')
		}
	},
	{
		method: 'get',
		path: '/service-status',
		summary: 'Whether callers are served now, and when service opens next',
		tag: 'caller',
		auth: 'public',
		responses: { 200: { description: 'Status', schema: c.ServiceStatus } }
	},
	{
		method: 'post',
		path: '/bookings',
		summary: 'Book the next free slot for a matter instead of waiting (booth or anonymous)',
		tag: 'caller',
		auth: 'caller',
		body: c.BookingBody,
		responses: {
			201: { description: 'Booked', schema: c.Booking },
			400: err('Unknown matter'),
			409: err('no_slot: no service hours in the next two weeks'),
			429: err('Too many requests from this network')
		}
	}
];
