import type { z } from 'zod';
import * as a from '$lib/contracts/agent-api';
import * as al from '$lib/contracts/alerts';
import * as au from '$lib/contracts/audit-api';
import * as b from '$lib/contracts/bookings-api';
import * as s from '$lib/contracts/api';
import * as c from '$lib/contracts/caller-api';
import * as v from '$lib/contracts/client-api';
import * as w from '$lib/contracts/supervisor-api';

/** One operation of /api/v1 as the browser uses it: the contract's request and response schemas. */
export interface Endpoint {
	body?: z.ZodType;
	query?: z.ZodType;
	/** The success body; absent when the browser reads nothing from it. */
	response?: z.ZodType;
}

/**
 * The operations the console's pages call, keyed `METHOD /path` exactly as the OpenAPI document
 * lists them (a unit test holds the two together). Types come from the schemas, never by hand.
 */
export const endpoints = {
	'GET /health': { response: s.Health },
	'GET /matters': { query: s.MatterQuery, response: s.MatterList },
	'GET /matters/{id}': { response: c.MatterDetail },
	'GET /service-status': { response: c.ServiceStatus },
	'POST /booth/heartbeat': { body: c.HeartbeatBody, response: c.HeartbeatResult },
	'GET /bookings/slots': { query: b.SlotsQuery, response: b.SlotList },
	'POST /bookings': { body: b.BookingBody, response: b.Booking },
	'GET /bookings/{code}': { response: b.BookingView },
	'DELETE /bookings/{code}': { response: b.BookingView },
	'POST /bookings/{code}/check-in': { body: b.CheckInBody, response: b.CheckedIn },
	'POST /calls': { body: s.CreateCallBody, response: s.CallCreated },
	'GET /calls/{id}': { response: s.CallView },
	'DELETE /calls/{id}': { response: s.CallStatusResult },
	'POST /calls/{id}/heartbeat': {},
	'POST /calls/{id}/rating': { body: c.RatingBody, response: c.RatingCreated },
	'GET /calls/{id}/video': { response: v.VideoToken },
	'GET /calls/{id}/whisper': { response: v.VideoToken },
	'GET /agent/desk': { response: v.DeskView },
	'GET /agent/calls': { response: a.TodayCalls },
	'GET /agent/colleagues': { response: a.Colleagues },
	'PUT /agent/state': { body: s.AgentStateBody, response: v.AgentStateSet },
	'POST /offers/{id}/accept': { response: s.AcceptResult },
	'POST /offers/{id}/decline': {},
	'POST /calls/{id}/end': { response: s.CallStatusResult },
	'POST /calls/{id}/wrap-up': { body: s.WrapUpBody, response: s.CallStatusResult },
	'POST /calls/{id}/transfer': { body: s.TransferBody, response: s.CallStatusResult },
	'PUT /calls/{id}/notes': { body: a.NotesBody, response: a.NotesSaved },
	'POST /calls/{id}/interpreter': { response: a.InterpreterRequested },
	'DELETE /calls/{id}/interpreter': { response: v.InterpreterLeft },
	'GET /supervisor/wall': { response: w.WallSnapshot },
	'GET /supervisor/wall/waiting': { query: w.WallWaitingQuery, response: w.WallWaitingPage },
	'PUT /supervisor/agents/{id}/state': {
		body: s.SupervisorAgentStateBody,
		response: s.SupervisorAgentState
	},
	'POST /supervisor/calls/{id}/assign': { body: s.AssignCallBody, response: s.CallAssigned },
	'POST /supervisor/calls/{id}/monitor': { body: s.MonitorBody, response: s.MonitorJoined },
	'POST /supervisor/calls/{id}/lane': { body: s.LaneBody, response: s.LaneChanged },
	'POST /supervisor/alerts/{key}/ack': { response: al.AlertAcknowledged },
	'GET /audit': { query: au.AuditQuery, response: au.AuditPage }
} as const satisfies Record<string, Endpoint>;

export type Route = keyof typeof endpoints;
type Def<R extends Route> = (typeof endpoints)[R];

/** The JSON body an operation takes (input side of its schema: defaults may be left out). */
export type BodyOf<R extends Route> =
	Def<R> extends { body: infer B extends z.ZodType } ? z.input<B> : never;
/** The query an operation takes. */
export type QueryOf<R extends Route> =
	Def<R> extends { query: infer Q extends z.ZodType } ? Partial<z.input<Q>> : never;
/** What a successful call returns. */
export type ResponseOf<R extends Route> =
	Def<R> extends { response: infer S extends z.ZodType } ? z.output<S> : void;

type ParamNames<P extends string> = P extends `${string}{${infer N}}${infer Rest}`
	? N | ParamNames<Rest>
	: never;
/** The path parameters an operation needs, by name. */
export type ParamsOf<R extends Route> = Record<ParamNames<R>, string | number>;
