import { createHash, randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Ctx } from '../context';
import * as lua from './lua';
import * as steps from './lua-steps';

/** Candidates looked at per index in one match, and calls per bucket for a freed agent. */
const K = 32;
const S = 16;

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
function run(ctx: Ctx): Record<keyof typeof SCRIPTS, Script> {
	if (!defined.has(ctx.redis)) {
		for (const [name, src] of Object.entries(SCRIPTS))
			ctx.redis.defineCommand(name, { numberOfKeys: 0, lua: src });
		defined.add(ctx.redis);
	}
	return ctx.redis as unknown as Record<keyof typeof SCRIPTS, Script>;
}

/** Prefix of every routing key. */
export const rk = (ctx: Ctx, key: string) => `${ctx.prefix}:r:${key}`;

export type MatchCallResult =
	| {
			kind: 'offered';
			agentId: number;
			offerId: string;
			expiresAt: number;
			eligible: number;
			rule: string;
			version: number;
			bucket: string;
	  }
	| { kind: 'waiting'; eligibleOnline: number; position: number; bucket: string }
	| { kind: 'skip'; status: string };

type Raw = (string | number)[];

function matchCallResult(r: Raw, offerId: string, expiresAt: number): MatchCallResult {
	if (r[0] === 'offered')
		return {
			kind: 'offered',
			agentId: Number(r[1]),
			offerId,
			expiresAt,
			eligible: Number(r[2]),
			rule: String(r[3]),
			version: Number(r[4]),
			bucket: String(r[5])
		};
	if (r[0] === 'waiting')
		return {
			kind: 'waiting',
			eligibleOnline: Number(r[2]),
			position: Number(r[4]),
			bucket: String(r[5])
		};
	return { kind: 'skip', status: String(r[1]) };
}

/** One atomic step: the best eligible available agent for a queued call is reserved and offered. */
export async function matchCall(
	ctx: Ctx,
	callId: string,
	now: number,
	forcedAgent?: number
): Promise<MatchCallResult> {
	const offerId = randomUUID();
	const expiresAt = now + ctx.cfg.OFFER_TIMEOUT_SECONDS * 1000;
	const r = (await run(ctx).rMatchCall(
		ctx.prefix,
		callId,
		offerId,
		now,
		expiresAt,
		K,
		forcedAgent ? String(forcedAgent) : '',
		ctx.cfg.OFFER_RETRY_SECONDS * 1000
	)) as Raw;
	return matchCallResult(r, offerId, expiresAt);
}

/**
 * One atomic step: a new call is queued and matched, and on a match the events of `announce`
 * (templates completed with the agent and the offer) go out in the same step. `skip` when the
 * call was already live.
 */
export async function routeNew(
	ctx: Ctx,
	callId: string,
	bucket: string,
	score: number,
	elderly: boolean,
	now: number,
	announce: (offerId: string, expiresAt: number) => string[]
): Promise<MatchCallResult> {
	const offerId = randomUUID();
	const expiresAt = now + ctx.cfg.OFFER_TIMEOUT_SECONDS * 1000;
	const r = (await run(ctx).rRouteNew(
		ctx.prefix,
		callId,
		bucket,
		score,
		elderly ? '1' : '0',
		offerId,
		now,
		expiresAt,
		K,
		ctx.cfg.OFFER_RETRY_SECONDS * 1000,
		...busArgs(ctx),
		...announce(offerId, expiresAt)
	)) as Raw;
	return matchCallResult(r, offerId, expiresAt);
}

function busArgs(ctx: Ctx): [string, string, number] {
	return [ctx.bus.streamKey, ctx.bus.channel, ctx.bus.maxLen];
}

export type MatchAgentResult =
	| {
			kind: 'offered';
			callId: string;
			offerId: string;
			expiresAt: number;
			buckets: number;
			version: number;
			bucket: string;
	  }
	| { kind: 'idle' | 'skip' };

function matchAgentResult(r: Raw, offerId: string, expiresAt: number): MatchAgentResult {
	if (r[0] === 'offered')
		return {
			kind: 'offered',
			callId: String(r[1]),
			offerId,
			expiresAt,
			buckets: Number(r[2]),
			version: Number(r[3]),
			bucket: String(r[4])
		};
	return { kind: r[0] === 'idle' ? 'idle' : 'skip' };
}

/** One atomic step: a freed agent takes the best waiting call it is eligible for. */
export async function matchAgent(
	ctx: Ctx,
	agentId: number,
	now: number
): Promise<MatchAgentResult> {
	const offerId = randomUUID();
	const expiresAt = now + ctx.cfg.OFFER_TIMEOUT_SECONDS * 1000;
	const r = (await run(ctx).rMatchAgent(
		ctx.prefix,
		agentId,
		offerId,
		now,
		expiresAt,
		S,
		ctx.cfg.OFFER_RETRY_SECONDS * 1000
	)) as Raw;
	return matchAgentResult(r, offerId, expiresAt);
}

/** The first waiting calls of a bucket, with what their wait estimates need. */
export interface BucketHead {
	/** Moving average of handle time (seconds), or null before any history. */
	aht: number | null;
	calls: { callId: string; position: number; eligibleOnline: number }[];
}

function headOf(r: Raw): BucketHead {
	const calls: BucketHead['calls'] = [];
	for (let i = 1; i + 1 < r.length; i += 2)
		calls.push({
			callId: String(r[i]),
			position: calls.length + 1,
			eligibleOnline: Number(r[i + 1])
		});
	const aht = Number(r[0]);
	return { aht: aht > 0 ? aht : null, calls };
}

/** The first `n` waiting calls of a bucket (to push their new positions). */
export async function bucketHead(ctx: Ctx, bucket: string, n: number): Promise<BucketHead> {
	return headOf((await run(ctx).rHead(ctx.prefix, bucket, n)) as Raw);
}

export interface Removed {
	status: string;
	offerId: string;
	/** The agent whose offer was withdrawn and who is available again, or null. */
	agentId: number | null;
	bucket: string;
}

function removedOf(r: Raw): Removed {
	return {
		status: String(r[0]),
		offerId: String(r[1] ?? ''),
		agentId: r[2] ? Number(r[2]) : null,
		bucket: String(r[3] ?? '')
	};
}

/**
 * One atomic step for a caller who leaves: the call is removed (`announce.always` goes out); an
 * agent it had been offered to is freed (`announce.ifAgentFreed` goes out, completed with the
 * agent and the withdrawn offer) and takes the best waiting call; the head of the bucket it left
 * is read.
 */
export async function leave(
	ctx: Ctx,
	callId: string,
	now: number,
	headSize: number,
	announce: { always: string; ifAgentFreed: string[] }
): Promise<{ removed: Removed; next: MatchAgentResult | null; head: BucketHead }> {
	const offerId = randomUUID();
	const expiresAt = now + ctx.cfg.OFFER_TIMEOUT_SECONDS * 1000;
	const [r, m, h] = (await run(ctx).rLeave(
		ctx.prefix,
		callId,
		now,
		offerId,
		expiresAt,
		S,
		ctx.cfg.OFFER_RETRY_SECONDS * 1000,
		headSize,
		...busArgs(ctx),
		announce.always,
		...announce.ifAgentFreed
	)) as [Raw, Raw, Raw];
	return {
		removed: removedOf(r),
		next: m[0] === 'none' ? null : matchAgentResult(m, offerId, expiresAt),
		head: headOf(h)
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
