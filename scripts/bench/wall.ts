import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { insertUserWithSkills, type SkillRow } from '../../src/lib/server/agents/queries';
import { hashPassword } from '../../src/lib/server/auth/password';
import { createCall } from '../../src/lib/server/calls/calls';
import { parseConfig } from '../../src/lib/server/config';
import { closeContext, createContext, type Ctx } from '../../src/lib/server/context';
import { openDb } from '../../src/lib/server/db';
import { matters } from '../../src/lib/server/db/schema';
import { DEMO_PASSWORD } from '../../src/lib/server/seed/seed';
import { SHARE_MS } from '../../src/lib/server/supervisor/shared';
import { buildIfStale } from '../lib/build';
import { spawnConsole, waitForWeb, type ConsoleProcesses } from '../lib/console';
import { prepareDatabase } from '../lib/prepare';
import { freePort, startRedis, type EmbeddedRedis } from '../lib/redis-server';
import { pct, pool, procStats, pubsubRoundTrips, row } from './lib';
import { SseStream } from './sse';

/**
 * `npm run bench:wall`: the supervisor wall under load, against the built console (web from
 * `build/`, plus the worker) on its own Redis and SQLite file. 100 supervisors keep the wall
 * open (scripts/bench/wall-supervisors.ts: the wall's own browser code), agents and callers hold
 * 1,000 more event streams, calls arrive at a steady rate and agents answer, talk, end and wrap
 * up. Measured: event → applied on the supervisors' walls, the wall's snapshot at 100 / 2,000 /
 * 10,000 waiting calls, the web process's memory and CPU; the baseline is the bare Redis pub/sub
 * round trip, in the same run.
 *
 * Sizes: BENCH_SUPERVISORS (100), BENCH_AGENTS (550), BENCH_CALLERS (450: callers' streams open
 * at once), BENCH_RATE (10 calls/s; talk time = callers ÷ rate), BENCH_WARMUP_S (20),
 * BENCH_MEASURE_S (60), BENCH_DEPTHS (100,2000,10000), BENCH_SNAPSHOTS (30 loads per depth).
 */
const env = (k: string, d: number) => Number(process.env[k] ?? d);
const SUPERVISORS = env('BENCH_SUPERVISORS', 100);
const AGENTS = env('BENCH_AGENTS', 550);
const CALLERS = env('BENCH_CALLERS', 450);
const RATE = env('BENCH_RATE', 10);
const WARMUP_S = env('BENCH_WARMUP_S', 20);
const MEASURE_S = env('BENCH_MEASURE_S', 60);
const SNAPSHOTS = env('BENCH_SNAPSHOTS', 30);
const DEPTHS = (process.env.BENCH_DEPTHS ?? '100,2000,10000').split(',').map(Number);
const TALK_MS = (CALLERS / RATE) * 1000;

const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-bench-wall-'));
/** What this benchmark started, for the clean-up. */
const started: { redis?: EmbeddedRedis; console?: ConsoleProcesses; ctx?: Ctx } = {};
const supervisors: ChildProcess[] = [];
const streams = new Set<SseStream>();
let cleaning: Promise<void> | undefined;

