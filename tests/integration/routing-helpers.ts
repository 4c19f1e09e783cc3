import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import type { Skill } from '../../src/lib/contracts/api';
import { createAgent } from '../../src/lib/server/agents/agents';
import { createCall } from '../../src/lib/server/calls/calls';
import { currentOffer, acceptOffer } from '../../src/lib/server/calls/offers';
import { setAgentState } from '../../src/lib/server/calls/seats';
import type { Ctx } from '../../src/lib/server/context';
import { matters } from '../../src/lib/server/db/schema';
import { liveWorkers } from '../../src/lib/server/heartbeat';
import { closeTestContext, testContext } from './helpers';

/** Routing settings that keep tests quick: always open, short timers. */
export const FAST_ROUTING = {
	SERVICE_HOURS: 'always',
	OFFER_TIMEOUT_SECONDS: '20',
	ROUTING_CHECK_SECONDS: '0.5',
	PRESENCE_SWEEP_SECONDS: '0.5',
	WORKER_LOCK_SECONDS: '2'
};

/** A test context with fast routing settings. */
export function routingContext(env: Record<string, string> = {}): Promise<Ctx> {
	return testContext({ ...FAST_ROUTING, ...env });
}

/** Closes the queues and the context. */
export async function closeRouting(ctx: Ctx): Promise<void> {
	await closeTestContext(ctx);
}

let n = 0;
/** Creates an agent with skills; returns its id. */
export async function makeAgent(ctx: Ctx, skills: Skill[], name?: string): Promise<number> {
	const username = name ?? `agent${++n}x${Math.random().toString(36).slice(2, 6)}`;
	const { id } = await createAgent(ctx, 0, {
		username,
		password: 'password-123',
		displayName: username,
		roles: ['agent'],
		skills
	});
	return id;
}

/** The first matters of the catalogue (two of one department, one of another). */
export function someMatters(ctx: Ctx) {
	const all = ctx.db.select().from(matters).orderBy(asc(matters.id)).all();
	const a = all[0]!;
	const sameDept = all.find((m) => m.id !== a.id && m.departmentId === a.departmentId)!;
	const otherDept = all.find((m) => m.departmentId !== a.departmentId)!;
	return { a, sameDept, otherDept };
}

/** Sets a matter's minimum proficiency. */
export function setMinLevel(ctx: Ctx, matterId: number, level: number) {
	ctx.db.update(matters).set({ minLevel: level }).where(eq(matters.id, matterId)).run();
}

/** Polls until `fn` returns a truthy value; throws with `what` after the timeout. */
export async function waitFor<T>(fn: () => Promise<T> | T, what: string, timeoutMs = 10_000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const v = await fn();
		if (v) return v;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 25));
	}
}

/** Starts a worker process (src/worker.ts) on the test context's SQLite file and Redis prefix. */
export function spawnWorker(ctx: Ctx, env: Record<string, string> = {}): ChildProcess {
	const child = spawn(
		process.execPath,
		[path.resolve('node_modules/tsx/dist/cli.mjs'), path.resolve('src/worker.ts')],
		{
			env: {
				...process.env,
				...FAST_ROUTING,
				...env,
				REDIS_URL: ctx.cfg.REDIS_URL,
				DATABASE_PATH: ctx.cfg.databasePath,
				REDIS_PREFIX: ctx.prefix,
				LOG_LEVEL: 'warn',
				SKIP_DEMO_SEED: '1'
			},
			stdio: ['ignore', 'ignore', 'inherit']
		}
	);
	return child;
}

/**
 * Starts a worker process and waits until it has recovered the routing state and said it is
 * alive (a loaded machine may take seconds to start one; timers tested before that would fail).
 */
export async function startWorker(ctx: Ctx, env: Record<string, string> = {}) {
	// tsx runs the worker in a child process of its own: a new id among the live workers is it
	const before = new Set((await liveWorkers(ctx)).ids);
	const child = spawnWorker(ctx, env);
	try {
		await waitFor(
			async () => (await liveWorkers(ctx)).ids.some((id) => !before.has(id)),
			'the worker to start',
			45_000
		);
	} catch (e) {
		await stopWorker(child, 'SIGKILL');
		throw e;
	}
	return child;
}

/** Stops a worker process (SIGTERM, or SIGKILL for a crash) and waits for it to exit. */
export async function stopWorker(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM') {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const done = new Promise((r) => child.once('exit', r));
	child.kill(signal);
	await done;
}

/** A mobile call for the first matter, offered to a fresh Mandarin agent who accepts it. */
export async function connectedCall(ctx: Ctx) {
	const { a } = someMatters(ctx);
	const agent = await makeAgent(ctx, [
		{ kind: 'matter', matterId: a.id, level: 3 },
		{ kind: 'language', code: 'zh', level: 5 }
	]);
	await setAgentState(ctx, agent, 'available');
	const call = await createCall(ctx, {
		channel: 'mobile',
		matterId: a.id,
		language: 'zh',
		signLanguage: false,
		elderly: false,
		priorityLane: 'none'
	});
	const accepted = await acceptOffer(ctx, agent, (await currentOffer(ctx, agent))!.offerId);
	return { agent, callId: call.callId, callerToken: call.callerToken, accepted };
}

/** A Mandarin mobile call for the first matter unless `over` says otherwise. */
export function mobileCall(ctx: Ctx, over: Partial<Parameters<typeof createCall>[1]> = {}) {
	return createCall(ctx, {
		channel: 'mobile',
		matterId: someMatters(ctx).a.id,
		language: 'zh',
		signLanguage: false,
		elderly: false,
		priorityLane: 'none',
		...over
	});
}
