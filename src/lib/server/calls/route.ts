import { agentEvent } from '../agents/events';
import { logAgentState } from '../agents/queries';
import { recordState } from '../agents/state';
import type { Ctx } from '../context';
import type { AgentState } from '../db/schema';
import { groupWrite } from '../db/group-commit';
import type { Outgoing } from '../realtime/wire';
import * as live from '../routing/live';
import * as matching from '../routing/matching';
import { callContext } from './context';
import { callEvent, pushPositions } from './events';
import * as q from './queries';

/**
 * Matching results turned into call transitions: an offer is recorded (and announced, unless the
 * routing step already did), a call that still waits records why.
 */

const iso = (ms: number) => new Date(ms).toISOString();

/** A supervisor's assignment of a call to an agent, as the agent is shown it. */
export interface Assignment {
	userId: number;
	displayName: string;
	/** The seat lacks one of the call's requirements; the supervisor sent it anyway. */
	override: boolean;
}

/** What the agent sees of an offered call: needs, origin and wait, no personal data. */
export function offerContext(
	ctx: Ctx,
	call: q.CallRow,
	kind: 'call' | 'interpreter' = 'call',
	assignment: Assignment | null = null
) {
	return { ...callContext(ctx, call), kind, assignment };
}

export interface Offered {
	callId: string;
	agentId: number;
	offerId: string;
	expiresAt: number;
	rule: string;
	candidates: number;
	now: number;
	version: number;
	/** The requirement (bucket) the call was matched in, for the record of why. */
	requirement?: string;
	/** The bucket the call left; the callers behind it are told their new place. */
	bucket?: string;
	/** The routing step itself already published the offer and the new states (`offerEvents`). */
	announced?: boolean;
	/** The stored call, when the caller has just read or written it. */
	call?: q.CallRow;
	/** A supervisor assigned the call to this agent. */
	assignment?: Assignment;
}

/**
 * The events of an offer: to the agent, and the new states for supervisors and the caller (also
 * built as templates a routing script completes, see realtime/wire.ts).
 */
export function offerEvents(
	ctx: Ctx,
	call: q.CallRow,
	agentId: number,
	offerId: string,
	expiresAt: number,
	assignment: Assignment | null = null
): Outgoing[] {
	return [
		[
			'offer.created',
			{
				offerId,
				callId: call.id,
				expiresAt: iso(expiresAt),
				call: offerContext(ctx, { ...call, status: 'offered' }, 'call', assignment)
			},
			{ users: [agentId] }
		],
		agentEvent(agentId, 'offered'),
		callEvent(call.id, 'offered')
	];
}

/**
 * Records a match made by Lua and tells the agent, the caller and supervisors: the events go
 * out first (one Redis step), the SQLite records are written while they travel.
 */
export async function offered(ctx: Ctx, o: Offered): Promise<void> {
	// Read under the write lock: a call another process has just created is committed by then.
	const call = o.call ?? groupWrite(ctx.db, () => q.callById(ctx.db, o.callId));
	if (!call) return dropUnstored(ctx, o);
	const at = iso(o.now);
	const publishing = o.announced
		? Promise.resolve([])
		: ctx.bus.publishMany(
				offerEvents(ctx, call, o.agentId, o.offerId, o.expiresAt, o.assignment ?? null)
			);
	const reason = {
		decision: 'offered',
		rule: o.rule,
		agentId: o.agentId,
		candidates: o.candidates,
		step: call.escalationStep,
		requirement: o.requirement ?? o.bucket ?? '',
		...(o.assignment ? { assignedBy: o.assignment.userId, override: o.assignment.override } : {}),
		at
	};
	q.recordTransition(
		ctx.db,
		{
			callId: o.callId,
			type: 'offered',
			from: call.status,
			to: 'offered',
			agentId: o.agentId,
			reason: o.rule,
			detail: reason,
			at,
			patch: { status: 'offered', offeredAt: at, routingReason: reason },
			version: o.version
		},
		(tx) =>
			q.insertOffer(tx, {
				id: o.offerId,
				callId: o.callId,
				agentId: o.agentId,
				status: 'pending',
				createdAt: at,
				expiresAt: iso(o.expiresAt),
				assignedBy: o.assignment?.userId ?? null,
				override: o.assignment?.override ?? false
			})
	);
	logAgentState(ctx.db, o.agentId, 'offered', `call ${o.callId}`);
	await publishing;
	if (o.bucket) await pushPositions(ctx, o.bucket);
}