/** Stops everything this benchmark started (once), and removes its data. */
function cleanup(): Promise<void> {
	cleaning ??= (async () => {
		for (const s of streams) s.close();
		for (const c of supervisors) if (c.exitCode === null) c.kill('SIGKILL');
		if (started.ctx) await closeContext(started.ctx).catch(() => {});
		await started.console?.stop();
		await started.redis?.stop();
		fs.rmSync(dir, { recursive: true, force: true });
	})();
	return cleaning;
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
	process.on(sig, () => {
		log(`${sig}: stopping`);
		void cleanup().then(() => process.exit(130));
	});
for (const ev of ['uncaughtException', 'unhandledRejection'] as const)
	process.on(ev, (e) => {
		if (cleaning) return; // requests cut short by the shutdown itself
		log(`failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
		void cleanup().then(() => process.exit(1));
	});

// --- the console: private Redis, migrated and seeded SQLite, bench agents, web + worker.
const redis = await startRedis(path.join(dir, 'redis'), () => {});
started.redis = redis;
redis.child.once('exit', (code, signal) => {
	if (!cleaning) log(`redis-server stopped unexpectedly (${signal ?? code})`);
});
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const consoleEnv: Record<string, string> = {
	PORT: String(port),
	HOST: '127.0.0.1',
	ORIGIN: base,
	DATA_DIR: dir,
	REDIS_URL: redis.url,
	DATABASE_PATH: path.join(dir, 'console.db'),
	SERVICE_HOURS: 'always',
	LOG_LEVEL: 'warn',
	// every caller of the benchmark comes from 127.0.0.1, and each demo supervisor login holds
	// 50 walls: the per-address and per-login limits are lifted for it
	MOBILE_CALL_LIMIT: '1000000',
	SSE_MAX_PER_ADDRESS: '100000',
	SSE_MAX_PER_SESSION: '1000',
	// the benchmark reads /metrics for the bytes held for slow stream clients
	METRICS_TOKEN: randomBytes(24).toString('hex')
};
const cfg = parseConfig(consoleEnv);
await prepareDatabase(cfg);
const db = openDb(cfg.databasePath);
const matterIds = db
	.select({ id: matters.id })
	.from(matters)
	.all()
	.map((m) => m.id);
// One hash for all bench agents: hashing 550 passwords would only measure scrypt.
const passwordHash = await hashPassword(DEMO_PASSWORD);
const agentNames: string[] = [];
for (let i = 0; i < AGENTS; i++) {
	// every matter in Mandarin, so that the seats keep up with the arrivals (a steady load)
	const skills: SkillRow[] = [
		{ kind: 'language', code: 'zh', matterId: 0, level: 5 },
		...matterIds.map((m) => ({
			kind: 'matter' as const,
			code: '',
			matterId: m,
			level: 2 + (i % 4)
		}))
	];
	const username = `wallbench${String(i).padStart(4, '0')}`;
	insertUserWithSkills(
		db,
		{ username, passwordHash, displayName: `坐席 ${i}`, roles: ['agent'] },
		skills
	);
	agentNames.push(username);
}
db.$client.close();
buildIfStale(log);
const consoleProcs = spawnConsole(
	{ ...process.env, ...consoleEnv },
	{
		onExit: (name, how) => {
			log(`${name} stopped unexpectedly (${how})`);
			void cleanup().then(() => process.exit(1));
		}
	}
);
started.console = consoleProcs;
await waitForWeb(base, 120_000);
const webPid = consoleProcs.web.pid!;
log(`console up at ${base} (web pid ${webPid})`);
const idleRssMb = procStats(webPid).rssMb;

// --- baseline before the load: bare Redis pub/sub round trip on the same Redis.
const idleBaseline = await pubsubRoundTrips(redis.url, 1000);

/** Requests that failed below HTTP (a connection reset on a busy machine), counted and reported. */
let transportFailures = 0;
async function send(method: string, p: string, headers: Record<string, string>, body?: unknown) {
	let res: Response;
	try {
		res = await fetch(`${base}/api/v1${p}`, {
			method,
			headers: {
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
				...headers
			},
			body: body === undefined ? undefined : JSON.stringify(body)
		});
	} catch (e) {
		transportFailures++;
		log(`${method} ${p} failed: ${(e as Error & { cause?: Error }).cause?.message ?? e}`);
		return { status: 0, body: {} as Record<string, unknown> };
	}
	const text = await res.text();
	return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}
async function login(username: string): Promise<{ cookie: string; id: number }> {
	const res = await fetch(`${base}/api/v1/auth/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ username, password: DEMO_PASSWORD })
	});
	const cookie = res.headers.getSetCookie().find((c) => c.startsWith('cw_session='));
	const body = (await res.json()) as { user?: { id: number } };
	if (res.status !== 200 || !cookie || !body.user)
		throw new Error(`login ${username}: ${res.status}`);
	return { cookie: cookie.split(';')[0]!, id: body.user.id };
}

