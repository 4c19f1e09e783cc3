import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffUser } from '../../src/lib/server/auth/auth';
import { currentOffer } from '../../src/lib/server/calls/offers';
import { setAgentState } from '../../src/lib/server/calls/seats';
import type { Ctx } from '../../src/lib/server/context';
import { metricsText, requireMetricsReader } from '../../src/lib/server/ops/metrics';
import {
	closeRouting,
	makeAgent,
	mobileCall,
	routingContext,
	someMatters,
	startWorker,
	stopWorker,
	waitFor
} from './routing-helpers';

const TOKEN = 'scraper-token-0123456789';
let ctx: Ctx;

beforeAll(async () => {
	ctx = await routingContext({ METRICS_TOKEN: TOKEN, OFFER_TIMEOUT_SECONDS: '1' });
});
afterAll(() => closeRouting(ctx));

/** The value of one sample line of the exposition, or null when it is absent. */
function sample(text: string, name: string): number | null {
	const line = text.split('\n').find((l) => l.startsWith(name + ' '));
	return line ? Number(line.slice(name.length + 1)) : null;
}

const staff = (roles: StaffUser['roles']) =>
	({ id: 1, username: 'x', displayName: 'x', roles }) as StaffUser;

describe('/metrics', () => {
	it('is for the METRICS_TOKEN bearer or an admin only', () => {
		expect(() => requireMetricsReader(ctx, null, `Bearer ${TOKEN}`)).not.toThrow();
		expect(() => requireMetricsReader(ctx, staff(['admin']), null)).not.toThrow();
		expect(() => requireMetricsReader(ctx, null, 'Bearer wrong-token-0123456789')).toThrow(
			expect.objectContaining({ status: 401 })
		);
		expect(() => requireMetricsReader(ctx, null, null)).toThrow(
			expect.objectContaining({ status: 401 })
		);
		expect(() => requireMetricsReader(ctx, staff(['supervisor']), null)).toThrow(
			expect.objectContaining({ status: 403 })
		);
	});

	it('counts routing steps, waiting calls by department and offers by outcome, summed over the web and worker processes', async () => {
		const { a } = someMatters(ctx);
		const agent = await makeAgent(ctx, [
			{ kind: 'matter', matterId: a.id, level: 3 },
			{ kind: 'language', code: 'zh', level: 5 }
		]);
		await setAgentState(ctx, agent, 'available');
		const call = await mobileCall(ctx);
		expect((await currentOffer(ctx, agent))?.callId).toBe(call.callId);
		const dept = ctx.db.$client
			.prepare(
				'select d.code from departments d join matters m on m.department_id = d.id where m.id = ?'
			)
			.get(a.id) as { code: string };

		let text = await metricsText(ctx);
		expect(text).toContain('# TYPE cw_routing_step_seconds histogram');
		expect(sample(text, 'cw_routing_step_seconds_count{step="new_call"}')).toBeGreaterThanOrEqual(
			1
		);
		expect(sample(text, `cw_calls_waiting{department="${dept.code}"}`)).toBe(1);
		expect(sample(text, 'cw_offers_total{outcome="offered"}')).toBeGreaterThanOrEqual(1);
		expect(sample(text, 'cw_sse_clients')).toBe(0);
		expect(sample(text, 'cw_jobs_failed{queue="calls"}')).toBe(0);

		// The offer expires in the worker: its count reaches /metrics from the worker's process.
		const worker = await startWorker(ctx, { OFFER_TIMEOUT_SECONDS: '1' });
		try {
			text = await waitFor(
				async () => {
					const t = await metricsText(ctx);
					return (sample(t, 'cw_offers_total{outcome="expired"}') ?? 0) >= 1 &&
						sample(t, 'cw_worker_processes') === 1
						? t
						: null;
				},
				'the worker to expire the offer and publish it',
				20_000
			);
		} finally {
			await stopWorker(worker);
		}
		expect(sample(text, 'cw_job_failures_total{queue="calls"}') ?? 0).toBe(0);
	});
});
