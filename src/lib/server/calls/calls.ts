import { randomUUID } from 'node:crypto';
import { agentEvent } from '../agents/events';
import { displayName, logAgentState } from '../agents/queries';
import { hashToken, newToken } from '../auth/tokens';
import { languageByCode, matterFacts } from '../catalog/queries';
import type { Ctx } from '../context';
import { flushed } from '../db/group-commit';
import { badRequest, conflict, serviceUnavailable } from '../errors';
import { addJob, JOB_OPTIONS } from '../jobs';
import { logger } from '../logger';
import { isRedisUnavailable, redisReady } from '../redis';
import { serialize, templates } from '../realtime/wire';
import * as live from '../routing/live';
import * as matching from '../routing/matching';
import { requirementOf, scoreOf } from '../routing/policy';
import { matterHours } from '../schedule/schedule';
import { videoAccess } from '../video/access';
import {
	callEvent,
	HEAD_SIZE,
	positionEvents,
	publishCall,
	pushTailSoon,
	queuedWait,
	waitInfo,
	type WaitInfo
} from './events';
import { factsOf } from './facts';
import { releaseInterpreter } from './interpreter';
import { endMonitoring } from './monitor';
import * as q from './queries';
import { takeBack } from './reconcile';
import { followCall, offerEvents, offered, waiting } from './route';
import { addCallJob } from './supervise';

export interface NewCall {
	channel: 'booth' | 'mobile';
	matterId: number;
	language: string;
	signLanguage: boolean;
	elderly: boolean;
	priorityLane: 'none' | 'green' | 'urgent';
	appointmentId?: number | null;
}

/**
 * A caller joins the queue: checks matter, language, booth and service hours, stores the call,
 * starts its durable job and routes it at once. Returns the caller's token (shown once). A call
 * is made in both stores or not at all: when live state cannot take it (Redis unreachable), the
 * stored row is taken back and the caller hears 503 `service_unavailable`.
 */
export async function createCall(
	ctx: Ctx,
	input: NewCall,
	opts: { boothId?: number | null; now?: number } = {}
) {
	const now = opts.now ?? Date.now();
	const matter = matterFacts(ctx.db, input.matterId);
	if (!matter) throw badRequest(`unknown matter ${input.matterId}`, 'unknown_matter');
	const lang = languageByCode(ctx.db, input.language);
	if (!lang) throw badRequest(`unknown language "${input.language}"`, 'unknown_language');
	if (input.channel === 'booth' && !opts.boothId)
		throw badRequest('a booth call needs the booth token', 'booth_token_required');
	const boothId = input.channel === 'booth' ? opts.boothId! : null;
	if (boothId && q.liveCallOfBooth(ctx.db, boothId))
		throw conflict('booth_busy', 'This booth already has a call in progress');
	const hours = matterHours(ctx, matter.id, now, { boothId, language: input.language });
	if (!hours.open)
		throw conflict('closed', 'This matter is not served at this time', { opensAt: hours.opensAt });
	// Nothing is stored while live state is known to be away.
	if (!redisReady(ctx.redis)) throw serviceUnavailable();

	const id = randomUUID();
	const callerToken = newToken();
	const at = new Date(now).toISOString();
	const row = {
		id,
		channel: input.channel,
		boothId,
		matterId: input.matterId,
		language: input.language,
		signLanguage: input.signLanguage || lang.signed,
		elderly: input.elderly,
		priorityLane: input.priorityLane,
		appointmentId: input.appointmentId ?? null,
		status: 'queued' as const,
		callerTokenHash: hashToken(callerToken),
		queuedAt: at
	};
	let stored: q.CallRow;
	try {
		stored = q.insertCall(ctx.db, row, at);
	} catch (e) {
		if (String(e).includes('FOREIGN KEY'))
			throw badRequest('unknown appointment', 'unknown_appointment');
		throw e;
	}
	// Another process that matches this call before the commit reads it under the write lock
	// (see `offered`), so routing need not wait for the commit; the caller hears back after it.
	const facts = factsOf(ctx, stored);
	const req = requirementOf(ctx, facts, 0);
	// The match goes out first; the durable job follows it and is awaited before the caller hears
	// back.
	const routing = matching.routeNew(
		ctx,
		id,
		req.bucket,
		scoreOf(ctx, facts, at),
		facts.elderly,
		Date.now(),
		(offerId, expiresAt) =>
			templates((agent) => offerEvents(ctx, stored, agent, offerId, expiresAt))
	);
	const job = addCallJob(ctx, id, ctx.cfg.ROUTING_CHECK_SECONDS * 1000);
	job.catch(() => {});
	let routed: Awaited<typeof routing>;
	try {
		routed = await routing;
	} catch (e) {
		await takeBack(ctx, id);
		throw isRedisUnavailable(e) ? serviceUnavailable() : e;
	}
	// From here the call is in both stores: it is accepted, whatever else fails. A lost durable
	// job or event is repaired by the worker's reconciler within seconds.
	// Offered at once: an eligible seat is being rung.
	let wait: WaitInfo & { wait: NonNullable<WaitInfo['wait']> } = {
		position: 0,
		estimatedWaitSeconds: 0,
		wait: { state: 'ringing', lowSeconds: null, highSeconds: null }
	};
	try {
		if (routed.kind === 'offered')
			await offered(ctx, {
				...routed,
				callId: id,
				candidates: routed.eligible,
				now,
				requirement: routed.bucket,
				bucket: '',
				announced: true,
				call: stored
			});
		else if (routed.kind === 'waiting') {
			await waiting(ctx, id, routed);
			wait = await queuedWait(
				ctx,
				id,
				routed.position,
				{ online: routed.eligibleOnline, onBreak: routed.onBreak },
				input.matterId
			);
			await ctx.bus.publishMany([callEvent(id, 'queued', wait)]);
		}
		await job;
	} catch (e) {
		if (!isRedisUnavailable(e)) throw e;
		logger.warn(
			{ err: e, callId: id },
			'call accepted while Redis went away; the reconciler completes it'
		);
	}
	await flushed(ctx.db);
	return {
		callId: id,
		callerToken,
		status: routed.kind === 'offered' ? 'offered' : 'queued',
		queuedAt: at,
		...wait
	};
}

