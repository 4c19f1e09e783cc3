import { createHash } from 'node:crypto';
import type { Ctx } from '../context';
import { removedOf, run, type Raw, type Removed } from './scripts';

export { defineRoutingScripts } from './scripts';

/** Prefix of every routing key: this file is the only one that knows the key layout (see lua.ts). */
const rk = (ctx: Ctx, key: string) => `${ctx.prefix}:r:${key}`;

/** An agent's live state (offline when unknown). */
export interface LiveAgent {
	state: string;
	since: number | null;
	offerId: string | null;
	callId: string | null;
}

/** A call's live state; `state` is null when the call is not in live state. */
export interface LiveCall {
	state: 'queued' | 'offered' | 'connected' | 'wrap_up' | 'over' | null;
	bucket: string | null;
	offerId: string | null;
	agentId: number | null;
	/** Eligible seats online when the call was last matched (for wait estimates). */
	eligibleOnline: number;
	/** Of those, the seats that were on a break. */
	onBreak: number;
	version: number;
}

/** A pending or answered offer; null when unknown. */
export interface LiveOffer {
	callId: string;
	agentId: number;
	expiresAt: number;
	state: string;
	kind: 'call' | 'interpreter';
}

const num = (v: string | undefined) => (v ? Number(v) : null);

/** The live state of an agent. */
export async function agent(ctx: Ctx, agentId: number): Promise<LiveAgent> {
	return liveAgentOf(await ctx.redis.hgetall(rk(ctx, `a:${agentId}`)));
}

/** The live state of many agents, in one round trip (in the order asked). */
export async function agents(ctx: Ctx, agentIds: number[]): Promise<LiveAgent[]> {
	if (!agentIds.length) return [];
	const p = ctx.redis.pipeline();
	for (const id of agentIds) p.hgetall(rk(ctx, `a:${id}`));
	const replies = (await p.exec()) ?? [];
	return replies.map(([err, a]) => {
		if (err) throw err;
		return liveAgentOf(a as Record<string, string>);
	});
}

function liveAgentOf(a: Record<string, string>): LiveAgent {
	return {
		state: a.st ?? 'offline',
		since: num(a.since),
		offerId: a.offer || null,
		callId: a.call || null
	};
}

/** The live state of a call. */
export async function call(ctx: Ctx, callId: string): Promise<LiveCall> {
	const c = await ctx.redis.hgetall(rk(ctx, `c:${callId}`));
	return {
		state: (c.st as LiveCall['state']) ?? null,
		bucket: c.b ?? null,
		offerId: c.offer || null,
		agentId: num(c.agent),
		eligibleOnline: Number(c.eo ?? 0),
		onBreak: Number(c.eb ?? 0),
		version: Number(c.v ?? 0)
	};
}

/**
 * The key holding when a waiting call's caller was last heard from (ms). The matching steps read
 * it too (lua-steps.ts: present), so a caller gone silent is never offered.
 */
export function callerHeardKey(ctx: Ctx, callId: string): string {
	return `${ctx.prefix}:caller:${callId}`;
}

/** An offer's live record. */
export async function offer(ctx: Ctx, offerId: string): Promise<LiveOffer | null> {
	const o = await ctx.redis.hgetall(rk(ctx, `o:${offerId}`));
	if (!o.call) return null;
	return {
		callId: o.call,
		agentId: Number(o.agent),
		expiresAt: Number(o.exp),
		state: o.st ?? '',
		kind: o.k === 'interpreter' ? 'interpreter' : 'call'
	};
}

/** The agent's pending, unexpired offer, or null. */
export async function pendingOfferOf(
	ctx: Ctx,
	agentId: number,
	now = Date.now()
): Promise<(LiveOffer & { offerId: string }) | null> {
	const a = await agent(ctx, agentId);
	if (a.state !== 'offered' || !a.offerId) return null;
	const o = await offer(ctx, a.offerId);
	if (!o || o.state !== 'pending' || o.expiresAt < now) return null;
	return { ...o, offerId: a.offerId };
}

