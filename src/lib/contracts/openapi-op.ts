import { z } from 'zod';

/** One operation of /api/v1: its schemas, and for each status the codes its errors may carry. */
export interface Op {
	method: 'get' | 'post' | 'put' | 'delete';
	path: string;
	summary: string;
	tag: string;
	auth: 'public' | 'staff' | 'admin' | 'booth' | 'caller';
	body?: z.ZodType;
	query?: z.ZodObject;
	responses: Record<number, Response>;
}

export interface Response {
	description: string;
	schema?: z.ZodType;
	/** The media type of the body (default application/json). */
	type?: string;
	/** The machine codes an error response may carry. */
	codes?: readonly string[];
}

/** The codes every JSON body is checked with (`readBody`). */
export const BODY = ['invalid_json', 'invalid_utf8', 'validation_failed'] as const;
/** Paths where a bearer token can only be a booth's device token (POST). */
export const BOOTH_TOKEN_PATHS: readonly string[] = ['/calls', '/bookings', '/booth/heartbeat'];
/** Code of a bearer token that is neither a booth's nor a caller's (wrong, revoked). */
export const INVALID_TOKEN = 'invalid_token';
/** Code of a wrong or revoked booth token where only booth tokens are accepted. */
export const INVALID_BOOTH_TOKEN = 'invalid_booth_token';

/** The error body whose code is one of `codes`. */
export function errorOf(codes: readonly string[]) {
	const [first, ...rest] = codes;
	if (!first) throw new Error('an error response lists at least one code');
	const error = z.object({ code: z.enum([first, ...rest]), message: z.string() });
	// A rate-limited or briefly unavailable request is told when to try again (also in the
	// Retry-After header).
	return z.object({
		error:
			codes.includes('rate_limited') || codes.includes('service_unavailable')
				? error.extend({ retryAfterSeconds: z.number().int().optional() })
				: error
	});
}

/** A documented error response: what it means and the codes it may carry. */
export function err(description: string, ...codes: string[]): Response {
	return { description, codes, schema: errorOf(codes) };
}

/** 401 without a session, 403 without the role: every staff-only operation. */
export const staffOnly = (role = 'the role') => ({
	401: err('Login required', 'unauthorized'),
	403: err(`Not ${role}`, 'forbidden')
});

/** 401 without a session, 403 without the role or outside the supervisor's scope. */
export const supervisorOnly = () => ({
	401: err('Login required', 'unauthorized'),
	403: err(
		'Not a supervisor or admin, or outside the departments and towns the supervisor oversees',
		'forbidden',
		'out_of_scope'
	)
});
