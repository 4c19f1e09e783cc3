import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { buildIfStale } from '../../scripts/lib/build';
import { freePort } from '../../scripts/lib/redis-server';
import { parseConfig } from '../../src/lib/server/config';
import { closeContext, createContext, type Ctx } from '../../src/lib/server/context';
import { liveWorkers } from '../../src/lib/server/heartbeat';
import * as live from '../../src/lib/server/routing/live';
import { waitFor } from './routing-helpers';
import { Console } from './support/console';
import { agentAtDesk, callers, login, send, type Figures, type Identity } from './support/load';
import { OwnRedis } from './support/own-redis';

/**
 * Faults under load, against the console as `npm start` runs it (supervised web + worker, a real
 * Redis and SQLite file): kill -9 of the web, kill -9 of the worker, a Redis restart, while
 * callers keep calling and agents keep answering. Every accepted call must end, no agent may be
 * left stuck, no call connected twice, nothing left in one store and not the other.
 */
const AGENTS = 6;
const ADMIN_PASSWORD = 'faults-admin-pass';
const METRICS_TOKEN = 'faults-metrics-token-0123';

let redis: OwnRedis;
let konsole: Console;
let dataDir: string;
/** The test's own view of the console's stores (Redis live state, workers' heartbeats). */
let ctx: Ctx;

beforeAll(async () => {
	buildIfStale(() => {});
	redis = await OwnRedis.start('faults');
	dataDir = path.join(inject('tmpDir'), 'faults');
	konsole = Console.start(await freePort(), {
		DATA_DIR: dataDir,
		REDIS_URL: redis.url,
		CONSOLE_ADMIN_PASSWORD: ADMIN_PASSWORD,
		SKIP_DEMO_SEED: '1',
		SERVICE_HOURS: 'always',
		LOG_LEVEL: 'error',
		MOBILE_CALL_LIMIT: '1000000',
		LIVEKIT_URL: 'ws://127.0.0.1:1',
		OFFER_TIMEOUT_SECONDS: '4',
		ROUTING_CHECK_SECONDS: '1',
		WORKER_LOCK_SECONDS: '2',
		RECONCILE_SECONDS: '1',
		WRAP_UP_SECONDS: '0',
		AGENT_DISCONNECT_SECONDS: '3600',
		BOOTH_DISINFECT_SECONDS: '0',
		METRICS_TOKEN: METRICS_TOKEN
	});
	await waitFor(
		async () => (await konsole.health()).body?.checks.worker?.ok,
		`the console to start:\n${konsole.output}`,
		120_000
	);
	ctx = await createContext(
		parseConfig({ REDIS_URL: redis.url, DATABASE_PATH: path.join(dataDir, 'console.db') })
	);
}, 300_000);

afterAll(async () => {
	if (ctx) await closeContext(ctx);
	const code = await konsole?.stop();
	await redis?.stop();
	expect(code).toBe(0);
});

/** The web or worker was killed and the supervisor brought a new one up, serving. */
async function killAndAwaitRestart(part: 'web' | 'worker') {
	const before = konsole.pidOf(part);
	expect(before, `a ${part} process runs`).not.toBeNull();
	process.kill(before!, 'SIGKILL');
	await waitFor(
		async () => {
			const now = konsole.pidOf(part);
			if (!now || now === before || (await konsole.health()).status !== 200) return false;
			// a new worker counts once it has started (recovered) and says so
			return part === 'web' || (await liveWorkers(ctx)).ids.includes(`${os.hostname()}:${now}`);
		},
		`the ${part} to be restarted`,
		30_000
	);
}

