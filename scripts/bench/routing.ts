import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { insertUserWithSkills, type SkillRow } from '../../src/lib/server/agents/queries';
import { createCall, leaveCall, type NewCall } from '../../src/lib/server/calls/calls';
import { parseConfig } from '../../src/lib/server/config';
import { closeContext, createContext, type Ctx } from '../../src/lib/server/context';
import { departments, matters } from '../../src/lib/server/db/schema';
import { setAgentState } from '../../src/lib/server/calls/seats';
import { seedCatalogue } from '../../src/lib/server/seed/seed';
import { startRedis } from '../lib/redis-server';
import { commandStats, pct, pool, rawBullmq, redisBytes, redisCpu, row } from './lib';

/**
 * `npm run bench:routing`: 500 agents, calls driven through the domain functions (no HTTP), with
 * 100 / 2,000 / 10,000 calls already waiting that no free agent may take (Korean speakers: no
 * seat speaks Korean), so the queue is deep while new calls are routed. No BullMQ worker runs:
 * the figures are those of the routing step itself (the durable call jobs are still added).
 *
 * For development: BENCH_DEPTHS=100,10000 picks the queue depths, BENCH_SKIP_RAW=1 skips the raw
 * BullMQ baseline (no ratios then), BENCH_REDIS_STATS=1 logs Redis time per command kind.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-bench-'));
const redis = await startRedis(path.join(dir, 'redis'), () => {});
const cfg = parseConfig({
	REDIS_URL: redis.url,
	DATA_DIR: dir,
	REDIS_PREFIX: 'bench',
	SERVICE_HOURS: 'always',
	OFFER_TIMEOUT_SECONDS: '600',
	LOG_LEVEL: 'silent'
});
const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);
const ctx: Ctx = await createContext(cfg, { subscribe: true, checkpoint: true });
seedCatalogue(ctx.db);

// --- 500 agents: two departments each, Mandarin, most Cantonese, a few foreign/sign/elderly.
const depts = ctx.db.select().from(departments).all();
const allMatters = ctx.db
	.select({ id: matters.id, dept: matters.departmentId })
	.from(matters)
	.all();
const byDept = new Map<number, number[]>();
for (const m of allMatters) byDept.set(m.dept, [...(byDept.get(m.dept) ?? []), m.id]);
const agents: { id: number; matters: number[]; ja: boolean }[] = [];
for (let i = 0; i < 500; i++) {
	const ds = [...new Set([depts[i % depts.length]!.id, depts[(i * 7 + 3) % depts.length]!.id])];
	const mine = ds.flatMap((d) => byDept.get(d) ?? []);
	const skills: SkillRow[] = [{ kind: 'language', code: 'zh', matterId: 0, level: 5 }];
	if (i % 5 !== 0) skills.push({ kind: 'language', code: 'yue', matterId: 0, level: 4 });
	if (i % 20 === 0) skills.push({ kind: 'language', code: 'en', matterId: 0, level: 4 });
	if (i % 50 === 1) skills.push({ kind: 'language', code: 'ja', matterId: 0, level: 4 });
	if (i % 40 === 7) skills.push({ kind: 'sign_language', code: '', matterId: 0, level: 4 });
	if (i % 10 === 3) skills.push({ kind: 'elderly_guidance', code: '', matterId: 0, level: 5 });
	for (const m of mine) skills.push({ kind: 'matter', code: '', matterId: m, level: 2 + (i % 4) });
	const id = insertUserWithSkills(
		ctx.db,
		{ username: `bench${i}`, passwordHash: 'x', displayName: `Agent ${i}`, roles: ['agent'] },
		skills
	);
	agents.push({ id, matters: mine, ja: i % 50 === 1 });
}
log('agents inserted');
const jaAgent = agents.find((a) => a.ja)!;
await pool(agents, 16, async (a) => {
	await setAgentState(ctx, a.id, a.ja && a !== jaAgent ? 'break' : 'available');
});

log('agents available');
// --- offers are observed as published on the event bus, like an agent console would.
const seenAt = new Map<string, number>();
const offerSeen = new Map<string, (t: number) => void>();
await ctx.bus.listen((m) => {
	if (m.type !== 'offer.created') return;
	const id = (m.data as { callId: string }).callId;
	const t = performance.now();
	const waiter = offerSeen.get(id);
	if (waiter) waiter(t);
	else seenAt.set(id, t);
});
/** Resolves with the time the call's offer was seen on the bus. */
function offerOf(callId: string): Promise<number> {
	const t = seenAt.get(callId);
	if (t !== undefined) {
		seenAt.delete(callId);
		return Promise.resolve(t);
	}
	return new Promise((r) => offerSeen.set(callId, r));
}
const routableMatters = [...new Set(agents.filter((a) => !a.ja).flatMap((a) => a.matters))];
let seq = 0;
const base: NewCall = {
	channel: 'mobile',
	matterId: 0,
	language: 'zh',
	signLanguage: false,
	elderly: false,
	priorityLane: 'none'
};

