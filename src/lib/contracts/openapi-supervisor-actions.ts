import * as s from './api';
import { BODY, err, staffOnly, type Op } from './openapi-op';

/** What a supervisor does on the wall: every action is checked by role and audited. */
export const supervisorActionOperations: Op[] = [
	{
		method: 'put',
		path: '/supervisor/agents/{id}/state',
		summary:
			"Set an agent's state with a reason (the agent's desk shows who did it; audited). A pending offer is withdrawn and its call routed on",
		tag: 'supervisor',
		auth: 'staff',
		body: s.SupervisorAgentStateBody,
		responses: {
			200: { description: 'The state the agent is in now', schema: s.SupervisorAgentState },
			400: err('Invalid input', ...BODY),
			...staffOnly('a supervisor or admin'),
			404: err('No such active agent', 'not_found'),
			409: err('in_call: the agent is in a call', 'in_call')
		}
	}
];
