import { agentEvent } from '../agents/events';
import { logAgentState } from '../agents/queries';
import type { Ctx } from '../context';
import { flushed } from '../db/group-commit';
import { logger } from '../logger';
import * as live from '../routing/live';
import { callEvent } from './events';
import * as q from './queries';
import { followCall, routeAgent, routeCall } from './route';
import { addCallJob, restore } from './supervise';

/** What one pass repaired. */
export interface Reconciled {
	/** Live calls whose durable job was missing or finished, started again. */
	jobs: number;
	/** Waiting calls SQLite has and Redis lacked, queued and routed again. */
	restored: number;
	/** Calls Redis had waiting or offered that SQLite has not (a refused or crashed creation), taken out. */
	discarded: number;
	/** Calls Redis had closed (the caller left) that SQLite still showed waiting, recorded as abandoned. */
	abandoned: number;
	/** Agents left busy or in wrap-up by a call the record has ended, made available. */
	freed: number;
}

/**
 * Takes a call that is live only in Redis out of live state; the agent it was offered to is told
 * and takes the next call.
 */
export async function discardLive(ctx: Ctx, callId: string): Promise<void> {
	const removed = await live.removeCall(ctx, callId, Date.now());
	if (!removed.agentId) return;
	const agent = removed.agentId;
	await ctx.bus.publishMany([
		['offer.withdrawn', { offerId: removed.offerId, callId, reason: 'lost' }, { users: [agent] }],
		agentEvent(agent, 'available', 'offer withdrawn')
	]);
	logAgentState(ctx.db, agent, 'available', 'offer withdrawn');
	await routeAgent(ctx, agent);
}

/**
 * Undoes a call live state could not take: the row goes, and the live entry too when Redis took
 * it after all (if Redis is still away, the reconciler takes it out later).
 */
export async function takeBack(ctx: Ctx, callId: string): Promise<void> {
	q.deleteCall(ctx.db, callId);
	await flushed(ctx.db);
	await discardLive(ctx, callId).catch(() => {});
}

/**
 * Compares SQLite (the record) with Redis (live state and durable jobs) and repairs the
 * difference. Calls younger than `graceMs` are left alone (their creation may still be under
 * way), and a call seen only in Redis is discarded only when the previous pass saw it too
 * (`suspects` carries that from pass to pass).
 */
export async function reconcile(
	ctx: Ctx,
	suspects: Set<string>,
	graceMs: number,
	now = Date.now()
): Promise<Reconciled> {
	const out: Reconciled = { jobs: 0, restored: 0, discarded: 0, abandoned: 0, freed: 0 };
	const rows = q.liveCalls(ctx.db);
	const liveIds = new Set(rows.map((r) => r.id));
	const seen = new Set<string>();
	for (const call of rows) {
		if (now - Date.parse(call.queuedAt) < graceMs) continue;
		const job = await ctx.queues.calls.getJob(call.id);
		const state = job ? await job.getState() : 'missing';
		if (state === 'failed' || state === 'completed') await job!.remove();
		if (state === 'failed' || state === 'completed' || state === 'missing') {
			await addCallJob(ctx, call.id, 0);
			out.jobs++;
		}
		if (call.status !== 'queued' && call.status !== 'offered') continue;
		const l = await live.call(ctx, call.id);
		if (!l.state) {
			await restore(ctx, call);
			await routeCall(ctx, call.id);
			out.restored++;
		} else if (l.state === 'over') {
			// The caller left (Redis closed the call) but the record of it was lost.
			seen.add(call.id);
			if (suspects.has(call.id)) {
				const at = new Date(now).toISOString();
				q.recordTransition(ctx.db, {
					callId: call.id,
					type: 'abandoned',
					from: call.status,
					to: 'abandoned',
					reason: 'recovered',
					at,
					patch: { status: 'abandoned', abandonedAt: at, endReason: 'caller_left' },
					version: 'final'
				});
				await ctx.bus.publishMany([callEvent(call.id, 'abandoned')]);
				out.abandoned++;
			}
		}
	}
	for (const id of await live.waitingOrOffered(ctx)) {
		if (liveIds.has(id)) continue;
		seen.add(id);
		if (!suspects.has(id)) continue;
		await discardLive(ctx, id);
		out.discarded++;
	}
	// An agent whose call ended while Redis was away (or the web process died between the two
	// writes) would stay busy or in wrap-up with nothing to wrap up.
	for (const agentId of await live.onlineAgents(ctx)) {
		const a = await live.agent(ctx, agentId);
		if ((a.state !== 'busy' && a.state !== 'wrap_up') || !a.callId) continue;
		if (liveIds.has(a.callId)) continue;
		const mark = `agent:${agentId}:${a.callId}`;
		seen.add(mark);
		if (!suspects.has(mark)) continue;
		await followCall(ctx, agentId, 'available', 'call already over');
		out.freed++;
	}
	suspects.clear();
	for (const id of seen) suspects.add(id);
	await flushed(ctx.db);
	return out;
}

/**
 * The worker's reconciler: every `everyMs`, one worker at a time (a Redis lock) reconciles SQLite
 * and Redis, so a call lost between them is routed within seconds, not at the next restart.
 */
export function startReconciler(ctx: Ctx, everyMs: number): { stop(): Promise<void> } {
	const suspects = new Set<string>();
	let running: Promise<void> | null = null;
	let lastSuspectPass = 0;
	const pass = async () => {
		if (!(await live.tryLock(ctx, 'reconcile', Math.max(everyMs - 100, 100)))) return;
		// Suspects from a pass long ago (another worker held the lock since) are stale.
		if (Date.now() - lastSuspectPass > everyMs * 3) suspects.clear();
		const r = await reconcile(ctx, suspects, Math.max(5000, everyMs * 2));
		lastSuspectPass = Date.now();
		if (Object.values(r).some((n) => n > 0)) logger.warn(r, 'reconciled live state');
	};
	const timer = setInterval(() => {
		if (running) return;
		running = pass()
			.catch((err) => logger.warn({ err }, 'reconcile pass failed; next pass retries'))
			.finally(() => (running = null));
	}, everyMs);
	return {
		async stop() {
			clearInterval(timer);
			await running;
		}
	};
}
