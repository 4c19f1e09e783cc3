import { z } from 'zod';
import * as s from './api';
import * as r from './api-responses';
import { BODY, err, errorOf, staffOnly, type Op } from './openapi-op';

const CALL_ACCESS = {
	401: err('Caller token required', 'unauthorized'),
	403: err('Not your call', 'forbidden'),
	404: err('No such call', 'not_found')
};
const AGENT_CALL = {
	...staffOnly('an agent, or not the agent of this call'),
	404: CALL_ACCESS[404]
};

/** The routing core of /api/v1: joining the queue, offers and the agent's handling of a call. */
export const callOperations: Op[] = [
	{
		method: 'get',
		path: '/events',
		summary: 'Server-Sent Events (resumable with Last-Event-ID): staff, or a caller token',
		tag: 'realtime',
		auth: 'caller',
		responses: {
			200: { description: 'The event stream', type: 'text/event-stream', schema: r.EventStream },
			400: err('Last-Event-ID is not an event id', 'invalid_last_event_id'),
			401: err('Login or a caller token required', 'unauthorized'),
			403: err('Not a staff role that receives events', 'forbidden'),
			429: err(
				'Too many streams open for this login, call or network (SSE_MAX_PER_SESSION, SSE_MAX_PER_ADDRESS)',
				'rate_limited'
			)
		}
	},
	{
		method: 'post',
		path: '/calls',
		summary: 'Join the queue (booth bearer token, or channel "mobile" without login)',
		tag: 'caller',
		auth: 'caller',
		body: s.CreateCallBody,
		responses: {
			201: { description: 'Queued (or already offered to an agent)', schema: s.CallCreated },
			400: err(
				'Invalid input, unknown matter, language or appointment, a booth call without a booth token, or a caller asking for the urgent lane (a supervisor sets it)',
				...BODY,
				'lane_not_allowed',
				'unknown_matter',
				'unknown_language',
				'booth_token_required',
				'unknown_appointment'
			),
			409: {
				description:
					'booth_busy: the booth has a live call; closed: outside service hours (opensAt)',
				codes: ['booth_busy', 'closed'],
				schema: z.union([s.ClosedError, errorOf(['booth_busy'])])
			},
			429: err('Too many anonymous calls from this network', 'rate_limited'),
			503: err(
				'Live state (Redis) is briefly unreachable: the call was not made and nothing is left behind; try again after Retry-After seconds',
				'service_unavailable'
			)
		}
	},
	{
		method: 'get',
		path: '/calls/{id}',
		summary: 'Status, position and estimated wait of a call (its caller, its booth, or staff)',
		tag: 'caller',
		auth: 'caller',
		responses: { 200: { description: 'The call', schema: s.CallView }, ...CALL_ACCESS }
	},
	{
		method: 'delete',
		path: '/calls/{id}',
		summary: 'The caller leaves (waiting → abandoned, connected → wrap-up)',
		tag: 'caller',
		auth: 'caller',
		responses: { 200: { description: 'Left', schema: s.CallStatusResult }, ...CALL_ACCESS }
	},
	{
		method: 'get',
		path: '/calls/{id}/routing',
		summary: 'Why the call went to its agent, or why it still waits',
		tag: 'agent',
		auth: 'staff',
		responses: {
			200: { description: 'Explanation', schema: s.RoutingExplanation },
			...staffOnly('a supervisor or admin, or an agent the call was offered to'),
			404: err('No such call', 'not_found')
		}
	},
	{
		method: 'put',
		path: '/agent/state',
		summary: 'Set own state: available, break or offline',
		tag: 'agent',
		auth: 'staff',
		body: s.AgentStateBody,
		responses: {
			200: { description: 'State set', schema: s.AgentStateView },
			400: err('Invalid input', ...BODY),
			...staffOnly('an active agent'),
			409: err('in_call: finish the call first', 'in_call')
		}
	},
	{
		method: 'get',
		path: '/agent/state',
		summary: 'Own current state',
		tag: 'agent',
		auth: 'staff',
		responses: { 200: { description: 'State', schema: s.AgentStateView }, ...staffOnly('an agent') }
	},
	{
		method: 'post',
		path: '/agent/heartbeat',
		summary: 'Presence heartbeat (without an open event stream)',
		tag: 'agent',
		auth: 'staff',
		responses: { 204: { description: 'Noted' }, ...staffOnly('an agent') }
	},
	{
		method: 'get',
		path: '/agent/offer',
		summary: 'The pending offer, if any',
		tag: 'agent',
		auth: 'staff',
		responses: {
			200: { description: 'Offer', schema: s.OfferView },
			204: { description: 'None' },
			...staffOnly('an agent')
		}
	},
	{
		method: 'post',
		path: '/offers/{id}/accept',
		summary: 'Accept an offer (at most once)',
		tag: 'agent',
		auth: 'staff',
		responses: {
			200: { description: 'Connected', schema: s.AcceptResult },
			...staffOnly('an agent'),
			409: err(
				'offer_gone: expired, withdrawn, answered or not yours; caller_gone: the caller left meanwhile (the call is abandoned)',
				'offer_gone',
				'caller_gone'
			)
		}
	},
	{
		method: 'post',
		path: '/offers/{id}/decline',
		summary: 'Decline an offer',
		tag: 'agent',
		auth: 'staff',
		responses: {
			200: { description: 'Declined', schema: r.OfferDeclined },
			...staffOnly('an agent'),
			409: err(
				'offer_gone: expired, withdrawn, answered or not yours; caller_gone: the caller left meanwhile (the call is abandoned)',
				'offer_gone',
				'caller_gone'
			)
		}
	},
	{
		method: 'post',
		path: '/calls/{id}/end',
		summary: 'End the conversation (→ wrap_up)',
		tag: 'agent',
		auth: 'staff',
		responses: {
			200: { description: 'In wrap-up', schema: s.CallStatusResult },
			...AGENT_CALL,
			409: err('The call is not connected', 'not_connected')
		}
	},
	{
		method: 'post',
		path: '/calls/{id}/wrap-up',
		summary: 'Record the outcome; the call ends',
		tag: 'agent',
		auth: 'staff',
		body: s.WrapUpBody,
		responses: {
			200: { description: 'Ended', schema: s.CallStatusResult },
			400: err(
				'Invalid input, unknown matter, or results mailed without an address',
				...BODY,
				'unknown_matter',
				'mail_address_required'
			),
			...AGENT_CALL,
			409: err('The call is not in wrap-up', 'not_in_wrap_up')
		}
	},
	{
		method: 'post',
		path: '/calls/{id}/transfer',
		summary: 'Re-route the call (front of its lane, original wait kept)',
		tag: 'agent',
		auth: 'staff',
		body: s.TransferBody,
		responses: {
			200: { description: 'Re-routed', schema: s.CallStatusResult },
			400: err(
				'Invalid input, unknown matter, language or agent, or a transfer to oneself',
				...BODY,
				'unknown_matter',
				'unknown_language',
				'same_agent',
				'unknown_agent'
			),
			...AGENT_CALL,
			409: err('The call is not connected', 'not_connected')
		}
	}
];