// --- supervisors: the wall's browser code, one supervisor in a process of its own (as in their
// own browser) and the others sharing a second one.
interface WallResult {
	samples: number[];
	applied: Summary;
	byType: Record<string, Summary>;
	reloads: Summary;
	reconnects: number;
	connected: number;
	rssMb: number;
}
function supervisorProcess(count: number) {
	const child = fork(path.resolve('scripts/bench/wall-supervisors.ts'), [], {
		execArgv: ['--import', 'tsx'],
		env: {
			...process.env,
			BENCH_BASE: base,
			BENCH_SUPERVISORS: String(count),
			BENCH_PASSWORD: DEMO_PASSWORD
		},
		stdio: ['ignore', 'inherit', 'inherit', 'ipc']
	});
	supervisors.push(child);
	const message = (type: string) =>
		new Promise<Record<string, unknown>>((resolve, reject) => {
			const onMessage = (m: Record<string, unknown>) => {
				if (m.type !== type) return;
				child.off('message', onMessage);
				resolve(m);
			};
			child.on('message', onMessage);
			child.once('exit', (code) =>
				code ? reject(new Error(`a supervisors' process exited (${code})`)) : undefined
			);
		});
	return {
		child,
		count,
		ready: message('ready'),
		measure: () => child.send({ type: 'measure' }),
		result: () => {
			const done = message('result');
			child.send({ type: 'stop' });
			return done as unknown as Promise<WallResult>;
		}
	};
}
const own = supervisorProcess(1);
await own.ready;
const hall = supervisorProcess(SUPERVISORS - 1);
await hall.ready;
log(`${SUPERVISORS} supervisors have the wall open`);

// --- agents: each logged in, with its event stream open, answering offers.
const talkOf = new Map<string, number>();
let accepted = 0;
let completed = 0;
class AgentBot {
	current: string | null = null;
	stream!: SseStream;
	constructor(
		readonly cookie: string,
		readonly id: number
	) {}
	async start() {
		await new Promise<void>((resolve, reject) => {
			this.stream = new SseStream(
				`${base}/api/v1/events`,
				{ cookie: this.cookie },
				{
					onOpen: resolve,
					onMessage: (m) => this.onEvent(m.type, JSON.parse(m.data)),
					onError: (e) => (this.stream.closed && !cleaning ? reject(e) : undefined)
				}
			);
			streams.add(this.stream);
		});
		const r = await send('PUT', '/agent/state', { cookie: this.cookie }, { state: 'available' });
		if (r.status !== 200) throw new Error(`agent ${this.id} available: ${r.status}`);
	}
	onEvent(type: string, data: Record<string, unknown>) {
		if (type === 'offer.created') void this.accept(String(data.offerId), String(data.callId));
		else if (type === 'agent.updated' && data.agentId === this.id && data.state === 'wrap_up')
			void this.wrapUp();
	}
	async accept(offerId: string, callId: string) {
		const r = await send('POST', `/offers/${offerId}/accept`, { cookie: this.cookie });
		if (r.status !== 200) return;
		accepted++;
		this.current = callId;
		setTimeout(
			() => {
				if (this.current === callId)
					void send('POST', `/calls/${callId}/end`, { cookie: this.cookie });
			},
			talkOf.get(callId) ?? TALK_MS
		);
	}
	async wrapUp() {
		const callId = this.current;
		if (!callId) return;
		this.current = null;
		const r = await send(
			'POST',
			`/calls/${callId}/wrap-up`,
			{ cookie: this.cookie },
			{
				outcome: 'done',
				mailResults: false
			}
		);
		if (r.status === 200) completed++;
	}
	async offline() {
		await send('PUT', '/agent/state', { cookie: this.cookie }, { state: 'offline' });
		this.stream.close();
	}
}
const agents: AgentBot[] = [];
await pool(agentNames, 8, async (name) => {
	const { cookie, id } = await login(name);
	const bot = new AgentBot(cookie, id);
	await bot.start();
	agents.push(bot);
});
log(`${agents.length} agents available`);

