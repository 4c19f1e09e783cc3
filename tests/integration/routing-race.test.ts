import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCall } from '../../src/lib/server/calls/calls';
import { endCall, wrapUp } from '../../src/lib/server/calls/handling';
import * as q from '../../src/lib/server/calls/queries';
import type { Ctx } from '../../src/lib/server/context';
import { touchPresence } from '../../src/lib/server/agents/presence';
import { agentState } from '../../src/lib/server/agents/state';
import { currentOffer, acceptOffer } from '../../src/lib/server/calls/offers';
import { setAgentState } from '../../src/lib/server/calls/seats';
import { routeCall } from '../../src/lib/server/calls/route';
import {
	closeRouting,
	makeAgent,
	routingContext,
	someMatters,
	spawnWorker,
	stopWorker,
	waitFor
} from './routing-helpers';

const ENV = {
	OFFER_TIMEOUT_SECONDS: '1',
	OFFER_MAX_MISSES: '100',
	OFFER_RETRY_SECONDS: '2',
	ROUTING_ESCALATION: '600:department'
};

/** One atomic look at every pending offer in Redis: who holds what right now. */
const SNAPSHOT = `
local out = {}
for _, k in ipairs(redis.call('KEYS', ARGV[1] .. ':r:o:*')) do
  if redis.call('HGET', k, 'st') == 'pending' then
    out[#out + 1] = redis.call('HGET', k, 'call') .. '|' .. redis.call('HGET', k, 'agent')
  end
end
return out`;

let ctx: Ctx;
const workers: ChildProcess[] = [];
const violations: string[] = [];

async function checkInvariants() {
	const pending = (await ctx.redis.eval(SNAPSHOT, 0, ctx.prefix)) as string[];
	const calls = new Set<string>();
	const agents = new Set<string>();
	for (const p of pending) {
		const [c, a] = p.split('|') as [string, string];
		if (calls.has(c)) violations.push(`call ${c} offered twice at once`);
		if (agents.has(a)) violations.push(`agent ${a} holds two offers at once`);
		calls.add(c);
		agents.add(a);
	}
}

beforeAll(async () => {
	ctx = await routingContext(ENV);
});
afterAll(async () => {
	for (const w of workers) await stopWorker(w, 'SIGKILL');
	await closeRouting(ctx);
});

describe('two worker processes racing', () => {
	it('never double-assigns, survives kill -9 of a worker, and serves every call', async () => {
		const m = someMatters(ctx);
		workers.push(spawnWorker(ctx, ENV), spawnWorker(ctx, ENV));
		const agents: number[] = [];
		for (let i = 0; i < 8; i++) {
			const matterId = i % 2 ? m.a.id : m.otherDept.id;
			agents.push(
				await makeAgent(ctx, [
					{ kind: 'matter', matterId, level: 3 },
					{ kind: 'language', code: 'zh', level: 5 }
				])
			);
		}
		const beat = setInterval(() => agents.forEach((a) => void touchPresence(ctx, a)), 200);
		const watch = setInterval(() => void checkInvariants(), 20);
		try {
			await Promise.all(agents.map((a) => setAgentState(ctx, a, 'available')));
			const created = await Promise.all(
				Array.from({ length: 30 }, (_, i) =>
					createCall(ctx, {
						channel: 'mobile',
						matterId: i % 2 ? m.a.id : m.otherDept.id,
						language: 'zh',
						signLanguage: false,
						elderly: i % 5 === 0,
						priorityLane: i % 7 === 0 ? 'green' : 'none'
					})
				)
			);
			const ids = created.map((c) => c.callId);
			// Nobody answers: offers time out and both workers re-route them concurrently.
			await waitFor(
				() =>
					ctx.db.$client
						.prepare(`select count(*) n from offers where status = 'expired'`)
						.get() as { n: number },
				'expired offers'
			).then(async () =>
				waitFor(
					() =>
						(
							ctx.db.$client
								.prepare(`select count(*) n from offers where status = 'expired'`)
								.get() as { n: number }
						).n >= 16,
					'two rounds of timeouts',
					15_000
				)
			);
			// A worker dies in the middle of that; a fresh one starts and recovers.
			await stopWorker(workers[0]!, 'SIGKILL');
			workers.push(spawnWorker(ctx, ENV));
			// Agents now answer every offer until every call has been served.
			await waitFor(
				async () => {
					for (const a of agents) {
						const o = await currentOffer(ctx, a);
						if (!o) continue;
						const ok = await acceptOffer(ctx, a, o.offerId).catch(() => null);
						if (!ok) continue;
						await endCall(ctx, a, o.callId).catch((e) => {
							const row = q.callById(ctx.db, o.callId);
							throw new Error(
								`${e} agent ${a} call ${JSON.stringify(row)} events ${JSON.stringify(q.eventsOf(ctx.db, o.callId))}`
							);
						});
						await wrapUp(ctx, a, o.callId, { outcome: 'done', mailResults: false });
					}
					return ids.every((id) => q.callById(ctx.db, id)?.status === 'ended');
				},
				'every call served',
				25_000
			).catch(async (e) => {
				const stuck = ids.map((id) => q.callById(ctx.db, id)!).filter((c) => c.status !== 'ended');
				const live = await Promise.all(
					stuck.map(async (c) => ({
						...(await ctx.redis.hgetall(`${ctx.prefix}:r:c:${c.id}`)),
						tried: await ctx.redis.zrange(`${ctx.prefix}:r:c:${c.id}:tr`, '0', '-1', 'WITHSCORES'),
						now: Date.now(),
						av: await ctx.redis.zrange(`${ctx.prefix}:r:av:d:1`, '0', '-1'),
						av2: await ctx.redis.zrange(`${ctx.prefix}:r:av:d:2`, '0', '-1'),
						qb: await ctx.redis.smembers(`${ctx.prefix}:r:qb`),
						job: await (await ctx.queues.calls.getJob(c.id))?.toJSON(),
						retry: await routeCall(ctx, c.id)
					}))
				);
				const jobs = await Promise.all(
					stuck.map(async (c) => {
						const j = await ctx.queues.calls.getJob(c.id);
						return [await j?.getState(), j?.failedReason, j?.stalledCounter];
					})
				);
				const states = await Promise.all(
					agents.map((a) => ctx.redis.hgetall(`${ctx.prefix}:r:a:${a}`))
				);
				throw new Error(
					`${e}: ${JSON.stringify({ stuck: stuck.map((c) => [c.status, c.routingReason]), live, jobs, states })}`
				);
			});
			for (const id of ids) {
				const connects = q.eventsOf(ctx.db, id).filter((e) => e.type === 'connected');
				expect(connects, `call ${id} connected once`).toHaveLength(1);
			}
			for (const a of agents) expect(await agentState(ctx, a)).toBe('available');
			expect(violations).toEqual([]);
		} finally {
			clearInterval(beat);
			clearInterval(watch);
		}
	}, 60_000);
});
