import { RateLimiterRes, type RateLimiterRedis } from 'rate-limiter-flexible';
import type { Ctx } from '../context';
import type { Role } from '../db/schema';
import { forbidden, tooMany, unauthorized } from '../errors';
import { audit } from '../audit/audit';
import { hashPassword, verifyPassword } from './password';
import * as q from './queries';
import { hashToken, newToken } from './tokens';

export const SESSION_COOKIE = 'cw_session';
const SESSION_DAYS = 7;
const DAY = 24 * 60 * 60 * 1000;

/** The identity carried in `locals`: a staff user, a booth, or nobody. */
export interface StaffUser {
	id: number;
	username: string;
	displayName: string;
	roles: Role[];
}

function loginLimiters(ctx: Ctx) {
	return { byPair: ctx.limiters.loginPair, byIp: ctx.limiters.loginIp };
}

async function isBlocked(limiter: RateLimiterRedis, key: string): Promise<number> {
	const res = await limiter.get(key);
	return res && res.remainingPoints <= 0 ? Math.ceil(res.msBeforeNext / 1000) : 0;
}

async function consume(limiter: RateLimiterRedis, key: string) {
	try {
		await limiter.consume(key);
	} catch (e) {
		if (!(e instanceof RateLimiterRes)) throw e;
	}
}

/**
 * Checks a username and password; on success creates a session and returns its cookie token.
 * Failed attempts count against the user+address pair and the address alone.
 */
export async function login(
	ctx: Ctx,
	input: { username: string; password: string; ip: string }
): Promise<{ token: string; expiresAt: Date; user: StaffUser }> {
	const { byPair, byIp } = loginLimiters(ctx);
	const pairKey = `${input.username.toLowerCase()}|${input.ip}`;
	const wait = Math.max(await isBlocked(byPair, pairKey), await isBlocked(byIp, input.ip));
	if (wait > 0)
		throw tooMany(`Too many failed logins. Try again in ${Math.ceil(wait / 60)} min.`, wait);

	const row = q.userByUsername(ctx.db, input.username);
	// Hash even for unknown users so timing does not reveal which usernames exist.
	const ok = row
		? await verifyPassword(input.password, row.passwordHash)
		: await hashPassword(input.password).then(() => false);
	if (!row || !ok || !row.active) {
		await Promise.all([consume(byPair, pairKey), consume(byIp, input.ip)]);
		audit(ctx, {
			actorKind: 'system',
			action: 'login.failed',
			target: input.username.slice(0, 64)
		});
		throw unauthorized('Wrong username or password');
	}
	await byPair.delete(pairKey);
	const token = newToken();
	const expiresAt = new Date(Date.now() + SESSION_DAYS * DAY);
	q.insertSession(ctx.db, hashToken(token), row.id, expiresAt);
	audit(ctx, { actorKind: 'user', actorId: row.id, action: 'login' });
	return {
		token,
		expiresAt,
		user: { id: row.id, username: row.username, displayName: row.displayName, roles: row.roles }
	};
}

/** The user behind a session cookie, sliding its expiry when it is past half-life. */
export function validateSession(
	ctx: Ctx,
	token: string
): { user: StaffUser; expiresAt: Date } | null {
	const id = hashToken(token);
	const now = new Date();
	const row = q.sessionUser(ctx.db, id, now);
	if (!row) return null;
	let expiresAt = row.expiresAt;
	if (expiresAt.getTime() - now.getTime() < (SESSION_DAYS * DAY) / 2) {
		expiresAt = new Date(now.getTime() + SESSION_DAYS * DAY);
		q.extendSession(ctx.db, id, expiresAt);
	}
	const { sessionId: _s, expiresAt: _e, ...user } = row;
	return { user, expiresAt };
}

/** Ends a session. */
export function logout(ctx: Ctx, token: string): void {
	q.deleteSession(ctx.db, hashToken(token), new Date());
}

/** The booth behind a device bearer token. */
export function boothFromToken(ctx: Ctx, token: string) {
	return q.boothByTokenHash(ctx.db, hashToken(token)) ?? null;
}

/** Throws 401 without a user, 403 when the user has none of the roles. */
export function requireRole(user: StaffUser | null | undefined, ...roles: Role[]): StaffUser {
	if (!user) throw unauthorized();
	if (!roles.some((r) => user.roles.includes(r))) throw forbidden();
	return user;
}

/** The page a user lands on after login, by their most specific role. */
export function homeFor(user: StaffUser): string {
	if (user.roles.includes('agent')) return '/agent';
	if (user.roles.includes('supervisor')) return '/supervisor';
	if (user.roles.includes('scheduler')) return '/schedule';
	return '/admin';
}
