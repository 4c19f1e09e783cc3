import { staffOnly, type Op } from './openapi-op';
import { WallSnapshot } from './supervisor-api';

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
	}
];
