import { RateLimiterRes, type RateLimiterRedis } from 'rate-limiter-flexible';
import type { Ctx } from '../context';
import type { Role } from '../db/schema';
import { forbidden, tooMany, unauthorized } from '../errors';
import { audit } from '../audit/audit';
import { opaqueKey } from '../privacy';
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

/** A Redis key for a username: hashed, so what people type there (ID numbers) is never stored. */
export function loginKeyOf(username: string): string {
	return opaqueKey('login', username.trim().toLowerCase());
}

/** Seconds until a limiter lets this key try again, from the limiter's refusal. */
const retryOf = (r: RateLimiterRes) => Math.max(1, Math.ceil(r.msBeforeNext / 1000));

/** Counts one try under the key; the refusal (429) when it is over the limit. */
async function count(limiter: RateLimiterRedis, key: string): Promise<number> {
	try {
		await limiter.consume(key);
		return 0;
	} catch (e) {
		if (e instanceof RateLimiterRes) return retryOf(e);
		throw e;
	}
}

const LOCKOUT_SECONDS = 900;
const MAX_LOCKOUT_SECONDS = 86_400;

/**
 * Checks a username and password; on success creates a session and returns its cookie token.
 * Every try counts before the password is looked at (atomic, so parallel guesses cannot all be
 * checked): per user and address, per address, and per account from anywhere, whose lockout
 * doubles each time it is reached. A success gives the tries back.
 */
export async function login(
	ctx: Ctx,
	input: { username: string; password: string; ip: string }
): Promise<{ token: string; expiresAt: Date; user: StaffUser }> {
	const { loginPair, loginIp, loginAccount, loginLockouts } = ctx.limiters;
	const account = loginKeyOf(input.username);
	const ip = opaqueKey('ip', input.ip);
	const pairKey = `${account}|${ip}`;
	const waits = await Promise.all([
		count(loginPair, pairKey),
		count(loginIp, ip),
		count(loginAccount, account)
	]);
	const wait = Math.max(...waits);
	if (wait > 0)
		throw tooMany(`Too many failed logins. Try again in ${Math.ceil(wait / 60)} min.`, wait);

	const row = q.userByUsername(ctx.db, input.username);
	// Hash even for unknown users so timing does not reveal which usernames exist.
	const ok = row
		? await verifyPassword(input.password, row.passwordHash)
		: await hashPassword(input.password).then(() => false);
	if (!row || !ok || !row.active) {
		const left = await loginAccount.get(account);
		if (left && left.remainingPoints <= 0) {
			// the account's tries are used up: lock it, longer each time today
			const n = (await loginLockouts.consume(account).catch((r: RateLimiterRes) => r))
				.consumedPoints;
			const seconds = Math.min(LOCKOUT_SECONDS * 2 ** Math.max(0, n - 1), MAX_LOCKOUT_SECONDS);
			await loginAccount.block(account, seconds);
		}
		audit(ctx, {
			actorKind: 'system',
			action: 'login.failed',
			// an existing account is named by its id; what someone typed is never kept
			target: row ? `user:${row.id}` : null,
			detail: row ? undefined : { username: 'unknown account' }
		});
		throw unauthorized('Wrong username or password');
	}
	await Promise.all([
		loginPair.delete(pairKey),
		loginAccount.delete(account),
		loginIp.reward(ip, 1)
	]);
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
