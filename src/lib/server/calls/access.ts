import type { StaffUser } from '../auth/auth';
import { hashToken } from '../auth/tokens';
import type { Ctx } from '../context';
import { forbidden, notFound, unauthorized } from '../errors';
import * as q from './queries';

export interface Who {
	user: StaffUser | null;
	booth: { id: number } | null;
	/** The bearer token of the request (a caller token or a booth token). */
	bearer: string | null;
}

/** The bearer token of a request, if any. */
export function bearerOf(request: Request): string | null {
	const h = request.headers.get('authorization');
	return h?.startsWith('Bearer ') ? h.slice(7).trim() || null : null;
}

/**
 * Who may act on a call as its caller or see it: staff, the call's own caller token, or the
 * booth the call was made from. 404 for an unknown call, 401/403 otherwise.
 */
export function requireCallAccess(
	ctx: Ctx,
	who: Who,
	callId: string,
	opts: { staff: boolean }
): q.CallRow {
	const call = q.callById(ctx.db, callId);
	if (!call) throw notFound('No such call');
	// Supervisors and admins see every call; an agent only the calls it handles.
	if (opts.staff && who.user) {
		const u = who.user;
		if (u.roles.includes('supervisor') || u.roles.includes('admin')) return call;
		if (call.agentId === u.id || call.interpreterId === u.id) return call;
		throw forbidden('This call is handled by another agent');
	}
	if (who.bearer && call.callerTokenHash === hashToken(who.bearer)) return call;
	if (who.booth && call.boothId === who.booth.id) return call;
	// Another booth is identified, so it is refused (403), not asked to log in.
	if (!who.user && !who.bearer && !who.booth) throw unauthorized('Caller token required');
	throw forbidden('This is not your call');
}

/** The call id a caller token belongs to (for the caller's event stream). */
export function callOfCallerToken(ctx: Ctx, token: string): string | null {
	return q.callIdByTokenHash(ctx.db, hashToken(token)) ?? null;
}