/** Creates a routable call; resolves with ms from create to the offer being published. */
async function routedCall(): Promise<{ ms: number; callId: string }> {
	// A large prime stride spreads consecutive calls over departments.
	const matterId = routableMatters[(seq++ * 7919) % routableMatters.length]!;
	const t0 = performance.now();
	const { callId } = await createCall(ctx, { ...base, matterId });
	const t1 = await offerOf(callId);
	offerSeen.delete(callId);
	return { ms: t1 - t0, callId };
}

const waitingMatters = routableMatters.slice(0, 20);
let waiting = 0;
async function fillTo(n: number) {
	const ids = Array.from({ length: n - waiting }, (_, i) => i);
	await pool(ids, 16, async (i) => {
		await createCall(ctx, { ...base, language: 'ko', matterId: waitingMatters[i % 20]! });
	});
	waiting = n;
}

interface Result {
	depth: number;
	p50: number;
	p95: number;
	p99: number;
	perSec: number;
	freedP50: number;
	freedP99: number;
	bytesPerCall: number;
	rssMb: number;
	nodeUs: number;
	redisUs: number;
}
// Warm-up (not measured): the JIT, the prepared statements and Redis's script cache.
await pool(
	Array.from({ length: 1000 }, (_, i) => i),
	16,
	async () => {
		const r = await routedCall();
		await leaveCall(ctx, r.callId);
	}
);
log('warmed up');
const results: Result[] = [];
const depths = (process.env.BENCH_DEPTHS ?? '100,2000,10000').split(',').map(Number);
for (const depth of depths) {
	// Redis memory per waiting call: what the calls added to reach this depth took (routing
	// state plus each call's durable BullMQ job).
	const before = { bytes: await redisBytes(ctx.redis), calls: waiting };
	await fillTo(depth);
	log(`filled to ${depth}`);
	const bytesPerCall =
		((await redisBytes(ctx.redis)) - before.bytes) / Math.max(1, depth - before.calls);
	const lat: number[] = [];
	for (let i = 0; i < 300; i++) {
		const r = await routedCall();
		lat.push(r.ms);
		await leaveCall(ctx, r.callId);
	}
	log('latency done');
	// Agent freed → next offer: the only Japanese-speaking seat comes back from a break.
	const freed: number[] = [];
	for (let i = 0; i < 100; i++) {
		await setAgentState(ctx, jaAgent.id, 'break');
		const c = await createCall(ctx, {
			...base,
			language: 'ja',
			matterId: jaAgent.matters[i % 10]!
		});
		const seen = offerOf(c.callId);
		const t0 = performance.now();
		await setAgentState(ctx, jaAgent.id, 'available');
		freed.push((await seen) - t0);
		offerSeen.delete(c.callId);
		await leaveCall(ctx, c.callId);
	}
	log('freed done');
	// Sustained: 2,000 calls, 64 in flight, three rounds; each caller leaves once offered, freeing the agent
	// (that release and the freed agent's look at the queue are part of the measured work).
	const routed = 2000;
	const redis0 = await redisCpu(ctx.redis);
	const stats0 = process.env.BENCH_REDIS_STATS ? await commandStats(ctx.redis) : null;
	const node0 = process.cpuUsage();
	// three rounds (this machine is noisy): the median throughput counts
	const rates: number[] = [];
	for (let round = 0; round < 3; round++) {
		const t0 = performance.now();
		await pool(
			Array.from({ length: routed }, (_, i) => i),
			64,
			async () => {
				const r = await routedCall();
				await leaveCall(ctx, r.callId);
			}
		);
		rates.push(routed / ((performance.now() - t0) / 1000));
	}
	const node = process.cpuUsage(node0);
	const redisUs = ((await redisCpu(ctx.redis)) - redis0) / (3 * routed);
	if (stats0) {
		// where Redis spends its time per routed call (scripts include the commands they run)
		const stats1 = await commandStats(ctx.redis);
		const per = [...stats1].map(
			([k, v]) => [k, (v.us - (stats0.get(k)?.us ?? 0)) / (3 * routed)] as const
		);
		for (const [k, us] of per.sort((x, y) => y[1] - x[1]).slice(0, 8))
			log(`redis ${k}: ${us.toFixed(0)} us per routed call`);
	}
	results.push({
		depth,
		p50: pct(lat, 50),
		p95: pct(lat, 95),
		p99: pct(lat, 99),
		perSec: pct(rates, 50),
		freedP50: pct(freed, 50),
		freedP99: pct(freed, 99),
		bytesPerCall,
		rssMb: process.memoryUsage().rss / 1e6,
		nodeUs: (node.user + node.system) / (3 * routed),
		redisUs
	});
}
// Raw BullMQ, three times (this machine is noisy): the run with the median throughput counts.
const raws = [];
if (!process.env.BENCH_SKIP_RAW)
	for (let i = 0; i < 3; i++) raws.push(await rawBullmq(redis.url, `bench:raw${i}`, 5000, 64));
