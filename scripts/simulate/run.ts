import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { insertUserWithSkills, type SkillRow } from '../../src/lib/server/agents/queries';
import { hashPassword } from '../../src/lib/server/auth/password';
import { createBooth } from '../../src/lib/server/booths/booths';
import { createCall, leaveCall } from '../../src/lib/server/calls/calls';
import { endCall, wrapUp } from '../../src/lib/server/calls/handling';
import { acceptPresentCaller, touchCaller } from '../../src/lib/server/calls/presence';
import { setAgentState } from '../../src/lib/server/calls/seats';
import { parseConfig } from '../../src/lib/server/config';
import { closeContext, createContext, type Ctx } from '../../src/lib/server/context';
import { departments, matters, towns } from '../../src/lib/server/db/schema';
import * as live from '../../src/lib/server/routing/live';
import { buildIfStale } from '../lib/build';
import { prepareDatabase } from '../lib/prepare';
import { startRedis } from '../lib/redis-server';
import { nodeProcess } from '../lib/supervise';
import * as m from './model';
import { Tally, type CallRecord } from './tally';

/**
 * `npm run simulate -- --booths 100 --agents 150 --minutes 60 --speed 60`: a day's stretch of the
 * district, run against a console of its own (a private Redis and data dir, the console's worker,
 * and its web server unless --no-web) through the same domain operations the HTTP API calls.
 * Callers arrive by hour of day with the catalogue's matter mix, wait (some give up, some phones
 * vanish), agents answer, talk, wrap up and take breaks; all durations are divided by --speed.
 * Prints a summary and, last, one machine-readable line (see Tally.lastLine).
 */
const { values: args } = parseArgs({
	options: {
		booths: { type: 'string', default: '100' },
		agents: { type: 'string', default: '150' },
		minutes: { type: 'string', default: '60' },
		speed: { type: 'string', default: '60' },
		start: { type: 'string', default: '09:00' },
		load: { type: 'string', default: '0.9' },
		drain: { type: 'string', default: '20' },
		seed: { type: 'string', default: '1' },
		port: { type: 'string', default: '3100' },
		dir: { type: 'string', default: 'data/simulate' },
		'no-web': { type: 'boolean', default: false },
		keep: { type: 'boolean', default: false }
	}
});
const num = (v: string | undefined, name: string, min: number) => {
	const n = Number(v);
	if (!Number.isFinite(n) || n < min) {
		console.error(`simulate: --${name} must be a number ≥ ${min}`);
		process.exit(2);
	}
	return n;
};
const BOOTHS = Math.floor(num(args.booths, 'booths', 0));
const AGENTS = Math.floor(num(args.agents, 'agents', 1));
const MINUTES = num(args.minutes, 'minutes', 0.1);
const SPEED = num(args.speed, 'speed', 1);
const LOAD = num(args.load, 'load', 0.05);
const PORT = Math.floor(num(args.port, 'port', 1));
const DRAIN = num(args.drain, 'drain', 0);
const startMatch = /^(\d{1,2}):(\d{2})$/.exec(args.start ?? '');
if (!startMatch) {
	console.error('simulate: --start must look like 09:00');
	process.exit(2);
}
const rand = m.rng(num(args.seed, 'seed', 0));
const log = (l: string) => console.log(`[simulate] ${l}`);
/** Real milliseconds for simulated seconds. */
const real = (simSeconds: number) => (simSeconds * 1000) / SPEED;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const dir = path.resolve(args.dir!);
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });
const redis = await startRedis(path.join(dir, 'redis'), () => {});
const scaled = (s: number, min: number) => String(Math.max(min, s / SPEED));
const scaledInt = (s: number, min: number) => String(Math.max(min, Math.round(s / SPEED)));
const env: Record<string, string> = {
	DATA_DIR: dir,
	REDIS_URL: redis.url,
	PORT: String(PORT),
	HOST: '127.0.0.1',
	ORIGIN: `http://127.0.0.1:${PORT}`,
	SKIP_DEMO_SEED: '1',
	CONSOLE_ADMIN_PASSWORD: 'Simulate#2026',
	SERVICE_HOURS: 'always',
	LOG_LEVEL: 'silent',
	MOBILE_CALL_LIMIT: '1000000',
	AGENT_DISCONNECT_SECONDS: '3600',
	BOOTH_DISINFECT_SECONDS: '0',
	OFFER_TIMEOUT_SECONDS: scaled(20, 0.2),
	OFFER_RETRY_SECONDS: scaled(300, 0),
	WRAP_UP_SECONDS: scaled(180, 0.5),
	ROUTING_CHECK_SECONDS: scaled(30, 0.2),
	PRESENCE_SWEEP_SECONDS: scaled(5, 0.2),
	RECONCILE_SECONDS: scaled(2, 0.2),
	DEFAULT_HANDLE_SECONDS: scaledInt(300, 1),
	CALLER_GONE_SECONDS: scaledInt(90, 3),
	ROUTING_ESCALATION: `${30 / SPEED}:elderly_any_seat,${60 / SPEED}:department,${120 / SPEED}:language`,
	ROUTING_LANE_HEAD_START: ['urgent:900', 'green:600', 'elderly:300', 'appointment:120']
		.map((p) => `${p.split(':')[0]}:${scaledInt(Number(p.split(':')[1]), 1)}`)
		.join(',')
};
const cfg = parseConfig(env);
await prepareDatabase(cfg);
const ctx: Ctx = await createContext(cfg, { subscribe: true });