describe('faults under load', () => {
	it('kill -9 of the web, kill -9 of the worker and a Redis restart lose no call and leave no agent stuck', async () => {
		const base = konsole.base;
		const db = new Database(path.join(dataDir, 'console.db'), { readonly: true });
		const matterId = (
			db.prepare('select id from matters order by id limit 1').get() as { id: number }
		).id;
		const admin = await login(base, 'admin', ADMIN_PASSWORD);
		const agents: Identity[] = [];
		for (let i = 0; i < AGENTS; i++) {
			const username = `fault${i}`;
			const r = await send(base, 'POST', '/admin/agents', admin, {
				username,
				password: 'Passw0rd!fault',
				displayName: username,
				roles: ['agent'],
				skills: [
					{ kind: 'matter', matterId, level: 5 },
					{ kind: 'language', code: 'zh', level: 5 }
				]
			});
			expect(r.status).toBe(201);
			const as = await login(base, username, 'Passw0rd!fault');
			expect((await send(base, 'PUT', '/agent/state', as, { state: 'available' })).status).toBe(
				200
			);
			agents.push(as);
		}

		const f: Figures = { attempted: 0, accepted: [], refused: {}, badRefusals: [], handled: 0 };
		const desks = agents.map((as) => agentAtDesk(base, as, f));
		const load = callers(base, matterId, 300, f);
		const moreAccepted = async (n: number, what: string) => {
			const from = f.accepted.length;
			await waitFor(() => f.accepted.length >= from + n, what, 30_000);
		};
		const started = Date.now();
		await moreAccepted(8, 'calls before the first fault');
		await killAndAwaitRestart('web');
		await moreAccepted(8, 'calls after the web came back');
		await killAndAwaitRestart('worker');
		await moreAccepted(8, 'calls after the worker came back');
		// Redis restarted by an operator: down long enough for callers to be refused, then back.
		await redis.stop();
		await waitFor(
			async () => (await konsole.health()).status === 503,
			'health to say Redis is down'
		);
		await waitFor(() => (f.refused[503] ?? 0) >= 2, 'callers to be refused while Redis is down');
		await redis.start();
		await waitFor(
			async () => (await konsole.health()).status === 200,
			'health after Redis',
			30_000
		);
		await moreAccepted(8, 'calls after Redis came back');
		await load.stop();
		const loadSeconds = Math.round((Date.now() - started) / 1000);

		// Every accepted call ends; and so does every call the record has, acknowledged or not.
		const status = db.prepare('select status from calls where id = ?');
		const pending = () =>
			f.accepted.filter((id) => (status.get(id) as { status: string }).status !== 'ended');
		await waitFor(() => pending().length === 0, 'every accepted call to end', 60_000).catch(() => {
			throw new Error(`calls not ended: ${JSON.stringify(pending().map((id) => status.get(id)))}`);
		});
		const liveRows = () =>
			db.prepare(`select id, status from calls where status <> 'ended'`).all() as {
				id: string;
				status: string;
			}[];
		await waitFor(() => liveRows().length === 0, 'no call left live in SQLite', 30_000).catch(
			() => {
				throw new Error(`calls left: ${JSON.stringify(liveRows())}`);
			}
		);
		await Promise.all(desks.map((d) => d.stop()));

		// No agent stuck: every desk shows an available agent with nothing pending.
		for (const as of agents) {
			const d = (await send(base, 'GET', '/agent/desk', as)).body!;
			expect(d).toMatchObject({
				state: 'available',
				offer: null,
				liveCallId: null,
				pendingWrapUps: []
			});
		}
		// No orphan: nothing waits or is offered in Redis that SQLite has not ended.
		expect(await live.waitingOrOffered(ctx)).toEqual([]);
		// No double offer: no call was accepted twice, and no agent held two calls at once.
		const twice = db
			.prepare(
				`select call_id, count(*) n from offers where status = 'accepted' group by call_id having n > 1`
			)
			.all();
		expect(twice).toEqual([]);
		const overlaps = db
			.prepare(
				`select a.id, b.id from calls a join calls b on a.agent_id = b.agent_id and a.id < b.id
				 where a.connected_at < b.wrap_up_at and b.connected_at < a.wrap_up_at`
			)
			.all();
		expect(overlaps).toEqual([]);
		// The supervisor restarted exactly what was killed: nothing else fell over (e.g. in the outage).
		const restarts = konsole.output.split('\n').filter((l) => l.includes('stopped unexpectedly'));
		expect(
			restarts.map((l) => l.match(/\] (\w+) stopped/)?.[1]),
			konsole.output
		).toEqual(['web', 'worker']);
		// A call refused during the outage was refused in the API's words, with Retry-After.
		expect(f.badRefusals).toEqual([]);

		// A refused call left nothing behind: the record holds the accepted calls, and at most the
		// calls whose answer was cut off with the web.
		// The operator's view afterwards: /metrics for the scraper's token only, nothing waiting.
		expect((await fetch(`${base}/metrics`)).status).toBe(401);
		const metrics = await fetch(`${base}/metrics`, {
			headers: { authorization: `Bearer ${METRICS_TOKEN}` }
		});
		expect(metrics.status).toBe(200);
		const text = await metrics.text();
		expect(text).toContain('cw_routing_step_seconds_bucket');
		expect(text).not.toMatch(/^cw_calls_waiting\{[^}]*\} [1-9]/m);
		expect(text).toMatch(/^cw_worker_processes [1-9]/m);

		const total = (db.prepare('select count(*) n from calls').get() as { n: number }).n;
		expect(total).toBeGreaterThanOrEqual(f.accepted.length);
		expect(total).toBeLessThanOrEqual(f.accepted.length + (f.refused[0] ?? 0));
		const figures = {
			loadSeconds,
			agents: AGENTS,
			attempted: f.attempted,
			accepted: f.accepted.length,
			refused: f.refused,
			recorded: total,
			ended: total,
			faults: ['kill -9 web', 'kill -9 worker', 'Redis restart'],
			lost: 0
		};
		console.log(`fault figures: ${JSON.stringify(figures)}`);
		fs.writeFileSync(path.join(inject('tmpDir'), 'fault-figures.json'), JSON.stringify(figures));
		db.close();
	}, 150_000);
});
