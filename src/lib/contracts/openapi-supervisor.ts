import { AlertAcknowledged } from './alerts';
import { err, staffOnly, supervisorOnly, type Op } from './openapi-op';
import { WallSnapshot, WallWaitingPage, WallWaitingQuery } from './supervisor-api';

/** Supervisor console operations of /api/v1. */
export const supervisorOperations: Op[] = [
	{
		method: 'get',
		path: '/supervisor/wall',
		summary:
			'The supervisor wall at a glance: queues with today’s figures, the oldest waiting calls and why they wait, agents, booths, live calls',
		tag: 'supervisor',
		auth: 'staff',
		responses: {
			200: { description: 'Snapshot', schema: WallSnapshot },
			...staffOnly('a supervisor or admin')
		}
	},
	{
		method: 'get',
		path: '/supervisor/wall/waiting',
		summary:
			'A page of the waiting calls, oldest first, all or of one queue, each with why it waits (beyond the snapshot’s first 200)',
		tag: 'supervisor',
		auth: 'staff',
		query: WallWaitingQuery,
		responses: {
			200: { description: 'Waiting calls', schema: WallWaitingPage },
			400: err('Invalid query or cursor', 'validation_failed'),
			...staffOnly('a supervisor or admin')
		}
	},
	{
		method: 'post',
		path: '/supervisor/alerts/{key}/ack',
		summary:
			'Acknowledge an open alert (key e.g. wait:dept:3, sl:dept:3, agent:12:not_responding, booth:5:offline, interpreter:<callId>): kept with this occurrence of the alert, audited, shown on every wall; the first acknowledgement is the one kept',
		tag: 'supervisor',
		auth: 'staff',
		responses: {
			200: {
				description: 'The alert, acknowledged (acknowledgedNow: false when someone already had)',
				schema: AlertAcknowledged
			},
			400: err('Not an alert key', 'invalid_alert_key'),
			...supervisorOnly(),
			404: err('No such alert is open (it may have cleared)', 'not_found')
		}
	}
];