// --- the catalogue's matter mix: popular matters weigh most, departments by their matters' weight
const matterRows = ctx.db
	.select({ id: matters.id, dept: matters.departmentId, popularity: matters.popularity })
	.from(matters)
	.all();
const matterMix: [{ id: number; dept: number }, number][] = matterRows.map((r) => [
	r,
	Math.max(1, r.popularity)
]);
const deptWeight = new Map<number, number>();
for (const [r, w] of matterMix) deptWeight.set(r.dept, (deptWeight.get(r.dept) ?? 0) + w);
const deptIds = ctx.db
	.select({ id: departments.id })
	.from(departments)
	.all()
	.map((d) => d.id)
	.filter((id) => deptWeight.has(id));
const mattersOf = new Map<number, number[]>();
for (const r of matterRows) mattersOf.set(r.dept, [...(mattersOf.get(r.dept) ?? []), r.id]);

// --- staff: each seat serves two or three departments drawn by demand, Mandarin, mostly Cantonese
const passwordHash = await hashPassword('Simulate#2026');
insertUserWithSkills(
	ctx.db,
	{ username: 'simsuper', passwordHash, displayName: '模拟值班长', roles: ['supervisor'] },
	[]
);
const deptDraw: [number, number][] = deptIds.map((d) => [d, deptWeight.get(d)!]);
const agentIds: number[] = [];
for (let i = 0; i < AGENTS; i++) {
	const mine = new Set<number>();
	while (mine.size < Math.min(deptIds.length, 2 + (i % 2))) mine.add(m.pick(rand, deptDraw));
	const skills: SkillRow[] = [{ kind: 'language', code: 'zh', matterId: 0, level: 5 }];
	if (rand() < 0.75) skills.push({ kind: 'language', code: 'yue', matterId: 0, level: 4 });
	if (i % 12 === 0) skills.push({ kind: 'language', code: 'en', matterId: 0, level: 4 });
	if (i % 8 === 3) skills.push({ kind: 'elderly_guidance', code: '', matterId: 0, level: 4 });
	for (const d of mine)
		for (const id of mattersOf.get(d) ?? [])
			skills.push({ kind: 'matter', code: '', matterId: id, level: 3 + (i % 3) });
	agentIds.push(
		insertUserWithSkills(
			ctx.db,
			{ username: `sim${i + 1}`, passwordHash, displayName: `坐席 ${i + 1}`, roles: ['agent'] },
			skills
		)
	);
}
const townNames = ctx.db
	.select({ name: towns.name })
	.from(towns)
	.all()
	.map((t) => t.name);
const boothIds: number[] = [];
for (let i = 0; i < BOOTHS; i++)
	boothIds.push(
		(
			await createBooth(ctx, null, {
				name: `模拟晓屋 ${i + 1}`,
				town: townNames[i % townNames.length]!,
				site: '社区党群服务中心'
			})
		).id
	);
log(`${AGENTS} agents, ${BOOTHS} booths, data in ${dir}`);

// --- the console's own processes
const TSX_LOADER = pathToFileURL(path.resolve('node_modules/tsx/dist/loader.mjs')).href;
const children: ChildProcess[] = [];
const procEnv = { ...process.env, ...env };
children.push(
	nodeProcess(['--import', TSX_LOADER, path.resolve('src/worker.ts')], {
		...procEnv,
		CONSOLE_PROCESS: 'worker'
	})
);
const web = !args['no-web'];
if (web) {
	buildIfStale(log);
	children.push(
		nodeProcess([path.resolve('build/index.js')], {
			...procEnv,
			CONSOLE_PROCESS: 'web',
			SHUTDOWN_TIMEOUT: '3'
		})
	);
	await waitForHealth(`http://127.0.0.1:${PORT}/api/v1/health`);
	log(
		`console at http://127.0.0.1:${PORT} — the wall: /supervisor, login simsuper / Simulate#2026`
	);
}
// the worker's timers are up once it has registered its job schedulers
await sleep(1500);

