import { AsyncLocalStorage } from 'node:async_hooks';
import { register } from 'node:module';
import { pct } from './lib';
import { SseStream, type SseMessage } from './sse';

/**
 * The supervisors of `npm run bench:wall`, in a process of their own (as their browsers would
 * be): each runs the wall's own browser code (`SupervisorWall`, its `LiveEvents` connection, the
 * typed API client), compiled by Svelte for the client, with its own session cookie. Under Node,
 * `fetch` gets the console's origin and the supervisor's cookie, and `EventSource` is an SSE
 * client over fetch. Latency is measured after the wall's handler has applied an event:
 * now − the event's stream id (Redis's clock, the same machine's).
 *
 * Driven over IPC by scripts/bench/wall.ts: `measure` starts counting, `stop` reports and exits.
 */
register('./svelte-hooks.ts', import.meta.url);

const base = process.env.BENCH_BASE!;
const count = Number(process.env.BENCH_SUPERVISORS ?? 100);
const logins = (process.env.BENCH_SUPERVISOR_LOGINS ?? 'super01,super02').split(',');
const password = process.env.BENCH_PASSWORD!;

interface Browser {
	cookie: string;
}
const browser = new AsyncLocalStorage<Browser>();
const WALL_EVENTS = new Set(['call.updated', 'agent.updated', 'booth.updated']);
let measuring = false;
const applied: number[] = [];
const appliedByType = new Map<string, number[]>();
const reloads: number[] = [];
let reconnects = 0;

const realFetch = globalThis.fetch;
/** The browser's fetch: relative URLs against the console, the supervisor's cookie attached. */
globalThis.fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
	const url = typeof input === 'string' && input.startsWith('/') ? base + input : input;
	const cookie = browser.getStore()?.cookie;
	const headers = new Headers(init.headers);
	if (cookie) headers.set('cookie', cookie);
	const t0 = performance.now();
	const res = await realFetch(url, { ...init, headers });
	if (measuring && String(url).endsWith('/api/v1/supervisor/wall')) {
		// the reload is complete once the body is read: time that, as the wall waits for it
		const body = await res.text();
		reloads.push(performance.now() - t0);
		return new Response(body, { status: res.status, headers: res.headers });
	}
	return res;
};

type Listener = (e: SseMessage) => void;
/** EventSource as LiveEvents uses it, carrying the cookie of the browser that opened it. */
class BenchEventSource {
	onopen: (() => void) | null = null;
	onerror: (() => void) | null = null;
	#listeners = new Map<string, Listener[]>();
	#stream: SseStream;
	constructor(url: string) {
		const cookie = browser.getStore()?.cookie ?? '';
		this.#stream = new SseStream(
			base + url,
			{ cookie },
			{
				onOpen: () => this.onopen?.(),
				onMessage: (m) => {
					for (const fn of this.#listeners.get(m.type) ?? []) fn(m);
					if (measuring && WALL_EVENTS.has(m.type)) {
						const ms = Date.now() - Number(m.lastEventId.split('-')[0]);
						applied.push(ms);
						const list = appliedByType.get(m.type) ?? [];
						list.push(ms);
						appliedByType.set(m.type, list);
					}
				},
				onError: () => {
					reconnects++;
					this.onerror?.();
				}
			}
		);
	}
	addEventListener(type: string, fn: Listener): void {
		this.#listeners.set(type, [...(this.#listeners.get(type) ?? []), fn]);
	}
	close(): void {
		this.#stream.close();
	}
}
(globalThis as { EventSource?: unknown }).EventSource = BenchEventSource;

const { SupervisorWall } = await import('../../src/lib/supervisor/wall.svelte');
const { api } = await import('../../src/lib/api/client');

async function login(username: string): Promise<string> {
	const res = await realFetch(`${base}/api/v1/auth/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ username, password })
	});
	const cookie = res.headers.getSetCookie().find((c) => c.startsWith('cw_session='));
	if (res.status !== 200 || !cookie) throw new Error(`login ${username}: ${res.status}`);
	return cookie.split(';')[0]!;
}

const walls: InstanceType<typeof SupervisorWall>[] = [];
for (let i = 0; i < count; i++) {
	const cookie = await login(logins[i % logins.length]!);
	// As the page does: the snapshot first, then the wall applies events from its resume point.
	const wall = await browser.run({ cookie }, async () => {
		const r = await api('GET /supervisor/wall');
		if (!r.ok) throw new Error(`wall snapshot: ${r.error.message}`);
		const w = new SupervisorWall(r.data);
		w.start();
		return w;
	});
	walls.push(wall);
}
while (walls.some((w) => !w.events.connected)) await new Promise((r) => setTimeout(r, 100));
process.send!({ type: 'ready' });

const summary = (s: number[]) => ({
	n: s.length,
	p50: pct(s, 50),
	p95: pct(s, 95),
	p99: pct(s, 99),
	max: s.reduce((a, b) => Math.max(a, b), 0)
});
process.on('message', (m: { type: string }) => {
	if (m.type === 'measure') {
		applied.length = 0;
		appliedByType.clear();
		reloads.length = 0;
		reconnects = 0;
		measuring = true;
	} else if (m.type === 'stop') {
		measuring = false;
		const connected = walls.filter((w) => w.events.connected).length;
		for (const w of walls) w.stop();
		process.send!(
			{
				type: 'result',
				samples: applied,
				applied: summary(applied),
				byType: Object.fromEntries([...appliedByType].map(([k, v]) => [k, summary(v)])),
				reloads: summary(reloads),
				reconnects,
				connected,
				rssMb: process.memoryUsage().rss / 1e6
			},
			() => process.exit(0)
		);
	}
});
