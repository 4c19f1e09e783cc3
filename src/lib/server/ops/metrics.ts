import { timingSafeEqual } from 'node:crypto';
import { Gauge, Registry } from 'prom-client';
import { requireRole, type StaffUser } from '../auth/auth';
import { waitingByDepartment } from '../calls/queries';
import type { Ctx } from '../context';
import { unauthorized } from '../errors';
import { liveWorkers } from '../heartbeat';
import { QUEUE_NAMES } from '../jobs';
import { collectAll } from '../telemetry';

const same = (a: string, b: string) => {
	const x = Buffer.from(a);
	const y = Buffer.from(b);
	return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * Who may read the metrics: the bearer of METRICS_TOKEN (a Prometheus scraper), or a logged-in
 * admin. 401 otherwise (403 for staff who are not admins).
 */
export function requireMetricsReader(
	ctx: Ctx,
	user: StaffUser | null,
	authorization: string | null
): void {
	const token = ctx.cfg.METRICS_TOKEN;
	if (authorization?.startsWith('Bearer ')) {
		if (token && same(authorization.slice(7).trim(), token)) return;
		throw unauthorized('The metrics token is wrong');
	}
	requireRole(user, 'admin');
}

/** Gauges read at scrape time from the shared stores: waiting calls by department, workers, failed jobs. */
async function scrapeGauges(ctx: Ctx): Promise<Registry> {
	const reg = new Registry();
	const waiting = new Gauge({
		name: 'cw_calls_waiting',
		help: 'Calls waiting for an agent (queued or offered), by department',
		labelNames: ['department'] as const,
		registers: [reg]
	});
	for (const row of waitingByDepartment(ctx.db)) waiting.set({ department: row.code }, row.n);
	const workers = new Gauge({
		name: 'cw_worker_processes',
		help: 'Worker processes heard from in the last 10 s',
		registers: [reg]
	});
	const failed = new Gauge({
		name: 'cw_jobs_failed',
		help: 'Jobs kept as failed (out of attempts), by queue',
		labelNames: ['queue'] as const,
		registers: [reg]
	});
	const [w, counts] = await Promise.all([
		liveWorkers(ctx).catch(() => ({ count: 0 })),
		Promise.all(QUEUE_NAMES.map((q) => ctx.queues[q].getFailedCount().catch(() => null)))
	]);
	workers.set(w.count);
	QUEUE_NAMES.forEach((q, i) => counts[i] !== null && failed.set({ queue: q }, counts[i]!));
	return reg;
}

/** The metrics of every process of this console, in Prometheus' text format. */
export async function metricsText(ctx: Ctx): Promise<string> {
	return collectAll(ctx.redis, ctx.prefix, await scrapeGauges(ctx));
}
