import type { Ctx } from '../context';
import { conflict } from '../errors';
import { callerHeardKey } from '../routing/live';
import { leaveCall } from './calls';
import { acceptOffer } from './offers';
import * as q from './queries';

/**
 * Whether a waiting caller is still there. The caller's page (phone or booth) says so by its
 * heartbeat, by opening its event stream and by reading its call; a caller not heard from for
 * CALLER_GONE_SECONDS has gone, and the call leaves the queue as abandoned. A shorter silence
 * (a network drop, a reload) keeps the place. An open stream's own pings do not count: a phone
 * that vanished leaves its connection open on the server for minutes.
 */

/** Last-heard times live a day at most (a call never waits that long). */
const KEEP_SECONDS = 86_400;
const key = callerHeardKey;

/** The caller of this call was heard from now. */
export async function touchCaller(ctx: Ctx, callId: string, now = Date.now()): Promise<void> {
	await ctx.redis.set(key(ctx, callId), String(now), 'EX', KEEP_SECONDS);
}

/**
 * When each caller was last heard from. A caller never heard of (a new call, or Redis lost its
 * data) starts being timed now, so nobody is dropped for a gap in the record.
 */
async function lastHeard(ctx: Ctx, callIds: string[], now: number): Promise<Map<string, number>> {
	const out = new Map<string, number>();
	if (!callIds.length) return out;
	const vals = await ctx.redis.mget(...callIds.map((id) => key(ctx, id)));
	const unknown: string[] = [];
	callIds.forEach((id, i) => {
		const v = Number(vals[i]);
		if (vals[i] && Number.isFinite(v)) out.set(id, v);
		else {
			out.set(id, now);
			unknown.push(id);
		}
	});
	if (unknown.length) {
		const m = ctx.redis.multi();
		for (const id of unknown) m.set(key(ctx, id), String(now), 'EX', KEEP_SECONDS, 'NX');
		await m.exec();
	}
	return out;
}

/** Whether this call's caller has gone silent past CALLER_GONE_SECONDS. */
export async function callerGone(ctx: Ctx, callId: string, now = Date.now()): Promise<boolean> {
	const heard = (await lastHeard(ctx, [callId], now)).get(callId) ?? now;
	return now - heard > ctx.cfg.CALLER_GONE_SECONDS * 1000;
}

/**
 * Waiting calls whose caller has gone leave the queue as abandoned (a booth's as
 * `booth_offline`, a phone's as `caller_gone`); an agent ringing for one is told and freed.
 * Returns the calls taken out.
 */
export async function sweepGoneCallers(ctx: Ctx, now = Date.now()): Promise<string[]> {
	const waiting = q
		.liveCalls(ctx.db)
		.filter((c) => c.status === 'queued' || c.status === 'offered');
	const heard = await lastHeard(
		ctx,
		waiting.map((c) => c.id),
		now
	);
	const gone: string[] = [];
	for (const c of waiting) {
		if (now - (heard.get(c.id) ?? now) <= ctx.cfg.CALLER_GONE_SECONDS * 1000) continue;
		const fresh = q.callById(ctx.db, c.id);
		if (fresh?.status !== 'queued' && fresh?.status !== 'offered') continue;
		const r = await leaveCall(ctx, c.id, c.channel === 'booth' ? 'booth_offline' : 'caller_gone');
		if (r.status === 'abandoned') gone.push(c.id);
	}
	return gone;
}

/**
 * The agent accepts an offer, unless its caller has gone meanwhile: then the call is abandoned
 * (the agent is free for the next caller) and the agent hears 409 `caller_gone`.
 */
export async function acceptPresentCaller(ctx: Ctx, agentId: number, offerId: string) {
	const offer = q.offerById(ctx.db, offerId);
	const call = offer ? q.callById(ctx.db, offer.callId) : undefined;
	if (
		call?.status === 'offered' &&
		offer?.agentId === agentId &&
		(await callerGone(ctx, call.id))
	) {
		await leaveCall(ctx, call.id, call.channel === 'booth' ? 'booth_offline' : 'caller_gone');
		throw conflict('caller_gone', 'The caller has left; the call was taken out of the queue');
	}
	return acceptOffer(ctx, agentId, offerId);
}

/** What the caller pages need to know of these rules (and of their idle times). */
export function callerSessionSettings(ctx: Ctx) {
	return {
		goneSeconds: ctx.cfg.CALLER_GONE_SECONDS,
		ratingIdleSeconds: ctx.cfg.CALLER_RATING_IDLE_SECONDS,
		closedIdleSeconds: ctx.cfg.CALLER_CLOSED_IDLE_SECONDS,
		startIdleSeconds: ctx.cfg.CALLER_START_IDLE_SECONDS
	};
}
