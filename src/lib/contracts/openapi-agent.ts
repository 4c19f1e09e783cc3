import * as a from './agent-api';
import { InterpreterLeft } from './api-responses';
import { BODY, err, staffOnly, type Op } from './openapi-op';

const OF_CALL = {
	...staffOnly('an agent, or not the agent of this call'),
	404: err('No such call', 'not_found')
};

/** Agent console operations of /api/v1 beyond the routing core (notes, today's calls, interpreter…). */
export const agentOperations: Op[] = [
	{
		method: 'get',
		path: '/agent/desk',
		summary: "The agent's desk at a glance: state, today's figures, pending offer, live call",
		tag: 'agent',
		auth: 'staff',
		responses: {
			200: { description: 'Snapshot', schema: a.DeskSnapshot },
			...staffOnly('an agent')
		}
	},
	{
		method: 'get',
		path: '/agent/calls',
		summary: "The agent's calls today with outcome, duration and rating",
		tag: 'agent',
		auth: 'staff',
		responses: {
			200: { description: 'Calls, newest first', schema: a.TodayCalls },
			...staffOnly('an agent')
		}
	},
	{
		method: 'get',
		path: '/agent/colleagues',
		summary: 'Agents available now (to transfer a call to a named colleague)',
		tag: 'agent',
		auth: 'staff',
		responses: {
			200: { description: 'Available agents', schema: a.Colleagues },
			...staffOnly('an agent')
		}
	},
	{
		method: 'put',
		path: '/calls/{id}/notes',
		summary: "Save the agent's working notes on a call (only the call's agent)",
		tag: 'agent',
		auth: 'staff',
		body: a.NotesBody,
		responses: {
			200: { description: 'Saved', schema: a.NotesSaved },
			400: err('Invalid input', ...BODY),
			...OF_CALL,
			409: err('The call is over', 'call_closed')
		}
	},
	{
		method: 'post',
		path: '/calls/{id}/interpreter',
		summary:
			'Ask for a sign-language interpreter: an available sign-language seat is offered the same room',
		tag: 'agent',
		auth: 'staff',
		responses: {
			200: { description: 'A seat is being asked', schema: a.InterpreterRequested },
			...OF_CALL,
			409: err(
				'No seat free, one is being asked or already there, or the call is not connected',
				'no_interpreter_available',
				'interpreter_pending',
				'interpreter_present',
				'not_connected'
			)
		}
	},
	{
		method: 'delete',
		path: '/calls/{id}/interpreter',
		summary:
			'The interpreter leaves the call, or the call’s agent releases them (agent and caller stay connected; the caller is told; a release is audited). On a transfer the interpreter stays with the call and its room',
		tag: 'agent',
		auth: 'staff',
		responses: {
			200: { description: 'Left', schema: InterpreterLeft },
			...staffOnly('an agent interpreting or handling this call'),
			404: err('No such call', 'not_found'),
			409: err('No interpreter is in the call', 'no_interpreter')
		}
	}
];
