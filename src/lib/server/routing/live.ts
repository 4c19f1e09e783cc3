import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Ctx } from '../context';
import * as lua from './lua';
import * as steps from './lua-steps';

type Script = (...args: (string | number)[]) => Promise<unknown>;
const SCRIPTS = {
	rMatchCall: steps.MATCH_CALL,
	rMatchAgent: steps.MATCH_AGENT,
	rRouteNew: steps.ROUTE_NEW,
	rLeave: steps.LEAVE,
	rHead: steps.HEAD,
	rRelease: lua.RELEASE,
	rAccept: lua.ACCEPT,
	rEnqueue: steps.ENQUEUE,
	rRemoveCall: steps.REMOVE_CALL,
	rSetAgent: lua.SET_AGENT,
	rPosition: lua.POSITION,
	rWriteSkills: lua.WRITE_SKILLS
};
const defined = new WeakSet<Redis>();

/** The scripts bound to this context's connection (EVALSHA with automatic fallback). */
export function run(ctx: Ctx): Record<keyof typeof SCRIPTS, Script> {
	if (!defined.has(ctx.redis)) {
		for (const [name, src] of Object.entries(SCRIPTS))
			ctx.redis.defineCommand(name, { numberOfKeys: 0, lua: src });
		defined.add(ctx.redis);
	}
	return ctx.redis as unknown as Record<keyof typeof SCRIPTS, Script>;
}

/** Prefix of every routing key. */
export const rk = (ctx: Ctx, key: string) => `${ctx.prefix}:r:${key}`;

/** A script's reply. */
export type Raw = (string | number)[];

export interface Removed {
	status: string;
	offerId: string;
	/** The agent whose offer was withdrawn and who is available again, or null. */
	agentId: number | null;
	bucket: string;
}

export function removedOf(r: Raw): Removed {
	return {
		status: String(r[0]),
		offerId: String(r[1] ?? ''),
		agentId: r[2] ? Number(r[2]) : null,
		bucket: String(r[3] ?? '')
	};
}

export type Outcome = 'declined' | 'expired' | 'withdrawn';
export type AfterRelease = 'auto' | 'available' | 'break' | 'offline';

/** Ends a pending offer without acceptance; null when it was no longer pending. */
export async function release(
	ctx: Ctx,
	offerId: string,
	outcome: Outcome,
	next: AfterRelease,
	now: number
): Promise<{ callId: string; agentId: number; agentState: string; version: number } | null> {
	const r = (await run(ctx).rRelease(
		ctx.prefix,
		offerId,
		outcome,
		next,
		ctx.cfg.OFFER_MAX_MISSES,
		now
	)) as string[];
	if (r[0] !== 'released') return null;
	return { callId: r[1]!, agentId: Number(r[2]), agentState: r[3]!, version: Number(r[4]) };
}

/** Accepts a pending, unexpired offer of this agent; returns the call id or null (gone). */
export async function accept(
	ctx: Ctx,
	offerId: string,
	agentId: number,
	now: number
): Promise<{ callId: string; version: number } | null> {
	const r = (await run(ctx).rAccept(ctx.prefix, offerId, agentId, now)) as string[];
	return r[0] === 'accepted' ? { callId: r[1]!, version: Number(r[2]) } : null;
}

/** Queues a call (`new` is a no-op when it is already live), or moves it to a new bucket. */
export async function enqueue(
	ctx: Ctx,
	callId: string,
	bucket: string,
	score: number,
	elderly: boolean,
	mode: 'new' | 'transfer' | 'rebucket' | 'restore'
): Promise<{ status: string; version: number }> {
	const r = (await run(ctx).rEnqueue(
		ctx.prefix,
		callId,
		bucket,
		score,
		elderly ? '1' : '0',
		mode
	)) as (string | number)[];
	return { status: String(r[0]), version: Number(r[1]) };
}

/** Marks a live call as in wrap-up; returns its new live version. */
export async function markWrapUp(ctx: Ctx, callId: string): Promise<number> {
	const key = rk(ctx, `c:${callId}`);
	const r = await ctx.redis.multi().hset(key, 'st', 'wrap_up').hincrby(key, 'v', 1).exec();
	return Number(r?.[1]?.[1] ?? 0);
}

/** The current live version of a call (0 when not live). */
export async function versionOf(ctx: Ctx, callId: string): Promise<number> {
	return Number((await ctx.redis.hget(rk(ctx, `c:${callId}`), 'v')) ?? 0);
}

/** Takes a call out of live state, withdrawing its pending offer (the agent becomes available). */
export async function removeCall(ctx: Ctx, callId: string, now: number): Promise<Removed> {
	return removedOf((await run(ctx).rRemoveCall(ctx.prefix, callId, now)) as Raw);
}

/** Sets an agent's live state; see SET_AGENT for what is refused. */
export async function setAgent(
	ctx: Ctx,
	agentId: number,
	state: string,
	now: number,
	idx = '',
	force = false
): Promise<{ result: 'ok' | 'offered' | 'in_call'; detail: string }> {
	const r = (await run(ctx).rSetAgent(
		ctx.prefix,
		agentId,
		state,
		now,
		idx,
		force ? '1' : '0'
	)) as string[];
	return { result: r[0] as 'ok' | 'offered' | 'in_call', detail: r[1] ?? '' };
}

/** Stores an agent's skill fields for the Lua eligibility checks. */
export async function writeSkills(
	ctx: Ctx,
	agentId: number,
	fields: Record<string, number>
): Promise<void> {
	const pairs = Object.entries(fields).sort(([a], [b]) => (a < b ? -1 : 1));
	const digest = createHash('sha1').update(JSON.stringify(pairs)).digest('base64');
	await run(ctx).rWriteSkills(ctx.prefix, agentId, digest, ...pairs.flat());
}

/** Live fields of an agent, call or offer (empty object when absent). */
export async function readHash(ctx: Ctx, key: string): Promise<Record<string, string>> {
	return ctx.redis.hgetall(rk(ctx, key));
}

/** 1-based position of a waiting call among callers with the same needs, or null. */
export async function position(ctx: Ctx, callId: string): Promise<number | null> {
	const r = (await run(ctx).rPosition(ctx.prefix, callId)) as unknown as number | null;
	return r ?? null;
}

/** Pending offers past their expiry by more than `graceMs`, oldest first (at most 200). */
export async function overdueOffers(ctx: Ctx, now: number, graceMs: number): Promise<string[]> {
	return ctx.redis.zrangebyscore(rk(ctx, 'oexp'), '-inf', String(now - graceMs), 'LIMIT', 0, 200);
}

/** Agents currently not offline. */
export async function onlineAgents(ctx: Ctx): Promise<number[]> {
	return (await ctx.redis.smembers(rk(ctx, 'online'))).map(Number);
}