// --- callers: mobile calls at a steady rate, each caller following its call over SSE.
const callers = new Map<string, { token: string; stream: SseStream }>();
let created = 0;
let refused = 0;
async function caller(talkMs: number) {
	const r = await send(
		'POST',
		'/calls',
		{},
		{
			channel: 'mobile',
			matterId: matterIds[created++ % matterIds.length],
			language: 'zh',
			signLanguage: false,
			elderly: false,
			priorityLane: 'none'
		}
	);
	if (r.status !== 201) {
		refused++;
		return;
	}
	const callId = String(r.body.callId);
	const token = String(r.body.callerToken);
	talkOf.set(callId, talkMs);
	const stream = new SseStream(
		`${base}/api/v1/events?callerToken=${encodeURIComponent(token)}`,
		{},
		{
			onMessage: (m) => {
				if (m.type !== 'call.updated') return;
				const status = (JSON.parse(m.data) as { status: string }).status;
				if (['wrap_up', 'ended', 'abandoned'].includes(status)) leave(callId);
			},
			onError: () => leave(callId)
		}
	);
	streams.add(stream);
	callers.set(callId, { token, stream });
}
function leave(callId: string) {
	const c = callers.get(callId);
	if (!c) return;
	c.stream.close();
	streams.delete(c.stream);
	callers.delete(callId);
	talkOf.delete(callId);
}
// Steady state from the start: the first callers arrive quickly with talk times spread out, so
// departures run at the arrival rate by the time the measurement starts.
const burst = Math.min(CALLERS, Math.round(RATE * WARMUP_S * 0.5));
await pool(
	Array.from({ length: burst }, (_, i) => i),
	8,
	async (i) => caller(TALK_MS * (0.1 + (0.9 * i) / burst))
);
const arrivals = setInterval(() => void caller(TALK_MS), 1000 / RATE);
await sleep(WARMUP_S * 1000);

// --- measurement window: walls, baseline under load, web RSS/CPU, clients connected.
log(`measuring for ${MEASURE_S} s`);
own.measure();
hall.measure();
const loadedBaseline = pubsubRoundTrips(redis.url, MEASURE_S * 10, 100);
const rss: number[] = [];
const clients: number[] = [];
const open = () => agents.filter((a) => !a.stream.closed).length + callers.size + SUPERVISORS;
const supCpu = () => supervisors.reduce((n, c) => n + procStats(c.pid!).cpuS, 0);
const cpu0 = { ...procStats(webPid), at: performance.now() };
const sup0 = supCpu();
const accepted0 = accepted;
const queuedMb: number[] = [];
const heapMb: number[] = [];
const externalMb: number[] = [];
const heapTotalMb: number[] = [];
const anonMb: number[] = [];
/** Each V8 heap space's largest committed size seen (MB). */
const spaceMaxMb = new Map<string, number>();
/** The web process's V8 heap in use and committed, and its memory outside the heap, as it last published them. */
async function webMemory(): Promise<void> {
	const r = new Redis(redis.url, { lazyConnect: true });
	await r.connect();
	const all = await r.hgetall(`${cfg.REDIS_PREFIX}:telemetry`);
	r.disconnect();
	const web = Object.entries(all).find(([id]) => id.startsWith('web:'));
	if (!web) return;
	const metrics = (
		JSON.parse(web[1]) as {
			metrics: { name: string; values: { value: number; labels?: { space?: string } }[] }[];
		}
	).metrics;
	const value = (name: string) => metrics.find((m) => m.name === name)?.values[0]?.value ?? NaN;
	heapMb.push(value('nodejs_heap_size_used_bytes') / 2 ** 20);
	heapTotalMb.push(value('nodejs_heap_size_total_bytes') / 2 ** 20);
	externalMb.push(value('nodejs_external_memory_bytes') / 2 ** 20);
	for (const v of metrics.find((m) => m.name === 'nodejs_heap_space_size_total_bytes')?.values ??
		[]) {
		const space = v.labels?.space ?? '?';
		spaceMaxMb.set(space, Math.max(spaceMaxMb.get(space) ?? 0, v.value / 2 ** 20));
	}
}
/** The web process's bytes held for stream clients that have not read them (from /metrics). */
async function queuedNow(): Promise<number> {
	const res = await fetch(`${base}/metrics`, {
		headers: { authorization: `Bearer ${consoleEnv.METRICS_TOKEN}` }
	});
	const m = /^cw_sse_queued_bytes (\S+)$/m.exec(await res.text());
	return m ? Number(m[1]) / 1024 / 1024 : NaN;
}
for (let s = 0; s < MEASURE_S; s++) {
	await sleep(1000);
	const mem = procStats(webPid);
	rss.push(mem.rssMb);
	anonMb.push(mem.anonMb);
	clients.push(open());
	if (s % 5 === 4) {
		queuedMb.push(await queuedNow());
		await webMemory();
	}
}
const cpu1 = { ...procStats(webPid), at: performance.now() };
const sup1 = supCpu();
const [ownWall, hallWall] = await Promise.all([own.result(), hall.result()]);
const baseline = await loadedBaseline;
const answeredPerS = (accepted - accepted0) / MEASURE_S;
const windowS = (cpu1.at - cpu0.at) / 1000;
const webCpuPct = ((cpu1.cpuS - cpu0.cpuS) / windowS) * 100;
const supCpuPct = ((sup1 - sup0) / windowS) * 100;
clearInterval(arrivals);
interface Summary {
	n: number;
	p50: number;
	p95: number;
	p99: number;
	max: number;
}

