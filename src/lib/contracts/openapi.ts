import { z } from 'zod';
import { adminOperations } from './openapi-admin';
import { agentOperations } from './openapi-agent';
import { auditOperations } from './openapi-audit';
import { bookingOperations } from './openapi-bookings';
import { callOperations } from './openapi-calls';
import { callerOperations } from './openapi-caller';
import { callerPresenceOperations } from './openapi-callers';
import { finderOperations } from './openapi-finder';
import {
	BOOTH_TOKEN_PATHS,
	errorOf,
	INVALID_BOOTH_TOKEN,
	INVALID_TOKEN,
	type Op,
	type Response
} from './openapi-op';
import { qualityOperations } from './openapi-quality';
import { scheduleEditOperations, scheduleOperations } from './openapi-schedule';
import { reportsOperations } from './openapi-reports';
import { supervisorOperations } from './openapi-supervisor';
import { supervisorActionOperations } from './openapi-supervisor-actions';
import { videoOperations } from './openapi-video';

export type { Op } from './openapi-op';

/** Every operation of /api/v1, with the schemas that validate it. New endpoints register here. */
export const operations: Op[] = [
	...adminOperations,
	...finderOperations,
	...callOperations,
	...agentOperations,
	...callerOperations,
	...callerPresenceOperations,
	...supervisorOperations,
	...supervisorActionOperations,
	...auditOperations,
	...videoOperations,
	...qualityOperations,
	...scheduleOperations,
	...scheduleEditOperations,
	...reportsOperations,
	...bookingOperations
];

/** Paths where the Authorization header is not a console bearer token (LiveKit signs it). */
export const FOREIGN_AUTH_PATHS: readonly string[] = ['/livekit/webhook'];

/** The code a wrong or revoked bearer token gets on a path: booth-only paths say so. */
export function invalidBearerCode(method: string, path: string): string {
	return method.toLowerCase() === 'post' && BOOTH_TOKEN_PATHS.includes(path)
		? INVALID_BOOTH_TOKEN
		: INVALID_TOKEN;
}

/**
 * Every operation that reads a body refuses one too large (413) or not sent as JSON (415);
 * every mutation refuses a cross-site request riding on cookies (403 `cross_origin`).
 */
function bodyLimits(op: Op): Record<number, Response> {
	const responses = crossSite(op);
	if (!op.body && !FOREIGN_AUTH_PATHS.includes(op.path)) return responses;
	const limits: Record<number, Response> = {
		413: {
			description: 'The body is larger than the operation reads',
			codes: ['body_too_large'],
			schema: errorOf(['body_too_large'])
		}
	};
	if (op.body)
		limits[415] = {
			description: 'The body is not sent as application/json',
			codes: ['unsupported_media_type'],
			schema: errorOf(['unsupported_media_type'])
		};
	return { ...limits, ...responses };
}

function crossSite(op: Op): Record<number, Response> {
	if (op.method === 'get') return op.responses;
	const prior = op.responses[403];
	const codes = [...(prior?.codes ?? []), 'cross_origin'];
	return {
		...op.responses,
		403: {
			description: prior
				? `${prior.description}; or a cross-site request riding on cookies`
				: 'A cross-site request riding on cookies',
			codes,
			schema: errorOf(codes)
		}
	};
}

/**
 * An operation's responses as documented: a wrong or revoked bearer token is refused with 401
 * on every path before anything else is looked at, so each 401 lists that code too.
 */
export function documentedResponses(op: Op): Record<number, Response> {
	const withBody = bodyLimits(op);
	if (FOREIGN_AUTH_PATHS.includes(op.path)) return withBody;
	const bearer = invalidBearerCode(op.method, op.path);
	const prior = op.responses[401];
	const codes = [...(prior?.codes ?? []), bearer];
	return {
		...withBody,
		401: {
			description: prior
				? `${prior.description}; or a wrong or revoked bearer token`
				: 'A wrong or revoked bearer token',
			codes,
			schema: errorOf(codes)
		}
	};
}

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
	if (name === 'code') return { type: 'string', pattern: '^[A-Za-z0-9 -]{4,24}$' };
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
	for (const op of operations) {
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
				Object.entries(documentedResponses(op)).map(([code, r]) => [
					code,
					{
						description: r.codes ? `${r.description} (${r.codes.join(', ')})` : r.description,
						...(r.schema
							? {
									content: {
										[r.type ?? 'application/json']: { schema: schemaOf(r.schema, 'output') }
									}
								}
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
