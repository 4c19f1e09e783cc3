import { randomUUID } from 'node:crypto';
import { publishAgent } from '../agents/events';
import { audit } from '../audit/audit';
import { displayName, logAgentState } from '../agents/queries';
import type { Ctx } from '../context';
import { conflict, forbidden, notFound } from '../errors';
import * as live from '../routing/live';
import { videoAccess, type VideoAccess } from '../video/access';
import { publishCall } from './events';
import * as q from './queries';
import { followCall, offerContext } from './route';

const iso = (ms: number) => new Date(ms).toISOString();

/** Tells the call's agent how the interpreter request stands. */
async function tellAgent(
	ctx: Ctx,
	call: q.CallRow,
	status: 'requested' | 'joined' | 'declined' | 'expired' | 'withdrawn' | 'left',
	displayName: string | null = null
) {
	if (!call.agentId) return;
	await ctx.bus.publish(
		'interpreter.updated',
		{ callId: call.id, status, displayName },
		{ users: [call.agentId] }
	);
}

/**
 * The call's agent asks for a sign-language interpreter: the best available sign-language seat
 * gets an `interpreter` offer for the same room. 409 `no_interpreter_available` when none is free,
 * `interpreter_pending` while one is being asked, `interpreter_present` once one has joined.
 */
export async function requestInterpreter(ctx: Ctx, agentId: number, callId: string) {
	const call = q.callById(ctx.db, callId);
	if (!call) throw notFound('No such call');
	if (call.agentId !== agentId) throw forbidden('Only the agent handling this call may do this');
	if (call.status !== 'connected') throw conflict('not_connected', `The call is ${call.status}`);
	if (call.interpreterId)
		throw conflict('interpreter_present', 'An interpreter has already joined this call');
	const now = Date.now();
	const offerId = randomUUID();
	const expiresAt = now + ctx.cfg.OFFER_TIMEOUT_SECONDS * 1000;
	const { result: r, agentId: who } = await live.offerInterpreter(ctx, {
		callId,
		offerId,
		now,
		expiresAt,
		exclude: agentId
	});
	if (r === 'pending')
		throw conflict('interpreter_pending', 'A sign-language seat is already being asked');
	if (r === 'not_connected') throw conflict('not_connected', 'The call is not connected');
	if (r === 'none') {
		// kept so the duty supervisors are told when the request stays unmet (supervisor alerts)
		q.recordTransition(ctx.db, {
			callId,
			type: 'interpreter_unavailable',
			agentId,
			reason: 'none_available',
			at: iso(now)
		});
		throw conflict('no_interpreter_available', 'No sign-language seat is available right now');
	}
	const interpreterId = Number(who);
	q.insertOffer(ctx.db, {
		id: offerId,
		callId,
		agentId: interpreterId,
		kind: 'interpreter',
		status: 'pending',
		createdAt: iso(now),
		expiresAt: iso(expiresAt)
	});
	logAgentState(ctx.db, interpreterId, 'offered', `interpreting call ${callId}`);
	await Promise.all([
		ctx.bus.publish(
			'offer.created',
			{
				offerId,
				callId,
				expiresAt: iso(expiresAt),
				call: offerContext(ctx, call, 'interpreter')
			},
			{ users: [interpreterId] }
		),
		publishAgent(ctx, interpreterId, 'offered'),
		tellAgent(ctx, call, 'requested')
	]);
	return { callId, status: 'requested' as const, expiresAt: iso(expiresAt) };
}

/**
 * A sign-language seat accepts an interpreter offer: it joins the call's room as `interpreter`.
 * `ended` when the call is over by now (the offer is still pending: the caller withdraws it),
 * `gone` when the offer was no longer pending.
 */
export async function acceptInterpreter(
	ctx: Ctx,
	agentId: number,
	offerId: string
): Promise<{ callId: string; roomName: string | null; video: VideoAccess } | 'ended' | 'gone'> {
	const now = Date.now();
	const { result: r, callId } = await live.acceptInterpreter(ctx, offerId, agentId, now);
	if (r !== 'accepted') return r;
	const at = iso(now);
	q.recordTransition(
		ctx.db,
		{
			callId: callId,
			type: 'interpreter_joined',
			agentId,
			reason: 'accepted',
			at,
			patch: { interpreterId: agentId }
		},
		(tx) => q.answerOffer(tx, offerId, 'accepted', at)
	);
	logAgentState(ctx.db, agentId, 'busy', `interpreting call ${callId}`);
	const name = displayName(ctx.db, agentId) ?? '';
	const call = q.callById(ctx.db, callId)!;
	await Promise.all([
		publishAgent(ctx, agentId, 'busy'),
		tellAgent(ctx, call, 'joined', name),
		// the caller's page reads its call again and says the interpreter has joined
		publishCall(ctx, callId, 'connected')
	]);
	const video = await videoAccess(ctx, callId, {
		role: 'interpreter',
		subjectId: agentId,
		displayName: name
	});
	return { callId: callId, roomName: call.roomName ?? null, video };
}

