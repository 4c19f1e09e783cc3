import { z } from 'zod';
import * as s from './api';
import { agentOperations } from './openapi-agent';
import { callerOperations } from './openapi-caller';
import { videoOperations } from './openapi-video';

export interface Op {
	method: 'get' | 'post' | 'put' | 'delete';
	path: string;
	summary: string;
	tag: string;
	auth: 'public' | 'staff' | 'admin' | 'booth' | 'caller';
	body?: z.ZodType;
	query?: z.ZodObject;
	responses: Record<number, { description: string; schema?: z.ZodType }>;
}

export const err = (description: string) => ({ description, schema: s.ErrorBody });

/** Every operation of /api/v1, with the schemas that validate it. New endpoints register here. */
export const operations: Op[] = [
	{
		method: 'post',
		path: '/auth/login',
		summary: 'Staff login (sets the session cookie)',
		tag: 'auth',
		auth: 'public',
		body: s.LoginBody,
		responses: {
			200: { description: 'Logged in' },
			400: err('Invalid input'),
			401: err('Wrong username or password'),
			429: err('Too many failed logins')
		}
	},
	{
		method: 'post',
		path: '/auth/logout',
		summary: 'End the session',
		tag: 'auth',
		auth: 'staff',
		responses: { 204: { description: 'Logged out' } }
	},
	{
		method: 'get',
		path: '/admin/agents',
		summary: 'List staff accounts with skills',
		tag: 'admin',
		auth: 'admin',
		responses: {
			200: { description: 'Staff' },
			401: err('Login required'),
			403: err('Not an admin')
		}
	},
	{
		method: 'post',
		path: '/admin/agents',
		summary: 'Create a staff account with roles and skills',
		tag: 'admin',
		auth: 'admin',
		body: s.CreateAgentBody,
		responses: {
			201: { description: 'Created', schema: s.IdResponse },
			400: err('Invalid input'),
			403: err('Not an admin'),
			409: err('Username taken')
		}
	},
	{
		method: 'put',
		path: '/admin/agents/{id}/skills',
		summary: "Replace an agent's skills",
		tag: 'admin',
		auth: 'admin',
		body: s.ReplaceSkillsBody,
		responses: {
			200: { description: 'Replaced' },
			400: err('Invalid input'),
			404: err('No such agent')
		}
	},
	{
		method: 'get',
		path: '/admin/booths',
		summary: 'List booths',
		tag: 'admin',
		auth: 'admin',
		responses: { 200: { description: 'Booths' } }
	},
	{
		method: 'post',
		path: '/admin/booths',
		summary: 'Register a booth; returns its device token once',
		tag: 'admin',
		auth: 'admin',
		body: s.CreateBoothBody,
		responses: {
			201: { description: 'Created', schema: s.BoothCreated },
			400: err('Invalid input')
		}
	},
	{
		method: 'get',
		path: '/matters',
		summary: 'Search matters (Chinese or English)',
		tag: 'catalogue',
		auth: 'public',
		query: s.MatterQuery,
		responses: { 200: { description: 'Matches', schema: s.MatterList }, 400: err('Invalid query') }
	},
	{
		method: 'get',
		path: '/languages',
		summary: 'Languages a caller can choose',
		tag: 'catalogue',
		auth: 'public',
		responses: { 200: { description: 'Languages', schema: s.LanguageList } }
	},
	{
		method: 'get',
		path: '/health',
		summary: 'SQLite, Redis and LiveKit reachability',
		tag: 'system',
		auth: 'public',
		responses: {
			200: { description: 'Up (possibly without video)', schema: s.Health },
			503: { description: 'Down', schema: s.Health }
		}
	},
	{
		method: 'get',
		path: '/events',
		summary: 'Server-Sent Events (resumable with Last-Event-ID)',
		tag: 'realtime',
		auth: 'staff',
		responses: { 200: { description: 'text/event-stream' }, 401: err('Login required') }
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
			400: err('Unknown matter or language, or invalid input'),
			409: {
				description:
					'booth_busy: the booth has a live call; closed: outside service hours (opensAt)',
				schema: s.ClosedError
			}
		}
	},
	{
		method: 'get',
		path: '/calls/{id}',
		summary: 'Status, position and estimated wait of a call',
		tag: 'caller',
		auth: 'caller',
		responses: {
			200: { description: 'The call', schema: s.CallView },
			401: err('Caller token required'),
			403: err('Not your call'),
			404: err('No such call')
		}
	},
	{
		method: 'delete',
		path: '/calls/{id}',
		summary: 'The caller leaves (waiting → abandoned, connected → wrap-up)',
		tag: 'caller',
		auth: 'caller',
		responses: {
			200: { description: 'Left', schema: s.CallStatusResult },
			403: err('Not your call'),
			404: err('No such call')
		}
	},
	{
		method: 'get',
		path: '/calls/{id}/routing',
		summary: 'Why the call went to its agent, or why it still waits',
		tag: 'agent',
		auth: 'staff',
		responses: {
			200: { description: 'Explanation', schema: s.RoutingExplanation },
			403: err('Not allowed'),
			404: err('No such call')
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
			400: err('Invalid input'),
			409: err('in_call: finish the call first')
		}
	},
	{
		method: 'get',
		path: '/agent/state',
		summary: 'Own current state',
		tag: 'agent',
		auth: 'staff',
		responses: { 200: { description: 'State', schema: s.AgentStateView } }
	},
	{
		method: 'post',
		path: '/agent/heartbeat',
		summary: 'Presence heartbeat (without an open event stream)',
		tag: 'agent',
		auth: 'staff',
		responses: { 204: { description: 'Noted' } }
	},
	{
		method: 'get',
		path: '/agent/offer',
		summary: 'The pending offer, if any',
		tag: 'agent',
		auth: 'staff',
		responses: { 200: { description: 'Offer', schema: s.OfferView }, 204: { description: 'None' } }
	},
	{
		method: 'post',
		path: '/offers/{id}/accept',
		summary: 'Accept an offer (at most once)',
		tag: 'agent',
		auth: 'staff',
		responses: {
			200: { description: 'Connected', schema: s.AcceptResult },
			409: err('offer_gone: expired, withdrawn or answered')
		}
	},
	{
		method: 'post',
		path: '/offers/{id}/decline',
		summary: 'Decline an offer',
		tag: 'agent',
		auth: 'staff',
		responses: { 200: { description: 'Declined' }, 409: err('offer_gone') }
	},
	{
		method: 'post',
		path: '/calls/{id}/end',
		summary: 'End the conversation (→ wrap_up)',
		tag: 'agent',
		auth: 'staff',
		responses: {
			200: { description: 'In wrap-up', schema: s.CallStatusResult },
			403: err('Not your call'),
			409: err('not_connected')
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
			400: err('Invalid input'),
			403: err('Not your call'),
			409: err('not_in_wrap_up')
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
			400: err('Invalid input'),
			403: err('Not your call'),
			409: err('not_connected')
		}
	},
	{
		method: 'get',
		path: '/schedule/hours',
		summary: 'Weekly service hours',
		tag: 'schedule',
		auth: 'staff',
		responses: { 200: { description: 'Hours', schema: s.HoursBody } }
	},
	{
		method: 'put',
		path: '/schedule/hours',
		summary: 'Replace weekly service hours',
		tag: 'schedule',
		auth: 'staff',
		body: s.HoursBody,
		responses: { 200: { description: 'Saved', schema: s.HoursBody }, 400: err('Invalid hours') }
	},
	{
		method: 'get',
		path: '/schedule/exceptions',
		summary: 'Holidays and make-up workdays',
		tag: 'schedule',
		auth: 'staff',
		responses: { 200: { description: 'Exceptions' } }
	},
	{
		method: 'put',
		path: '/schedule/exceptions/{date}',
		summary: 'Mark a date as holiday or make-up workday',
		tag: 'schedule',
		auth: 'staff',
		body: s.ExceptionBody,
		responses: { 200: { description: 'Saved' }, 400: err('Invalid date or input') }
	},
	{
		method: 'delete',
		path: '/schedule/exceptions/{date}',
		summary: 'Remove a date exception',
		tag: 'schedule',
		auth: 'staff',
		responses: { 204: { description: 'Removed' }, 404: err('No exception on that date') }
	}
];

