import { DelayedError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { refreshOnlineFields } from './agents/state';
import { sweepBookings } from './bookings/bookings';
import { sweepSilentBooths } from './booths/presence';
import { wrapUpTimeOver } from './calls/handling';
import { expireOverdueOffers } from './calls/offers';
import { sweepGoneCallers } from './calls/presence';
import { sweepDisconnected } from './calls/seats';
import { startReconciler } from './calls/reconcile';
import { recover, superviseCall } from './calls/supervise';
import { checkCallerDeparture } from './calls/video';
import type { Ctx } from './context';
import { flushed } from './db/group-commit';
import { beat, BEAT_MS, leave } from './heartbeat';
import { bullPrefix, unknownJob, type Processor, type QueueName } from './jobs';
import { logger } from './logger';
import { jobFailures, startPublishing } from './telemetry';
import { purgeExpiredSessions, purgePersonalData } from './maintenance/maintenance';
import { syncAlerts } from './supervisor/alerts';

/** One processor per queue, each a switch over its job names (the compiler checks it is complete). */
function processors(ctx: Ctx): { [Q in QueueName]: Processor<Q> } {
	return {
		calls: async (job, token) => {
			switch (job.name) {
				case 'call': {
					// the call's durable job re-schedules itself until the call is over
					const next = await superviseCall(ctx, job.data.callId);
					await flushed(ctx.db);
					if (next === null) return 'over';
					await job.moveToDelayed(Date.now() + next, token);
					throw new DelayedError();
				}
				default:
					return unknownJob(job.name);
			}
		},
		routing: async (job) => {
			switch (job.name) {
				case 'offer-expiry':
					return { expired: await expireOverdueOffers(ctx, 0) };
				case 'wrap-up':
					return wrapUpTimeOver(ctx, job.data.agentId, job.data.callId);
				case 'sweep':
					return {
						gone: (await sweepDisconnected(ctx)).length,
						silentBooths: (await sweepSilentBooths(ctx)).length,
						goneCallers: (await sweepGoneCallers(ctx)).length
					};
				case 'alerts':
					return syncAlerts(ctx);
				default:
					return unknownJob(job);
			}
		},
		video: async (job) => {
			switch (job.name) {
				case 'caller-departure':
					return checkCallerDeparture(ctx, job.data.callId);
				default:
					return unknownJob(job.name);
			}
		},
		maintenance: async (job) => {
			switch (job.name) {
				case 'purge-sessions':
					return { purged: purgeExpiredSessions(ctx) };
				case 'purge-personal-data':
					return purgePersonalData(ctx);
				case 'bookings-sweep':
					return sweepBookings(ctx);
				case 'roster-refresh':
					return { seats: await refreshOnlineFields(ctx) };
				default:
					return unknownJob(job);
			}
		}
	};
}

const CONCURRENCY: Record<QueueName, number> = { calls: 20, routing: 10, video: 4, maintenance: 1 };

/**
 * Starts every worker of one worker process (call supervision, timers and sweeps, video
 * follow-ups, housekeeping), registers the job schedulers, then rebuilds live state. Several
 * processes may run this against one Redis.
 */
export async function startWorkers(ctx: Ctx, connection: Redis) {
	const lockDuration = ctx.cfg.WORKER_LOCK_SECONDS * 1000;
	const common = {
		connection,
		prefix: bullPrefix(ctx.prefix),
		lockDuration,
		stalledInterval: lockDuration
	};
	const procs = processors(ctx);
	const workers = (Object.keys(procs) as QueueName[]).map((name) => {
		const run = procs[name] as Processor<QueueName>;
		const w = new Worker(
			name,
			async (job, token) => {
				const result = await run(job as never, token);
				// a job counts as done only once what it did is on disk
				await flushed(ctx.db);
				return result;
			},
			{ ...common, concurrency: CONCURRENCY[name] }
		);
		w.on('failed', (job, err) => {
			jobFailures.inc({ queue: name });
			logger.error({ err, queue: name, job: job?.name }, 'job failed');
		});
		// Lock renewals can race a job that just re-scheduled itself; BullMQ recovers on its own.
		w.on('error', (err) => logger.warn({ err, queue: name }, 'worker error'));
		return w;
	});
	const routing = ctx.queues.routing;
	await routing.upsertJobScheduler(
		'offer-expiry',
		{ every: ctx.cfg.OFFER_SWEEP_MS },
		{ name: 'offer-expiry', opts: { removeOnComplete: true, removeOnFail: 100 } }
	);
	await routing.upsertJobScheduler(
		'presence-sweep',
		{ every: ctx.cfg.PRESENCE_SWEEP_SECONDS * 1000 },
		{ name: 'sweep' }
	);
	await routing.upsertJobScheduler(
		'alerts',
		{ every: ctx.cfg.ALERT_SWEEP_SECONDS * 1000 },
		{ name: 'alerts', opts: { removeOnComplete: true, removeOnFail: 100 } }
	);
	await ctx.queues.maintenance.upsertJobScheduler(
		'purge-sessions',
		{ every: 60 * 60 * 1000 },
		{ name: 'purge-sessions' }
	);
	await ctx.queues.maintenance.upsertJobScheduler(
		'purge-personal-data',
		{ every: 6 * 60 * 60 * 1000 },
		{ name: 'purge-personal-data', opts: { removeOnComplete: true, removeOnFail: 100 } }
	);
	await ctx.queues.maintenance.upsertJobScheduler(
		'bookings-sweep',
		{ every: 60 * 1000 },
		{ name: 'bookings-sweep', opts: { removeOnComplete: true, removeOnFail: 100 } }
	);
	// a seat's roster fields cover yesterday to a week ahead from when they were written
	await ctx.queues.maintenance.upsertJobScheduler(
		'roster-refresh',
		{ every: 6 * 60 * 60 * 1000 },
		{ name: 'roster-refresh', opts: { removeOnComplete: true, removeOnFail: 100 } }
	);
	const recovered = await recover(ctx);
	logger.info(recovered, 'routing state recovered');
	const reconciler = startReconciler(ctx, ctx.cfg.RECONCILE_SECONDS * 1000);
	// Health reports the workers it has heard from lately.
	const alive = () => beat(ctx).catch(() => {});
	await alive();
	const beating = setInterval(alive, BEAT_MS);
	const publishing = startPublishing(ctx.redis, ctx.prefix);
	return {
		async close() {
			clearInterval(beating);
			publishing.stop();
			await reconciler.stop();
			await Promise.all(workers.map((w) => w.close()));
			await leave(ctx).catch(() => {});
		}
	};
}