/** Whether a bearer token is the caller token of this call. */
export function isCallerOf(ctx: Ctx, callId: string, token: string | null | undefined): boolean {
	if (!token) return false;
	const c = q.callById(ctx.db, callId);
	return !!c && c.callerTokenHash === hashToken(token);
}

/** The number a caller quotes about a call (its id's first eight characters, upper case). */
export function referenceOf(callId: string): string {
	return `CW-${callId.replace(/-/g, '').slice(0, 8).toUpperCase()}`;
}

/** What a caller (or staff) sees of a call; the caller also gets a video token once connected. */
export async function callView(ctx: Ctx, callId: string, viewer: 'caller' | 'staff' = 'staff') {
	const c = q.callById(ctx.db, callId);
	if (!c) return null;
	const w: WaitInfo =
		c.status === 'queued'
			? await waitInfo(ctx, callId)
			: c.status === 'offered'
				? {
						position: null,
						estimatedWaitSeconds: null,
						wait: { state: 'ringing', lowSeconds: null, highSeconds: null }
					}
				: { position: null, estimatedWaitSeconds: null };
	const agentName = c.agentId ? displayName(ctx.db, c.agentId) : undefined;
	const o = c.status === 'ended' ? q.outcomeOfCall(ctx.db, callId) : undefined;
	const matter = o ? matterFacts(ctx.db, o.matterId ?? c.matterId) : undefined;
	return {
		callId: c.id,
		status: c.status,
		position: w.position,
		estimatedWaitSeconds: w.estimatedWaitSeconds,
		...(w.wait ? { wait: w.wait } : {}),
		queuedAt: c.queuedAt,
		escalationStep: c.escalationStep,
		...(agentName && ['connected', 'wrap_up'].includes(c.status)
			? { agent: { displayName: agentName } }
			: {}),
		interpreterJoined: c.status === 'connected' && !!c.interpreterId,
		// What the caller is told on the thanks screen: the outcome, a reference and where to go.
		...(o
			? {
					outcome: {
						code: o.outcome,
						mailResults: o.mailResults,
						reference: referenceOf(c.id),
						departmentName: matter?.departmentName ?? null,
						departmentNameEn: matter?.departmentNameEn ?? null
					}
				}
			: {}),
		video:
			viewer === 'caller' && c.status === 'connected'
				? await videoAccess(ctx, callId, { role: 'caller', subjectId: callId, displayName: '市民' })
				: null
	};
}