const security: Record<Op['auth'], unknown[]> = {
	public: [],
	staff: [{ session: [] }],
	admin: [{ session: [] }],
	booth: [{ boothToken: [] }],
	caller: [{ callerToken: [] }, { boothToken: [] }]
};

/** Staff, booth and matter ids are integers; call and offer ids are UUIDs; dates are YYYY-MM-DD. */
function pathParamSchema(path: string, name: string) {
	if (name === 'date') return { type: 'string', format: 'date' };
	if (path.startsWith('/admin/') || path.startsWith('/matters/'))
		return { type: 'integer', minimum: 1 };
	return { type: 'string', format: 'uuid' };
}

/** An empty registry: schemas inlined at an operation carry no ids of their own. */
const inlineOnly = z.registry<{ id?: string }>();

function schemaOf(t: z.ZodType, io: 'input' | 'output') {
	const id = z.globalRegistry.get(t)?.id;
	if (id) return { $ref: `#/components/schemas/${id}` };
	const { $schema: _drop, ...schema } = z.toJSONSchema(t, {
		io,
		unrepresentable: 'any',
		target: 'draft-2020-12',
		metadata: inlineOnly
	});
	return schema;
}

/** The OpenAPI 3.1 document, generated from the request and response schemas. */
export function openApiDocument(serverUrl = '/api/v1') {
	const paths: Record<string, Record<string, unknown>> = {};
	for (const op of [...operations, ...videoOperations, ...agentOperations, ...callerOperations]) {
		const params = op.query
			? Object.entries(op.query.shape).map(([name, t]) => ({
					name,
					in: 'query',
					required: !(t as z.ZodType).safeParse(undefined).success,
					schema: schemaOf(t as z.ZodType, 'input')
				}))
			: [];
		const pathParams = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
			name: m[1],
			in: 'path',
			required: true,
			schema: pathParamSchema(op.path, m[1]!)
		}));
		(paths[op.path] ??= {})[op.method] = {
			summary: op.summary,
			tags: [op.tag],
			security: security[op.auth],
			...(params.length || pathParams.length ? { parameters: [...pathParams, ...params] } : {}),
			...(op.body
				? {
						requestBody: {
							required: true,
							content: { 'application/json': { schema: schemaOf(op.body, 'input') } }
						}
					}
				: {}),
			responses: Object.fromEntries(
				Object.entries(op.responses).map(([code, r]) => [
					code,
					{
						description: r.description,
						...(r.schema
							? { content: { 'application/json': { schema: schemaOf(r.schema, 'output') } } }
							: {})
					}
				])
			)
		};
	}
	const components = z.toJSONSchema(z.globalRegistry, {
		io: 'input',
		unrepresentable: 'any',
		target: 'draft-2020-12',
		uri: (id) => `#/components/schemas/${id}`
	});
	return {
		openapi: '3.1.0',
		info: {
			title: 'Cloud window console API',
			version: '1.0.0',
			description:
				'Caller, agent, admin and schedule operations of the cloud service window console.'
		},
		servers: [{ url: serverUrl }],
		paths,
		components: {
			schemas: components.schemas,
			securitySchemes: {
				session: { type: 'apiKey', in: 'cookie', name: 'cw_session' },
				boothToken: {
					type: 'http',
					scheme: 'bearer',
					description: 'Device token issued when the booth was registered'
				},
				callerToken: {
					type: 'http',
					scheme: 'bearer',
					description: 'Token returned by POST /calls, valid for that call only'
				}
			}
		}
	};
}
