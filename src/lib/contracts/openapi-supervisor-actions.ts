import * as s from './api';
import { VideoToken } from './api-responses';
import { BODY, err, staffOnly, supervisorOnly, type Op } from './openapi-op';

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
			...supervisorOnly(),
			404: err('No such active agent', 'not_found'),
			409: err('in_call: the agent is in a call', 'in_call')
		}
	},
	{
		method: 'post',
		path: '/supervisor/calls/{id}/assign',
		summary:
			'Offer a waiting call to a named available agent, as routing would; a seat lacking one of its requirements only with override (the agent is shown it; audited)',
		tag: 'supervisor',
		auth: 'staff',
		body: s.AssignCallBody,
		responses: {
			200: { description: 'The agent is offered the call', schema: s.CallAssigned },
			400: err('Invalid input', ...BODY),
			...supervisorOnly(),
			404: err('No such call or active agent', 'not_found'),
			409: err(
				'The call is not waiting, the agent is not free, or the seat lacks a requirement',
				'not_waiting',
				'agent_not_available',
				'not_eligible'
			)
		}
	},
	{
		method: 'post',
		path: '/supervisor/calls/{id}/lane',
		summary:
			'Move a waiting call to another lane: re-placed by its arrival with the lane head start, and routed again (audited)',
		tag: 'supervisor',
		auth: 'staff',
		body: s.LaneBody,
		responses: {
			200: { description: 'The call and its new place in its queue', schema: s.LaneChanged },
			400: err('Invalid input', ...BODY),
			...supervisorOnly(),
			404: err('No such call', 'not_found'),
			409: err('The call is not waiting', 'not_waiting')
		}
	},
	{
		method: 'post',
		path: '/supervisor/calls/{id}/monitor',
		summary:
			'Join, switch or leave a live call: monitor (hidden, subscribe-only), whisper (hidden in the call room; microphone-only in the whisper room only the agent can hear), barge (visible, speaks, shown to the caller as 值班长) or leave; switching revokes the old mode in LiveKit; the agent is told per MONITOR_NOTICE; audited',
		tag: 'supervisor',
		auth: 'staff',
		body: s.MonitorBody,
		responses: {
			200: {
				description:
					'Short-lived LiveKit tokens: the call room (null after leave) and, while whispering, the whisper room',
				schema: s.MonitorJoined
			},
			400: err('Invalid input', ...BODY),
			...supervisorOnly(),
			404: err('No such call', 'not_found'),
			409: err('The call is not connected', 'not_connected')
		}
	},
	{
		method: 'get',
		path: '/calls/{id}/whisper',
		summary:
			"A token for the call's whisper room: subscribe-only for the call's agent while a supervisor whispers, microphone-only for the whispering supervisor; never for the caller",
		tag: 'video',
		auth: 'staff',
		responses: {
			200: { description: 'A join token for the whisper room', schema: VideoToken },
			...staffOnly('the agent of this call or a supervisor whispering in it'),
			404: err('No such call', 'not_found'),
			409: err('Nobody (or not you) is whispering in this call', 'not_whispering')
		}
	}
];