/**
 * A live call with no stored row (its process died between queueing it and committing it; the
 * caller was never told it exists): it leaves live state and the agent is free again.
 */
async function dropUnstored(ctx: Ctx, o: Offered): Promise<void> {
	const r = await live.removeCall(ctx, o.callId, Date.now());
	if (!r.agentId) return;
	logAgentState(ctx.db, r.agentId, 'available', 'call was never stored');
	await ctx.bus.publishMany([
		[
			'offer.withdrawn',
			{ offerId: o.offerId, callId: o.callId, reason: 'withdrawn' },
			{ users: [r.agentId] }
		],
		agentEvent(r.agentId, 'available', 'call was never stored')
	]);
}

/**
 * Why a waiting call was not offered: no eligible seat is online; every one online is on a
 * break; the eligible seats that are free let this call pass a moment ago (the re-offer
 * cool-down); or every eligible seat is busy.
 */
export function waitingReason(w: {
	eligibleOnline: number;
	coolingDown: number;
	onBreak?: number;
}) {
	if (w.eligibleOnline === 0) return 'no_eligible_agent_online';
	if ((w.onBreak ?? 0) >= w.eligibleOnline) return 'all_on_break';
	return w.coolingDown > 0 ? 'cooling_down' : 'all_busy';
}

/** Records why a call still waits, when that changed. */
export async function waiting(
	ctx: Ctx,
	callId: string,
	w: { eligibleOnline: number; coolingDown: number; onBreak?: number; bucket: string }
): Promise<void> {
	const call = q.callById(ctx.db, callId);
	if (!call) return;
	const { eligibleOnline, coolingDown } = w;
	const reason = waitingReason(w);
	const prev = call.routingReason;
	if (prev?.decision === 'waiting' && prev.reason === reason && prev.step === call.escalationStep)
		return;
	const routingReason = {
		decision: 'waiting',
		reason,
		eligibleOnline,
		coolingDown,
		requirement: w.bucket,
		step: call.escalationStep,
		at: new Date().toISOString()
	};
	q.recordTransition(ctx.db, {
		callId,
		type: 'waiting',
		reason,
		detail: routingReason,
		at: routingReason.at,
		patch: { routingReason }
	});
}

/** Tries to offer a queued call to the best eligible available agent. */
export async function routeCall(ctx: Ctx, callId: string, forcedAgent?: number) {
	const now = Date.now();
	const r = await matching.matchCall(ctx, callId, now, forcedAgent);
	if (r.kind === 'offered') await offered(ctx, { ...r, callId, candidates: r.eligible, now });
	else if (r.kind === 'waiting') await waiting(ctx, callId, r);
	return r;
}

/** Tries to offer an available agent the best waiting call it may take. */
export async function routeAgent(ctx: Ctx, agentId: number) {
	const now = Date.now();
	const r = await matching.matchAgent(ctx, agentId, now);
	if (r.kind === 'offered')
		await offered(ctx, { ...r, agentId, rule: 'agent_freed', candidates: 1, now });
	return r;
}

/** System-driven agent state that follows the call (busy, wrap_up) or the wrap-up timer. */
export async function followCall(
	ctx: Ctx,
	agentId: number,
	state: Extract<AgentState, 'busy' | 'wrap_up' | 'available'>,
	reason: string
): Promise<void> {
	const r = await live.setAgent(ctx, agentId, state, Date.now(), '', true);
	if (r.result !== 'ok') return;
	await recordState(ctx, agentId, state, reason);
	if (state === 'available') await routeAgent(ctx, agentId);
}
