import type { Ctx } from '../context';
import { addJob, JOB_OPTIONS } from '../jobs';
import * as live from '../routing/live';
import { policy, requirementOf, scoreOf } from '../routing/policy';
import { dueStep, nextStepAtMs } from '../routing/rules';
import { matterHours } from '../schedule/schedule';
import { publishCall } from './events';
import { factsOf } from './facts';
import { expireOverdueOffers, releaseOffer } from './offers';
import * as q from './queries';
import { routeAgent, routeCall } from './route';

/** Starts (or restarts) a call's durable job. */
export async function addCallJob(ctx: Ctx, callId: string, delayMs: number): Promise<void> {
	await addJob(ctx.queues, 'calls', 'call', { callId }, JOB_OPTIONS.call(callId, delayMs));
}

/** Puts a stored waiting call back into live state (after a restart or a lost write). */
export async function restore(ctx: Ctx, call: q.CallRow): Promise<void> {
	const facts = factsOf(ctx, call);
	const req = requirementOf(ctx, facts, call.escalationStep);
	const { version } = await live.enqueue(
		ctx,
		call.id,
		req.bucket,
		scoreOf(ctx, facts, call.queuedAt),
		facts.elderly,
		'restore'
	);
	if (call.status === 'offered') {
		const at = new Date().toISOString();
		for (const o of q.offersOf(ctx.db, call.id))
			if (o.status === 'pending') q.answerOffer(ctx.db, o.id, 'expired', at);
		q.recordTransition(ctx.db, {
			callId: call.id,
			type: 'requeued',
			from: 'offered',
			to: 'queued',
			reason: 'recovered',
			at,
			patch: { status: 'queued' },
			version
		});
	}
}

/** Applies the escalation steps due by now; each step is recorded and visible on the call. */
async function escalate(ctx: Ctx, call: q.CallRow, now: number): Promise<q.CallRow> {
	const steps = policy(ctx.cfg).steps;
	const due = dueStep(steps, now - Date.parse(call.queuedAt));
	if (due <= call.escalationStep) return call;
	const facts = factsOf(ctx, call);
	const req = requirementOf(ctx, facts, due);
	await live.enqueue(ctx, call.id, req.bucket, 0, facts.elderly, 'rebucket');
	const at = new Date(now).toISOString();
	q.recordTransition(ctx.db, {
		callId: call.id,
		type: 'escalated',
		reason: steps
			.slice(call.escalationStep, due)
			.map((s) => s.relax)
			.join(','),
		detail: { step: due, relaxations: req.relaxations, requirement: req.bucket },
		at,
		patch: { escalationStep: due }
	});
	return { ...call, escalationStep: due };
}

/**
 * One check of a live call by its durable job: repairs live state, expires a lost offer,
 * escalates, routes, and records "outside hours" when the matter closed while it waited.
 * Returns milliseconds until the next check, or null when the call is over.
 */
export async function superviseCall(ctx: Ctx, callId: string): Promise<number | null> {
	const now = Date.now();
	let call = q.callById(ctx.db, callId);
	if (!call || call.status === 'ended' || call.status === 'abandoned') {
		await live.removeCall(ctx, callId, now);
		return null;
	}
	const check = ctx.cfg.ROUTING_CHECK_SECONDS * 1000;
	if (call.status === 'connected' || call.status === 'wrap_up') return check * 6;
	const c = await live.call(ctx, callId);
	if (c.state === 'over') return null;
	if (!c.state) await restore(ctx, call);
	else if (c.state === 'offered' && c.offerId) {
		const o = await live.offer(ctx, c.offerId);
		if (o?.state !== 'pending' || o.expiresAt + 2000 < now)
			await releaseOffer(ctx, c.offerId, 'expired');
	} else if (c.state === 'queued' && call.status === 'offered') await restore(ctx, call);
	else if (
		c.state === 'connected' &&
		call.status === 'offered' &&
		c.agentId &&
		now - ((await live.agent(ctx, c.agentId)).since ?? now) > 5000
	) {
		// The accept was decided in Redis but its SQLite write was lost (not merely in flight):
		// complete it.
		const at = new Date(now).toISOString();
		const agentId = c.agentId;
		q.recordTransition(ctx.db, {
			callId,
			type: 'connected',
			from: 'offered',
			to: 'connected',
			agentId,
			reason: 'recovered',
			at,
			patch: { status: 'connected', connectedAt: at, agentId },
			version: c.version
		});
		return check * 6;
	}
	call = await escalate(ctx, call, now);
	const r = await routeCall(ctx, callId);
	if (r.kind === 'waiting') {
		const hours = matterHours(ctx, call.matterId, now, {
			boothId: call.boothId,
			language: call.language
		});
		if (!hours.open && call.routingReason?.reason !== 'outside_hours') {
			const routingReason = {
				decision: 'waiting',
				reason: 'outside_hours',
				opensAt: hours.opensAt,
				step: call.escalationStep,
				at: new Date(now).toISOString()
			};
			q.recordTransition(ctx.db, {
				callId,
				type: 'waiting',
				reason: 'outside_hours',
				detail: routingReason,
				at: routingReason.at,
				patch: { routingReason }
			});
		}
		await publishCall(ctx, callId, 'queued');
	}
	const nextStep = nextStepAtMs(policy(ctx.cfg).steps, call.escalationStep);
	const untilStep =
		nextStep === null ? Infinity : Date.parse(call.queuedAt) + nextStep - Date.now();
	return Math.max(50, Math.min(check, untilStep));
}

/**
 * Worker start: rebuilds live state from SQLite and Redis so no call is lost and no agent stays
 * reserved: every live call gets its durable job (and live entry) back; agents reserved by an
 * offer that no longer exists are freed; overdue offers expire.
 */
export async function recover(ctx: Ctx): Promise<{ calls: number; offers: number }> {
	const callsQueue = ctx.queues.calls;
	const rows = q.liveCalls(ctx.db);
	for (const call of rows) {
		const job = await callsQueue.getJob(call.id);
		const state = job ? await job.getState() : 'missing';
		if (state === 'failed' || state === 'completed') await job!.remove();
		if (state === 'failed' || state === 'completed' || state === 'missing')
			await addCallJob(ctx, call.id, 0);
		if (call.status === 'queued' || call.status === 'offered') {
			if (!(await live.call(ctx, call.id)).state) await restore(ctx, call);
		}
	}
	// Reservations are made and released atomically with their offer, so the only way an agent
	// stays reserved is an offer past its time while no worker ran: expire those now.
	const offers = await expireOverdueOffers(ctx);
	for (const call of rows) if (call.status === 'queued') await routeCall(ctx, call.id);
	for (const agentId of await live.onlineAgents(ctx)) await routeAgent(ctx, agentId);
	return { calls: rows.length, offers };
}
