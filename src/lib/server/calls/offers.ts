import { NOT_RESPONDING, publishAgent } from '../agents/events';
import { displayName, logAgentState } from '../agents/queries';
import type { Ctx } from '../context';
import { conflict } from '../errors';
import * as live from '../routing/live';
import { videoAccess, type VideoAccess } from '../video/access';
import { publishCall } from './events';
import {
	acceptInterpreter,
	interpreterFollows,
	interpreterOfferReleased,
	isInterpreterOffer
} from './interpreter';
import * as q from './queries';
import { offerContext, routeAgent, routeCall } from './route';

const iso = (ms: number) => new Date(ms).toISOString();
const gone = () => conflict('offer_gone', 'This offer has expired or was withdrawn');

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
		r.agentState === 'break' && next === 'auto' ? NOT_RESPONDING : (agentReason ?? outcome);
	await ctx.bus.publish(
		'offer.withdrawn',
		{ offerId, callId: r.callId, reason: outcome },
		{ users: [r.agentId] }
	);
	if (r.agentState) {
		logAgentState(ctx.db, r.agentId, r.agentState as 'available', why);
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
	if (isInterpreterOffer(ctx, offerId)) {
		const r = await acceptInterpreter(ctx, agentId, offerId);
		if (r === 'ended') await releaseOffer(ctx, offerId, 'withdrawn', 'available', 'call ended');
		if (typeof r === 'string') throw gone();
		return r;
	}
	const now = Date.now();
	const won = await live.accept(ctx, offerId, agentId, now);
	if (!won) throw gone();
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
	logAgentState(ctx.db, agentId, 'busy', `call ${callId}`);
	const name = displayName(ctx.db, agentId) ?? '';
	await Promise.all([
		publishCall(ctx, callId, 'connected', { agent: { displayName: name } }),
		publishAgent(ctx, agentId, 'busy'),
		// a transferred call keeps its interpreter: the new agent learns who it is
		interpreterFollows(ctx, callId)
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
	const o = await live.offer(ctx, offerId);
	if (o?.agentId !== agentId || !(await releaseOffer(ctx, offerId, 'declined'))) throw gone();
}

/** The agent's pending offer with the call's context, or null. */
export async function currentOffer(ctx: Ctx, agentId: number) {
	const o = await live.pendingOfferOf(ctx, agentId);
	const call = o && q.callById(ctx.db, o.callId);
	if (!o || !call) return null;
	const row = q.offerById(ctx.db, o.offerId);
	const assignment = row?.assignedBy
		? {
				userId: row.assignedBy,
				displayName: displayName(ctx.db, row.assignedBy) ?? '',
				override: row.override
			}
		: null;
	return {
		offerId: o.offerId,
		callId: call.id,
		expiresAt: iso(o.expiresAt),
		call: offerContext(ctx, call, o.kind, assignment)
	};
}

/**
 * Releases every pending offer more than `graceMs` past its time (the offer-expiry sweep runs this
 * with no grace; recovery after a restart too): each call goes back to its place and is routed
 * again. Returns how many offers expired.
 */
export async function expireOverdueOffers(ctx: Ctx, graceMs = 0): Promise<number> {
	let n = 0;
	for (;;) {
		const ids = await live.overdueOffers(ctx, Date.now(), graceMs);
		const done = await Promise.all(ids.map((id) => releaseOffer(ctx, id, 'expired')));
		n += done.filter(Boolean).length;
		// another process may hold the same batch; stop when nothing here moved
		if (ids.length < 200 || !done.some(Boolean)) return n;
	}
}