/** Whether an offer is an interpreter request (it is answered differently from a call offer). */
export function isInterpreterOffer(ctx: Ctx, offerId: string): boolean {
	return q.offerById(ctx.db, offerId)?.kind === 'interpreter';
}

/** Tells the call's agent that their interpreter request was not taken. */
export async function interpreterOfferReleased(
	ctx: Ctx,
	callId: string,
	outcome: 'declined' | 'expired' | 'withdrawn'
) {
	const call = q.callById(ctx.db, callId);
	if (call?.status === 'connected') await tellAgent(ctx, call, outcome);
}

/**
 * Frees the call's interpreter when the call is over or they leave (only if they are still on
 * this call: by then they may be interpreting elsewhere).
 */
export async function releaseInterpreter(ctx: Ctx, callId: string, why: string): Promise<void> {
	const call = q.callById(ctx.db, callId);
	if (!call?.interpreterId) return;
	const a = await live.agent(ctx, call.interpreterId);
	if (a.state !== 'busy' || a.callId !== callId) return;
	await followCall(ctx, call.interpreterId, 'available', why);
	if (call.status === 'connected') await tellAgent(ctx, call, 'left');
}

/**
 * The interpreter leaves the call, or the call's agent releases them (the agent and the caller
 * stay connected; the caller's screen says the interpreter has left). The agent's release is
 * audited; 409 `no_interpreter` when none is in the call.
 */
export async function leaveInterpreting(ctx: Ctx, userId: number, callId: string) {
	const call = q.callById(ctx.db, callId);
	if (!call) throw notFound('No such call');
	const byAgent = call.agentId === userId && call.interpreterId !== userId;
	if (!byAgent && call.interpreterId !== userId)
		throw forbidden('You are not interpreting or handling this call');
	if (!call.interpreterId) throw conflict('no_interpreter', 'No interpreter is in this call');
	const interpreterId = call.interpreterId;
	// The interpreter's desk learns it first, before its own state changes.
	if (byAgent)
		await ctx.bus.publish(
			'interpreter.updated',
			{ callId, status: 'left', displayName: null },
			{ users: [interpreterId] }
		);
	await releaseInterpreter(ctx, callId, byAgent ? 'released by the agent' : 'left interpreting');
	q.recordTransition(ctx.db, {
		callId,
		type: 'interpreter_left',
		agentId: interpreterId,
		reason: byAgent ? 'released' : 'left',
		at: iso(Date.now()),
		patch: { interpreterId: null }
	});
	if (byAgent)
		audit(ctx, {
			actorKind: 'user',
			actorId: userId,
			action: 'call.interpreter_release',
			target: `call:${callId}`,
			// the interpreter, shown by name in the audit trail
			detail: { agentId: interpreterId }
		});
	// The caller's screen reads the call again: the interpreter is gone.
	await publishCall(ctx, callId, call.status);
	return { callId, status: 'left' as const };
}

/**
 * After a transfer the call's interpreter stays in its room: the agent who takes the call over is
 * told who is interpreting (the room, and so the interpreter's video, is the call's own).
 */
export async function interpreterFollows(ctx: Ctx, callId: string): Promise<void> {
	const call = q.callById(ctx.db, callId);
	if (!call?.interpreterId || call.status !== 'connected') return;
	const name = displayName(ctx.db, call.interpreterId) ?? '';
	await Promise.all([
		tellAgent(ctx, call, 'joined', name),
		// the interpreter's page reads the call again: it names the new agent
		ctx.bus.publish(
			'interpreter.updated',
			{ callId, status: 'joined', displayName: name },
			{ users: [call.interpreterId] }
		)
	]);
}

/** Tells a transferred call's interpreter that it waits for a colleague (their page says so). */
export async function interpreterWaits(ctx: Ctx, call: q.CallRow): Promise<void> {
	if (!call.interpreterId) return;
	await ctx.bus.publish(
		'interpreter.updated',
		{ callId: call.id, status: 'requested', displayName: null },
		{ users: [call.interpreterId] }
	);
}