function waitForHealth(url: string): Promise<void> {
	const deadline = Date.now() + 120_000;
	const once = () =>
		new Promise<number>((resolve) => {
			const req = http.get(url, { timeout: 2000 }, (res) => {
				res.resume();
				resolve(res.statusCode ?? 0);
			});
			req.on('timeout', () => req.destroy());
			req.on('error', () => resolve(0));
		});
	return (async () => {
		while ((await once()) !== 200) {
			if (Date.now() > deadline) throw new Error(`the console did not answer at ${url}`);
			await sleep(300);
		}
	})();
}

// --- the run
const tally = new Tally(SPEED, cfg.SERVICE_LEVEL_SECONDS, cfg.SHORT_ABANDON_SECONDS);
const simStart = (() => {
	const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
	return Date.parse(`${today}T${startMatch[1]!.padStart(2, '0')}:${startMatch[2]}:00+08:00`);
})();
const realStart = Date.now();
const simNow = () => simStart + (Date.now() - realStart) * SPEED;
const byCall = new Map<string, CallRecord>();
const freeBooths = new Set(boothIds);
let stopping = false;

/** Agents: an offer is answered after a moment (or let pass); the call is talked and wrapped up. */
const busyAgents = new Set<number>();
const onBreak = new Set<number>();
await ctx.bus.listen((msg) => {
	if (msg.type !== 'offer.created') return;
	const { offerId, callId } = msg.data as { offerId: string; callId: string };
	const users = (msg.audience as { users?: number[] }).users ?? [];
	for (const agentId of users) void answer(agentId, offerId, callId);
});

async function answer(agentId: number, offerId: string, callId: string) {
	// an offer to a caller silent for longer than the console's CALLER_GONE_SECONDS
	const known = byCall.get(callId);
	if (known?.gone && Date.now() - known.lastHeardAt > cfg.CALLER_GONE_SECONDS * 1000)
		tally.offeredGone++;
	if (rand() < m.MISS_SHARE) {
		// lets it ring out; set on a "not responding" break after misses, the agent notices a
		// minute later and comes back
		await sleep(real(60));
		if (!onBreak.has(agentId) && (await live.agent(ctx, agentId)).state === 'break')
			await setAgentState(ctx, agentId, 'available').catch(() => {});
		return;
	}
	await sleep(real(m.uniform(rand, m.ANSWER_S)));
	try {
		await acceptPresentCaller(ctx, agentId, offerId);
	} catch (e) {
		tally.acceptRefused++;
		tally.note(`accept: ${e instanceof Error ? e.message : e}`);
		return;
	}
	busyAgents.add(agentId);
	// a call offered the moment it was made is recorded once its creation returned
	const rec = byCall.get(callId) ?? (await recordOf(callId));
	if (rec) {
		rec.answeredAt = Date.now();
		rec.agentId = agentId;
	}
	const talk = m.logNormal(rand, m.talkMeanOf(rec?.departmentId ?? 0), m.TALK_CV);
	await sleep(real(talk));
	try {
		await endCall(ctx, agentId, callId);
		await sleep(real(m.uniform(rand, m.WRAP_S)));
		await wrapUp(ctx, agentId, callId, { outcome: 'done', mailResults: false });
	} catch (e) {
		tally.handlingErrors++;
		tally.note(`handling: ${e instanceof Error ? e.message : e}`);
	}
	busyAgents.delete(agentId);
	if (rec) rec.endedAt = Date.now();
	if (!stopping && rand() < m.BREAK_SHARE) await takeBreak(agentId);
}

async function recordOf(callId: string): Promise<CallRecord | undefined> {
	for (let i = 0; i < 100 && !byCall.has(callId); i++) await sleep(20);
	return byCall.get(callId);
}

async function takeBreak(agentId: number) {
	onBreak.add(agentId);
	await setAgentState(ctx, agentId, 'break', '休息').catch(() => {});
	await sleep(real(m.uniform(rand, m.BREAK_S)));
	onBreak.delete(agentId);
	await setAgentState(ctx, agentId, 'available').catch(() => {});
}

for (const id of agentIds) await setAgentState(ctx, id, 'available');

/** Callers: arrivals as a Poisson stream whose rate follows the hour of day. */
const meanHandle =
	[...deptWeight.entries()].reduce((s, [d, w]) => s + w * m.talkMeanOf(d), 0) /
		[...deptWeight.values()].reduce((s, w) => s + w, 0) +
	(m.WRAP_S[0] + m.WRAP_S[1]) / 2;
const perHour = m.meanArrivalsPerHour(AGENTS, meanHandle, LOAD);
log(
	`${MINUTES} simulated minutes from ${args.start} at ${SPEED}×: about ${Math.round(perHour)} callers an hour at the day's mean`
);