// --- the load stops: callers leave, agents go offline; nobody can take a call any more.
await pool([...callers.entries()], 16, async ([callId, c]) => {
	await send('DELETE', `/calls/${callId}`, { authorization: `Bearer ${c.token}` });
	leave(callId);
});
await sleep(2000);
await pool(agents, 16, (a) => a.offline());
log(`load stopped (${created} calls created, ${completed} wrapped up, ${refused} refused)`);

// --- snapshot load time at each queue depth, calls added through the console's own modules.
const ctx = await createContext(cfg);
started.ctx = ctx;
const sup = await login('super01');
let waiting = 0;
const snapshots: { depth: number; s: Summary; kb: number; total: number }[] = [];
for (const depth of DEPTHS) {
	const ids = Array.from({ length: Math.max(0, depth - waiting) }, (_, i) => waiting + i);
	await pool(ids, 16, async (i) => {
		await createCall(ctx, {
			channel: 'mobile',
			matterId: matterIds[i % matterIds.length]!,
			language: 'zh',
			signLanguage: false,
			elderly: false,
			priorityLane: 'none'
		});
	});
	waiting = Math.max(waiting, depth);
	await sleep(1000);
	const times: number[] = [];
	let bytes = 0;
	let total = 0;
	for (let i = 0; i < SNAPSHOTS + 3; i++) {
		const t0 = performance.now();
		const res = await fetch(`${base}/api/v1/supervisor/wall`, { headers: { cookie: sup.cookie } });
		const text = await res.text();
		const ms = performance.now() - t0;
		if (res.status !== 200) throw new Error(`wall snapshot: ${res.status}`);
		// the first loads warm the prepared statements and caches; they are not counted
		if (i >= 3) times.push(ms);
		bytes = text.length;
		total = (JSON.parse(text) as { waitingTotal: number }).waitingTotal;
		// past the time one read serves every supervisor: each load is a read of its own
		await sleep(SHARE_MS + 50);
	}
	const sorted = [...times].sort((a, b) => a - b);
	snapshots.push({
		depth,
		s: {
			n: times.length,
			p50: pct(sorted, 50),
			p95: pct(sorted, 95),
			p99: pct(sorted, 99),
			max: sorted.at(-1)!
		},
		kb: bytes / 1024,
		total
	});
	log(`snapshot at ${depth} waiting done (wall counts ${total})`);
}

