import { err, type Op } from './openapi-op';

/** Whether a caller is still there (the waiting caller's page beats; see calls/presence.ts). */
export const callerPresenceOperations: Op[] = [
	{
		method: 'post',
		path: '/calls/{id}/heartbeat',
		summary:
			"The caller's page is still open (its caller token or its booth): a waiting caller not heard from for CALLER_GONE_SECONDS leaves the queue as abandoned",
		tag: 'caller',
		auth: 'caller',
		responses: {
			204: { description: 'Noted' },
			401: err('Caller token required', 'unauthorized'),
			403: err('Not your call (staff and other callers are refused)', 'forbidden'),
			404: err('No such call', 'not_found')
		}
	}
];