/**
 * The caller leaves: a waiting (or offered) call is abandoned and its offer withdrawn; a
 * connected call ends for the caller and the agent moves to wrap-up.
 */
export async function leaveCall(
	ctx: Ctx,
	callId: string,
	reason: 'caller_left' | 'caller_gone' | 'booth_offline' = 'caller_left'
): Promise<{ status: string }> {
	const c = q.callById(ctx.db, callId);
	if (!c) throw badRequest('unknown call', 'unknown_call');
	const now = Date.now();
	const at = new Date(now).toISOString();
	if (c.status === 'queued' || c.status === 'offered') {
		// One Redis step: the call leaves (and says so), the agent it was offered to is told and
		// takes the next call.
		const { removed, next, head } = await matching.leave(ctx, callId, now, HEAD_SIZE + 1, {
			always: serialize(callEvent(callId, 'abandoned')),
			ifAgentFreed: templates((agent, offer) => [
				['offer.withdrawn', { offerId: offer, callId, reason: 'caller_left' }, { users: [agent] }],
				agentEvent(agent, 'available', 'caller left')
			])
		});
		if (removed.status === 'connected' || removed.status === 'wrap_up') {
			// Accepted a moment ago and not yet recorded here: the call ends like a connected one.
			await flushed(ctx.db);
			const fresh = q.callById(ctx.db, callId)!;
			if (fresh.status !== 'connected') return { status: fresh.status };
			await toWrapUp(ctx, fresh, 'caller_left');
			return { status: 'wrap_up' };
		}
		const shown = { ...head, calls: head.calls.slice(0, HEAD_SIZE) };
		const publishing = positionEvents(ctx, shown).then((events) => ctx.bus.publishMany(events));
		if (head.calls.length > HEAD_SIZE && removed.bucket) pushTailSoon(ctx, removed.bucket);
		q.recordTransition(ctx.db, {
			callId,
			type: 'abandoned',
			from: c.status,
			to: 'abandoned',
			reason,
			at,
			patch: { status: 'abandoned', abandonedAt: at, endReason: reason },
			version: 'final'
		});
		if (removed.offerId) q.answerOffer(ctx.db, removed.offerId, 'withdrawn', at);
		if (removed.agentId) logAgentState(ctx.db, removed.agentId, 'available', 'caller left');
		await publishing;
		// a caller waiting again after a transfer may still have an interpreter in the room
		await releaseInterpreter(ctx, callId, 'caller left');
		if (removed.agentId && next?.kind === 'offered')
			await offered(ctx, {
				...next,
				agentId: removed.agentId,
				rule: 'agent_freed',
				candidates: 1,
				now
			});
		return { status: 'abandoned' };
	}
	if (c.status === 'connected') {
		await toWrapUp(ctx, c, 'caller_left');
		return { status: 'wrap_up' };
	}
	return { status: c.status };
}

/** Moves a connected call and its agent to wrap-up. */
export async function toWrapUp(ctx: Ctx, c: q.CallRow, reason: string): Promise<void> {
	const at = new Date().toISOString();
	const version = await live.markWrapUp(ctx, c.id);
	q.recordTransition(ctx.db, {
		callId: c.id,
		type: 'wrap_up',
		from: c.status,
		to: 'wrap_up',
		agentId: c.agentId,
		reason,
		at,
		patch: { status: 'wrap_up', wrapUpAt: at, endReason: reason },
		version
	});
	await publishCall(ctx, c.id, 'wrap_up');
	await releaseInterpreter(ctx, c.id, 'call ended');
	// the monitor list would expire by itself within hours: the call is already in wrap-up
	await endMonitoring(ctx, c.id).catch((e: unknown) =>
		logger.warn(
			{ callId: c.id, error: String(e) },
			'supervisors could not be taken out of an ended call'
		)
	);
	if (!c.agentId) return;
	await followCall(ctx, c.agentId, 'wrap_up', reason);
	// The wrap-up time runs from the end of the conversation; recording the outcome ends it sooner.
	if (ctx.cfg.WRAP_UP_SECONDS > 0)
		await addJob(
			ctx.queues,
			'routing',
			'wrap-up',
			{ agentId: c.agentId, callId: c.id },
			JOB_OPTIONS.wrapUp(c.id, ctx.cfg.WRAP_UP_SECONDS * 1000)
		);
}
