import { api } from '$lib/api/client';
import type { CallerFlow, Screen } from './caller-flow.svelte';

type BoothState = 'idle' | 'in_call' | 'rating' | 'out_of_hours' | 'offline' | 'disinfecting';

/** The booth state the server and supervisors see for a screen. */
function stateOf(screen: Screen): BoothState {
	switch (screen) {
		case 'waiting':
		case 'starting':
		case 'call':
			return 'in_call';
		case 'rating':
		case 'thanks':
			return 'rating';
		case 'closed':
			return 'out_of_hours';
		case 'disinfecting':
			return 'disinfecting';
		case 'offline':
			return 'offline';
		default:
			return 'idle';
	}
}

/**
 * The kiosk device: heartbeats with its screen state, notices when the server is unreachable
 * (offline screen, retries with backoff), when service hours close or open, and runs the UV
 * disinfection cycle after each caller.
 */
export class BoothDevice {
	online = $state(true);
	/** Seconds until the next automatic retry while offline. */
	retryIn = $state(0);
	disinfectLeft = $state(0);
	#flow: CallerFlow;
	#failures = 0;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#tick: ReturnType<typeof setInterval> | undefined;
	#uv: ReturnType<typeof setInterval> | undefined;
	#stopped = false;
	#interval: number;

	constructor(flow: CallerFlow, opts: { intervalMs?: number } = {}) {
		this.#flow = flow;
		this.#interval = opts.intervalMs ?? 15_000;
	}

	/** Starts heartbeating now. */
	start(): void {
		this.#stopped = false;
		void this.beat();
	}

	stop(): void {
		this.#stopped = true;
		clearTimeout(this.#timer);
		clearInterval(this.#tick);
		clearInterval(this.#uv);
	}

	/** Sends one heartbeat now (also on every screen change) and schedules the next. */
	async beat(): Promise<void> {
		clearTimeout(this.#timer);
		clearInterval(this.#tick);
		const state = this.online ? stateOf(this.#flow.screen) : 'offline';
		const res = await api('POST /booth/heartbeat', { body: { state } });
		// Unreachable or failing: offline. A 4xx answer still means the server is there.
		if (!res.ok && (res.error.status === 0 || res.error.status >= 500)) {
			this.#failures += 1;
			this.online = false;
			const delay = Math.min(60_000, 2000 * 2 ** Math.min(this.#failures - 1, 5));
			this.#schedule(delay);
			return;
		}
		if (res.ok) this.#service(res.data.service);
		this.#failures = 0;
		this.online = true;
		if (this.#flow.screen === 'offline') this.#flow.screen = 'start';
		this.#schedule(this.#interval);
	}

	#schedule(ms: number): void {
		if (this.#stopped) return;
		this.retryIn = Math.ceil(ms / 1000);
		this.#timer = setTimeout(() => void this.beat(), ms);
		this.#tick = setInterval(() => (this.retryIn = Math.max(0, this.retryIn - 1)), 1000);
	}

	#service(s: { open: boolean; opensAt: string | null }): void {
		const f = this.#flow;
		if (!s.open && f.screen === 'start') {
			f.opensAt = s.opensAt;
			f.screen = 'closed';
		} else if (s.open && f.screen === 'closed') f.screen = 'start';
	}

	/** Runs the UV cycle (start screen locked), then back to the start screen. */
	disinfect(seconds: number): void {
		clearInterval(this.#uv);
		if (seconds <= 0) {
			this.#next();
			return;
		}
		this.#flow.screen = 'disinfecting';
		this.disinfectLeft = seconds;
		this.#uv = setInterval(() => {
			this.disinfectLeft -= 1;
			if (this.disinfectLeft <= 0) {
				clearInterval(this.#uv);
				this.#next();
			}
		}, 1000);
	}

	/** The next person finds the kiosk as new: Mandarin, no needs ticked. */
	#next(): void {
		this.#flow.reset();
		this.#flow.language = 'zh';
		void this.beat();
	}
}