raws.sort((a, b) => a.perSec - b.perSec);
const raw = raws[1] ?? { p50: NaN, p99: NaN, perSec: NaN };

const f = (n: number, d = 2) => n.toFixed(d);
const w = [9, 7, 7, 7, 8, 12, 11, 11, 7, 12, 12];
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(
	`Routing benchmark ${new Date().toISOString().slice(0, 10)} — ${cpu}, ${os.cpus().length} cores, Node ${process.version}`
);
console.log('500 agents; waiting calls are Korean-language calls no seat can take.\n');
console.log(
	row(
		[
			'waiting',
			'p50 ms',
			'p95 ms',
			'p99 ms',
			'calls/s',
			'freed p50 ms',
			'freed p99',
			'B/waiting',
			'RSS MB',
			'node us/call',
			'redis us/call'
		],
		w
	)
);
for (const r of results)
	console.log(
		row(
			[
				r.depth,
				f(r.p50),
				f(r.p95),
				f(r.p99),
				f(r.perSec, 0),
				f(r.freedP50),
				f(r.freedP99),
				f(r.bytesPerCall, 0),
				f(r.rssMb, 0),
				f(r.nodeUs, 0),
				f(r.redisUs, 0)
			],
			w
		)
	);
const last = results.at(-1)!;
const first = results[0]!;
console.log(
	`\nraw BullMQ add→processed (median of 3): p50 ${f(raw.p50)} ms, p99 ${f(raw.p99)} ms, ${f(raw.perSec, 0)} jobs/s (runs: ${raws.map((r) => f(r.perSec, 0)).join(', ')})`
);
console.log(
	`ratios at 10,000 waiting: p50 ÷ raw p50 = ${f(last.p50 / raw.p50)}, calls/s ÷ raw jobs/s = ${f(last.perSec / raw.perSec)}, p50(10k) ÷ p50(100) = ${f(last.p50 / first.p50)}`
);
console.log(
	`routing p50_ms=${f(last.p50)} p99_ms=${f(last.p99)} calls_per_s=${f(last.perSec, 0)} raw_ratio=${f(last.perSec / raw.perSec)} p50_10k_over_100=${f(last.p50 / first.p50)}`
);
await closeContext(ctx);
await redis.stop();
fs.rmSync(dir, { recursive: true, force: true });
process.exit(0);