// --- report
const f = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '–');
const summ = (x: number[]): Summary => {
	const sorted = [...x].sort((a, b) => a - b);
	return {
		n: x.length,
		p50: pct(sorted, 50),
		p95: pct(sorted, 95),
		p99: pct(sorted, 99),
		max: sorted.at(-1) ?? NaN
	};
};
const base95 = pct(baseline, 95);
const allWalls = summ([...ownWall.samples, ...hallWall.samples]);
const w = [40, 8, 8, 8, 8, 9, 14];
const cpuName = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(
	`Wall benchmark ${new Date().toISOString().slice(0, 10)} — ${cpuName}, ${os.cpus().length} cores, Node ${process.version}`
);
console.log(
	`${SUPERVISORS} supervisors with the wall open, ${AGENTS} agents and up to ${CALLERS} callers over SSE; ` +
		`${RATE} calls/s arriving, ${f(TALK_MS / 1000, 0)} s talk; ${MEASURE_S} s measured after ${WARMUP_S} s warm-up.\n`
);
console.log(row(['measure', 'n', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', '÷ base p95'], w));
const line = (name: string, s: Summary, ratio = true) =>
	console.log(
		row([name, s.n, f(s.p50), f(s.p95), f(s.p99), f(s.max), ratio ? f(s.p95 / base95, 0) : ''], w)
	);
line('event → wall applied, one supervisor', ownWall.applied);
for (const [type, s] of Object.entries(ownWall.byType)) line(`  ${type}`, s);
line(`event → wall applied, ${SUPERVISORS - 1} in one process`, hallWall.applied);
line(`event → wall applied, all ${SUPERVISORS}`, allWalls);
line('wall reload under load, one supervisor', ownWall.reloads);
line(`wall reload under load, ${SUPERVISORS - 1} walls`, hallWall.reloads);
for (const s of snapshots)
	line(`snapshot, ${s.depth.toLocaleString('en')} waiting (${f(s.kb, 0)} KB)`, s.s, false);
line('Redis pub/sub round trip, loaded', summ(baseline));
line('Redis pub/sub round trip, idle', summ(idleBaseline), false);
const rssMed = pct(rss, 50);
const rssMax = Math.max(...rss);
const clientsMed = pct(clients, 50);
console.log(
	`\nweb process with ${clientsMed.toLocaleString('en')} SSE clients (min ${Math.min(...clients)}): ` +
		`RSS median ${f(rssMed, 0)} MB, max ${f(rssMax, 0)} MB (${f(idleRssMb, 0)} MB at start); ` +
		`CPU ${f(webCpuPct, 0)} % of one core; ${f(answeredPerS)} calls answered/s; ` +
		`anonymous (not file-backed) median ${f(pct(anonMb, 50), 0)} MB; ` +
		`V8 heap in use median ${f(pct(heapMb, 50), 0)} MB (max ${f(Math.max(...heapMb), 0)}), ` +
		`committed median ${f(pct(heapTotalMb, 50), 0)} MB (max ${f(Math.max(...heapTotalMb), 0)}; by space at most: ` +
		[...spaceMaxMb].map(([k, v]) => `${k.replace(/_space$/, '')} ${f(v, 0)}`).join(', ') +
		`), outside the heap ${f(pct(externalMb, 50), 0)} MB; ` +
		`held for stream clients not yet read: median ${f(pct(queuedMb, 50), 1)} MB, max ${f(Math.max(...queuedMb), 1)} MB`
);
console.log(
	`supervisors' processes: CPU ${f(supCpuPct, 0)} % of one core, RSS ${f(ownWall.rssMb, 0)} + ${f(hallWall.rssMb, 0)} MB, ` +
		`${ownWall.reconnects + hallWall.reconnects} stream drops; ${transportFailures} requests failed below HTTP`
);
const last = snapshots.find((s) => s.depth === 10_000) ?? snapshots.at(-1)!;
const first = snapshots[0]!;
const wall95 = ownWall.applied.p95;
console.log(
	`ratios: wall p95 (one supervisor) ÷ pub/sub p95 (loaded) = ${f(wall95 / base95, 0)}, ` +
		`all ${SUPERVISORS} ÷ pub/sub = ${f(allWalls.p95 / base95, 0)}, ` +
		`snapshot p95 at ${last.depth.toLocaleString('en')} ÷ at ${first.depth.toLocaleString('en')} = ${f(last.s.p95 / first.s.p95, 2)}`
);
console.log(
	`targets: wall p95 ≤ 250 ms ${wall95 <= 250 ? 'met' : 'MISSED'} (all ${SUPERVISORS}: ${allWalls.p95 <= 250 ? 'met' : 'missed'}); ` +
		`snapshot p95 ≤ 150 ms at 10,000 waiting ${last.s.p95 <= 150 ? 'met' : 'MISSED'}; ` +
		`web RSS ≤ 250 MB ${rssMax <= 250 ? 'met' : 'MISSED'}`
);
console.log(
	`wall p95_ms=${f(wall95)} snapshot_p95_ms_10k=${f(last.s.p95)} rss_mb=${f(rssMax, 0)} clients=${clientsMed}`
);
await cleanup();
process.exit(0);
