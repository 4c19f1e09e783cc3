import { randomUUID } from 'node:crypto';
import type { Ctx } from '../context';
import { timedStep } from '../telemetry';
import { removedOf, run, type Raw, type Removed } from './scripts';

/**
 * The matching steps in both directions (a call looks for an agent, a freed agent for a call),
 * the new-call and caller-leaves steps built on them, and the head of a bucket: thin wrappers over
 * the scripts of `lua-steps.ts`, each one atomic Redis step.
 */

/** Candidates looked at per index in one match, and calls per bucket for a freed agent. */
const K = 32;
const S = 16;

/** A waiting caller not heard from for this long is gone and never offered (calls/presence.ts). */
function goneMs(ctx: Ctx): number {
	return ctx.cfg.CALLER_GONE_SECONDS * 1000;
}

/** A fresh offer a step may make: its id and when it expires. */
function newOffer(ctx: Ctx, now: number) {
	return { offerId: randomUUID(), expiresAt: now + ctx.cfg.OFFER_TIMEOUT_SECONDS * 1000 };
}

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
	| {
			kind: 'waiting';
			eligibleOnline: number;
			/** Eligible seats that are free but cooling down after letting this call pass. */
			coolingDown: number;
			/** Eligible seats online that are on a break. */
			onBreak: number;
			position: number;
			bucket: string;
	  }
	| { kind: 'skip'; status: string };

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
			coolingDown: Number(r[6] ?? 0),
			onBreak: Number(r[7] ?? 0),
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
	const { offerId, expiresAt } = newOffer(ctx, now);
	const r = (await timedStep(
		'call',
		run(ctx).rMatchCall(
			ctx.prefix,
			callId,
			offerId,
			now,
			expiresAt,
			K,
			forcedAgent ? String(forcedAgent) : '',
			ctx.cfg.OFFER_RETRY_SECONDS * 1000,
			goneMs(ctx)
		)
	)) as Raw;
	return matchCallResult(r, offerId, expiresAt);
}

/**
 * One atomic step: a supervisor's pick. The named agent is reserved and offered the queued call
 * if it is available right now; `agent_busy` (with its state) otherwise; nothing else is tried.
 */
export async function assign(
	ctx: Ctx,
	callId: string,
	agentId: number,
	now: number
): Promise<MatchCallResult | { kind: 'agent_busy'; state: string }> {
	const { offerId, expiresAt } = newOffer(ctx, now);
	const r = (await timedStep(
		'assign',
		run(ctx).rAssign(ctx.prefix, callId, agentId, offerId, now, expiresAt)
	)) as Raw;
	if (r[0] === 'agent_busy') return { kind: 'agent_busy', state: String(r[1]) };
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
	const { offerId, expiresAt } = newOffer(ctx, now);
	const r = (await timedStep(
		'new_call',
		run(ctx).rRouteNew(
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
		)
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
	const { offerId, expiresAt } = newOffer(ctx, now);
	const r = (await timedStep(
		'agent_freed',
		run(ctx).rMatchAgent(
			ctx.prefix,
			agentId,
			offerId,
			now,
			expiresAt,
			S,
			ctx.cfg.OFFER_RETRY_SECONDS * 1000,
			goneMs(ctx)
		)
	)) as Raw;
	return matchAgentResult(r, offerId, expiresAt);
}

/** The first waiting calls of a bucket, with what their wait estimates need. */
export interface BucketHead {
	/** Moving average of handle time (seconds), or null before any history. */
	aht: number | null;
	calls: { callId: string; position: number; eligibleOnline: number; onBreak: number }[];
}

function headOf(r: Raw): BucketHead {
	const calls: BucketHead['calls'] = [];
	for (let i = 1; i + 2 < r.length; i += 3)
		calls.push({
			callId: String(r[i]),
			position: calls.length + 1,
			eligibleOnline: Number(r[i + 1]),
			onBreak: Number(r[i + 2])
		});
	const aht = Number(r[0]);
	return { aht: aht > 0 ? aht : null, calls };
}

/** The first `n` waiting calls of a bucket, every one when `n` < 0 (to push their new positions). */
export async function bucketHead(ctx: Ctx, bucket: string, n: number): Promise<BucketHead> {
	return headOf((await run(ctx).rHead(ctx.prefix, bucket, n)) as Raw);
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
	const { offerId, expiresAt } = newOffer(ctx, now);
	const [r, m, h] = (await run(ctx).rLeave(
		ctx.prefix,
		callId,
		now,
		offerId,
		expiresAt,
		S,
		ctx.cfg.OFFER_RETRY_SECONDS * 1000,
		headSize,
		goneMs(ctx),
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