async function arrive() {
	const [matter] = [m.pick(rand, matterMix)];
	const boothId = freeBooths.size && rand() < 0.6 ? [...freeBooths][0]! : null;
	if (boothId) freeBooths.delete(boothId);
	const elderly = rand() < m.ELDERLY_SHARE;
	const arrivedAt = Date.now();
	let created: Awaited<ReturnType<typeof createCall>>;
	try {
		created = await createCall(
			ctx,
			{
				channel: boothId ? 'booth' : 'mobile',
				matterId: matter.id,
				language: m.pick(rand, m.LANGUAGES),
				signLanguage: false,
				elderly,
				priorityLane: 'none'
			},
			{ boothId }
		);
	} catch {
		if (boothId) freeBooths.add(boothId);
		tally.refused++;
		return;
	}
	const rec: CallRecord = {
		callId: created.callId,
		departmentId: matter.dept,
		arrivedAt,
		firstState: created.status === 'offered' ? 'ringing' : created.wait.state,
		lowSeconds: created.wait.lowSeconds,
		highSeconds: created.wait.highSeconds,
		estimateSeconds: created.estimatedWaitSeconds,
		answeredAt: null,
		endedAt: null,
		abandonedAt: null,
		gone: false,
		lastHeardAt: arrivedAt,
		agentId: null
	};
	byCall.set(rec.callId, rec);
	tally.add(rec);
	// the caller's page keeps saying it is there, until they give up or the phone vanishes
	const patience = real(Math.max(m.PATIENCE_MIN_S, m.exponential(rand, m.PATIENCE_MEAN_S)));
	const vanishes = !boothId && rand() < m.VANISH_SHARE;
	const vanishAt = vanishes ? arrivedAt + real(m.uniform(rand, [10, 240])) : Infinity;
	const beat = Math.max(200, (cfg.CALLER_GONE_SECONDS * 1000) / 4);
	while (rec.answeredAt === null && rec.abandonedAt === null) {
		const now = Date.now();
		if (now >= vanishAt) {
			rec.gone = true;
			break;
		}
		if (now - arrivedAt >= patience || stopping) {
			try {
				const r = await leaveCall(ctx, rec.callId, 'caller_left');
				if (r.status === 'abandoned') rec.abandonedAt = Date.now();
			} catch {
				/* already over */
			}
			break;
		}
		const heardAt = Date.now();
		await touchCaller(ctx, rec.callId, heardAt).catch(() => {});
		rec.lastHeardAt = heardAt;
		await sleep(Math.min(beat, Math.max(20, patience - (now - arrivedAt))));
	}
	if (rec.gone) {
		// the presence sweep takes it out; the record says abandoned once it has
		await sleep(cfg.CALLER_GONE_SECONDS * 1000 + 2000);
		if (rec.answeredAt === null) rec.abandonedAt = Date.now();
	}
	while (rec.answeredAt !== null && rec.endedAt === null && !stopping) await sleep(100);
	if (boothId) freeBooths.add(boothId);
}

const runMs = real(MINUTES * 60);
const arrivals: Promise<void>[] = [];
const progress = setInterval(() => {
	const waiting = [...byCall.values()].filter(
		(r) => r.answeredAt === null && r.abandonedAt === null && !r.gone
	).length;
	log(
		`${new Date(simNow() + 8 * 3_600_000).toISOString().slice(11, 16)} arrived=${byCall.size} waiting=${waiting} in_call=${busyAgents.size} on_break=${onBreak.size}`
	);
}, 10_000);
while (Date.now() - realStart < runMs) {
	const rateRealPerMs = (perHour * m.hourFactor(simNow()) * SPEED) / 3_600_000;
	await sleep(m.exponential(rand, 1 / rateRealPerMs));
	if (Date.now() - realStart >= runMs) break;
	arrivals.push(arrive());
}
// the queue drains for a while; whoever still waits after that leaves (not counted either way)
const drainUntil = Date.now() + real(DRAIN * 60);
while (
	Date.now() < drainUntil &&
	[...byCall.values()].some((r) => r.answeredAt === null && r.abandonedAt === null && !r.gone)
)
	await sleep(200);
stopping = true;
tally.leftWaiting = [...byCall.values()].filter(
	(r) => r.answeredAt === null && r.abandonedAt === null && !r.gone
).length;
await Promise.race([Promise.all(arrivals), sleep(real(30 * 60) + 5_000)]);
clearInterval(progress);

for (const line of tally.summary()) console.log(line);
if (args.keep && web) {
	log('the console keeps running for the wall; Ctrl-C stops it');
	await new Promise<void>((r) => process.once('SIGINT', () => r()));
}
for (const c of children) c.kill('SIGTERM');
await Promise.all(
	children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null))
);
await closeContext(ctx);
await redis.stop();
console.log(tally.lastLine());
process.exit(0);
