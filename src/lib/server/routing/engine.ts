import type { Ctx } from '../context';
import * as q from '../calls/queries';
import { conflict } from '../errors';
import * as live from './live';
import * as matching from './matching';
import { agentEvent, callEvent, publishAgent, publishCall, pushPositions } from './notify';
import type { Outgoing } from '../realtime/bus';
import { groupWrite } from '../db/group-commit';
import { videoAccess, type VideoAccess } from '../video/access';
import { callContext } from '../calls/context';
import { acceptInterpreter, interpreterOfferReleased, isInterpreterOffer } from './interpreter';

const iso = (ms: number) => new Date(ms).toISOString();

/** What the agent sees of an offered call: needs, origin and wait, no personal data. */
export function offerContext(ctx: Ctx, call: q.CallRow, kind: 'call' | 'interpreter' = 'call') {
	return { ...callContext(ctx, call), kind };
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
	/** The bucket the call left; the callers behind it are told their new place. */
	bucket?: string;
	/** The routing step itself already published the offer and the new states (`offerEvents`). */
	announced?: boolean;
	/** The stored call, when the caller has just read or written it. */
	call?: q.CallRow;
}

/**
 * The events of an offer: to the agent, and the new states for supervisors and the caller. With
 * `AGENT_MARK` / `OFFER_MARK` as agent and offer they are templates a routing script completes.
 */
export function offerEvents(
	ctx: Ctx,
	call: q.CallRow,
	agentId: number,
	offerId: string,
	expiresAt: number
): Outgoing[] {
	return [
		[
			'offer.created',
			{
				offerId,
				callId: call.id,
				expiresAt: iso(expiresAt),
				call: offerContext(ctx, { ...call, status: 'offered' })
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
		: ctx.bus.publishMany(offerEvents(ctx, call, o.agentId, o.offerId, o.expiresAt));
	const reason = {
		decision: 'offered',
		rule: o.rule,
		agentId: o.agentId,
		candidates: o.candidates,
		step: call.escalationStep,
		requirement: o.bucket ?? '',
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
				expiresAt: iso(o.expiresAt)
			})
	);
	q.logAgentState(ctx.db, o.agentId, 'offered', `call ${o.callId}`);
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
	q.logAgentState(ctx.db, r.agentId, 'available', 'call was never stored');
	await ctx.bus.publishMany([
		[
			'offer.withdrawn',
			{ offerId: o.offerId, callId: o.callId, reason: 'withdrawn' },
			{ users: [r.agentId] }
		],
		agentEvent(r.agentId, 'available', 'call was never stored')
	]);
}

/** Records why a call still waits, when that changed. */
export async function waiting(ctx: Ctx, callId: string, eligibleOnline: number): Promise<void> {
	const call = q.callById(ctx.db, callId);
	if (!call) return;
	const reason = eligibleOnline === 0 ? 'no_eligible_agent_online' : 'all_busy';
	const prev = call.routingReason;
	if (prev?.decision === 'waiting' && prev.reason === reason && prev.step === call.escalationStep)
		return;
	const routingReason = {
		decision: 'waiting',
		reason,
		eligibleOnline,
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
	else if (r.kind === 'waiting') await waiting(ctx, callId, r.eligibleOnline);
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

/**
 * Ends a pending offer without acceptance (declined, expired, withdrawn): the call goes back to
 * its original place and is routed again; the agent follows `next` (auto: available, or break
 * "not responding" after too many misses). Returns false when the offer was no longer pending.
 */
export async function releaseOffer(
	ctx: Ctx,
	offerId: string,
	outcome: live.Outcome,
	next: live.AfterRelease = 'auto',
	agentReason?: string
): Promise<boolean> {
	const now = Date.now();
	const r = await live.release(ctx, offerId, outcome, next, now);
	if (!r) return false;
	const at = iso(now);
	q.answerOffer(ctx.db, offerId, outcome, at);
	const requeued = r.version > 0;
	if (requeued)
		q.recordTransition(ctx.db, {
			callId: r.callId,
			type: `offer_${outcome}`,
			from: 'offered',
			to: 'queued',
			agentId: r.agentId,
			reason: outcome,
			at,
			patch: { status: 'queued' },
			version: r.version
		});
	const why =
		r.agentState === 'break' && next === 'auto' ? 'not responding' : (agentReason ?? outcome);
	await ctx.bus.publish(
		'offer.withdrawn',
		{ offerId, callId: r.callId, reason: outcome },
		{ users: [r.agentId] }
	);
	if (r.agentState) {
		q.logAgentState(ctx.db, r.agentId, r.agentState as 'available', why);
		await publishAgent(ctx, r.agentId, r.agentState, why);
	}
	if (requeued) {
		const again = await routeCall(ctx, r.callId);
		if (again.kind !== 'offered') await publishCall(ctx, r.callId, 'queued');
	}
	if (isInterpreterOffer(ctx, offerId)) await interpreterOfferReleased(ctx, r.callId, outcome);
	if (r.agentState === 'available') await routeAgent(ctx, r.agentId);
	return true;
}

/** What an accepted offer gives the agent; the video module fills `video` (LiveKit URL + token). */
export interface Accepted {
	callId: string;
	roomName: string | null;
	video: VideoAccess;
}

/** Accepts an offer at most once; 409 offer_gone after expiry, withdrawal or another answer. */
export async function acceptOffer(ctx: Ctx, agentId: number, offerId: string): Promise<Accepted> {
	if (isInterpreterOffer(ctx, offerId)) return acceptInterpreter(ctx, agentId, offerId);
	const now = Date.now();
	const won = await live.accept(ctx, offerId, agentId, now);
	if (!won) throw conflict('offer_gone', 'This offer has expired or was withdrawn');
	const callId = won.callId;
	const at = iso(now);
	q.recordTransition(
		ctx.db,
		{
			callId,
			type: 'connected',
			from: 'offered',
			to: 'connected',
			agentId,
			reason: 'accepted',
			at,
			patch: { status: 'connected', connectedAt: at, agentId },
			version: won.version
		},
		(tx) => q.answerOffer(tx, offerId, 'accepted', at)
	);
	q.logAgentState(ctx.db, agentId, 'busy', `call ${callId}`);
	const name = q.displayName(ctx.db, agentId) ?? '';
	await Promise.all([
		publishCall(ctx, callId, 'connected', { agent: { displayName: name } }),
		publishAgent(ctx, agentId, 'busy')
	]);
	const video = await videoAccess(ctx, callId, {
		role: 'agent',
		subjectId: agentId,
		displayName: name
	});
	return { callId, roomName: q.callById(ctx.db, callId)?.roomName ?? null, video };
}

/** The agent declines their offer; 409 offer_gone when it is no longer pending or not theirs. */
export async function declineOffer(ctx: Ctx, agentId: number, offerId: string): Promise<void> {
	const o = await live.readHash(ctx, `o:${offerId}`);
	if (o.agent !== String(agentId) || !(await releaseOffer(ctx, offerId, 'declined')))
		throw conflict('offer_gone', 'This offer has expired or was withdrawn');
}