/** Moving average of handle time in seconds, or null before any call ended. */
export async function handleTimeAverage(ctx: Ctx): Promise<number | null> {
	const v = Number(await ctx.redis.get(rk(ctx, 'aht')));
	return v > 0 ? v : null;
}

/** Folds one finished call into the handle-time average (weight 1/20: recent calls count most). */
export async function foldHandleTime(ctx: Ctx, seconds: number): Promise<void> {
	const prev = Number(await ctx.redis.get(rk(ctx, 'aht')));
	const next = prev > 0 ? prev + (seconds - prev) / 20 : seconds;
	await ctx.redis.set(rk(ctx, 'aht'), String(Math.max(1, next)));
}

/** An agent is not offered this call again during the cool-down (e.g. the agent who transferred it). */
export async function excludeAgent(ctx: Ctx, callId: string, agentId: number, now: number) {
	// A negative time: kept away for the cool-down even when no other seat is free.
	await ctx.redis.zadd(rk(ctx, `c:${callId}:tr`), -now, String(agentId));
}

/**
 * Offers a connected call to one available sign-language seat (not `exclude`) as its
 * interpreter, once per seat and call; see INTERPRETER_OFFER.
 */
export async function offerInterpreter(
	ctx: Ctx,
	o: { callId: string; offerId: string; now: number; expiresAt: number; exclude: number }
): Promise<{ result: 'offered' | 'pending' | 'not_connected' | 'none'; agentId: number | null }> {
	const [r, who] = (await run(ctx).rInterpOffer(
		ctx.prefix,
		o.callId,
		o.offerId,
		o.now,
		o.expiresAt,
		64,
		String(o.exclude)
	)) as string[];
	return { result: r as 'offered', agentId: r === 'offered' ? Number(who) : null };
}

/** The interpreter takes the request while the call is still connected; see INTERPRETER_ACCEPT. */
export async function acceptInterpreter(
	ctx: Ctx,
	offerId: string,
	agentId: number,
	now: number
): Promise<{ result: 'accepted' | 'ended' | 'gone'; callId: string }> {
	const [r, callId] = (await run(ctx).rInterpAccept(
		ctx.prefix,
		offerId,
		String(agentId),
		now
	)) as string[];
	return { result: r as 'accepted', callId: callId ?? '' };
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

/**
 * Queues a call (`new` is a no-op when it is already live), moves it to a new bucket
 * (`rebucket`), or re-places a waiting call with a new score and needs (`requeue`).
 */
export async function enqueue(
	ctx: Ctx,
	callId: string,
	bucket: string,
	score: number,
	elderly: boolean,
	mode: 'new' | 'transfer' | 'rebucket' | 'restore' | 'requeue'
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

/** Re-indexes an agent after a skill change, keeping its state and idle order; returns the state. */
export async function reindex(ctx: Ctx, agentId: number, idx: string): Promise<string> {
	return String(await run(ctx).rReindex(ctx.prefix, agentId, idx));
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

/** Calls waiting or offered in live state (the reconciler compares them with SQLite). */
export async function waitingOrOffered(ctx: Ctx): Promise<string[]> {
	const buckets = await ctx.redis.smembers(rk(ctx, 'qb'));
	const queued = await Promise.all(
		buckets.map((b) => ctx.redis.zrange(rk(ctx, `q:${b}`), '0', '-1'))
	);
	const offerIds = await ctx.redis.zrange(rk(ctx, 'oexp'), '0', '-1');
	const offered = await Promise.all(offerIds.map((o) => ctx.redis.hget(rk(ctx, `o:${o}`), 'call')));
	return [...new Set([...queued.flat(), ...offered.filter((c): c is string => !!c)])];
}

/** Takes a lock for `ms` unless another process holds it; true when this one got it. */
export async function tryLock(ctx: Ctx, name: string, ms: number): Promise<boolean> {
	return (
		(await ctx.redis.set(rk(ctx, `lock:${name}`), String(process.pid), 'PX', ms, 'NX')) === 'OK'
	);
}
