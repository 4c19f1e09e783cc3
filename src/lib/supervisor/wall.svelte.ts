import { api } from '$lib/api/client';
import type {
	WallScope,
	WallAgent,
	WallDay,
	WallHour,
	WallWaitingSample,
	WallBooth,
	WallLiveCall,
	WallQueue,
	WallSnapshot,
	WallWaitingCall
} from '$lib/contracts/supervisor-api';
import type { EventMap } from '$lib/contracts/events';
import { LiveEvents } from '$lib/realtime/client.svelte';
import { AlertSound } from './alert-sound.svelte';
import { WallAlerts } from './alerts.svelte';
import { positions } from './positions';
import { thresholdLevel, type Thresholds } from './thresholds';

export type { WallAgent, WallBooth, WallLiveCall, WallQueue, WallWaitingCall };

const THRESHOLDS_KEY = 'cw.wall.thresholds';
export const DEFAULT_THRESHOLDS: Thresholds = { amberSeconds: 60, redSeconds: 180 };
/** The most waiting calls a reload lists again (the API's page limit). */
const MAX_LIST = 1000;

/** Events arriving close together reload the snapshot once. */
const RELOAD_DEBOUNCE_MS = 400;
/**
 * While events keep coming, the snapshot is reloaded about this often (± a quarter, at random):
 * what an event applies shows at once; a new call's matter and the day's figures may follow a
 * little later. A hall of walls neither re-reads and re-draws the whole wall several times a
 * second nor asks the server all at the same moment.
 */
const RELOAD_MIN_INTERVAL_MS = 2000;
const isoAt = (ms: number) => new Date(ms).toISOString();

/**
 * The supervisor wall in the browser: one snapshot, then the typed events applied as they come
 * (a call's status, an agent's state, a booth's state). What an event cannot carry (a new
 * call's matter, the day's figures) comes from one snapshot reload shortly after; the wall never
 * polls. Wait times tick locally each second.
 */
export class SupervisorWall {
	queues = $state<WallQueue[]>([]);
	waiting = $state<WallWaitingCall[]>([]);
	waitingTotal = $state(0);
	waitingLimit = $state(0);
	agents = $state<WallAgent[]>([]);
	/** Agents not offline, and those free now. */
	readonly online = $derived(this.agents.filter((a) => a.state !== 'offline').length);
	readonly available = $derived(this.agents.filter((a) => a.state === 'available').length);
	booths = $state<WallBooth[]>([]);
	live = $state<WallLiveCall[]>([]);
	day = $state<WallDay>({ offered: 0, answered: 0, abandoned: 0, serviceLevel: null });
	/** Today's figures per hour (arrivals), hour 0 first. */
	hours = $state<WallHour[]>([]);
	/** Callers waiting over the last hour, once a minute. */
	waitingTrend = $state<WallWaitingSample[]>([]);
	/** The queue whose waiting calls the list shows (`dept:3`, `lang:yue`…), or null for all. */
	waitingQueue = $state<string | null>(null);
	/** How many calls wait in that queue (all queues: waitingTotal). */
	waitingQueueTotal = $state(0);
	/** Where the list's next page starts, or null when it shows every waiting call asked for. */
	waitingNext = $state<string | null>(null);
	/** A page of the list is on its way. */
	waitingLoading = $state(false);
	/** The departments and towns this supervisor oversees; null for the whole district. */
	scope = $state<WallScope | null>(null);
	/** No snapshot yet. */
	loading = $state(true);
	/** A reload is on its way. */
	refreshing = $state(false);
	/** The last reload failed with this message. */
	error = $state<string | null>(null);
	/** The local clock, ticking each second, corrected by the server's. */
	now = $state(Date.now());
	thresholds = $state<Thresholds>({ ...DEFAULT_THRESHOLDS });
	agentFilter = $state<string>('all');
	agentSearch = $state('');
	/** The open alerts, and the chime when a new one appears. */
	readonly sound = new AlertSound();
	readonly alerts = new WallAlerts(() => {
		if (this.#chime) this.sound.play();
	});
	readonly events: LiveEvents;
	#chime: boolean;
	#skew = 0;
	#tick: ReturnType<typeof setInterval> | undefined;
	#debounce: ReturnType<typeof setTimeout> | undefined;
	#inFlight: Promise<void> | null = null;
	#again = false;
	#lastReload = -Infinity;
	// Where each agent and waiting call sits in its list: an event finds its row at once.
	#agentAt = positions<WallAgent, number>([], (a) => a.id);
	#waitingAt = positions<WallWaitingCall, string>([], (c) => c.callId);

	/** `chime: false`: new alerts make no sound (the hall screen). */
	constructor(initial: WallSnapshot | null = null, opts: { chime?: boolean } = {}) {
		this.#chime = opts.chime ?? true;
		if (initial) this.load(initial);
		this.events = new LiveEvents({
			onResync: () => void this.reload(),
			since: initial?.eventsFrom ?? null
		});
		this.events.on('call.updated', (e) => this.applyCall(e));
		this.events.on('agent.updated', (e) => this.applyAgent(e));
		this.events.on('booth.updated', (e) => this.applyBooth(e));
		this.events.on('monitors.updated', (e) => this.applyMonitors(e));
		this.events.on('alert.updated', (e, id) => this.alerts.apply(e, id));
	}

	/** Acknowledges an alert; the error to show, or null. Every wall is told who did. */
	async acknowledge(key: string) {
		const r = await api('POST /supervisor/alerts/{key}/ack', { params: { key } });
		if (r.ok) this.alerts.apply({ state: 'acknowledged', alert: r.data.alert });
		return r.ok ? null : r.error;
	}

	/** Sets an agent's state with a reason; the error to show, or null. */
	async setAgentState(agentId: number, state: 'available' | 'break' | 'offline', reason: string) {
		const r = await api('PUT /supervisor/agents/{id}/state', {
			params: { id: String(agentId) },
			body: { state, reason }
		});
		return r.ok ? null : r.error;
	}

	/** Offers a waiting call to a named agent (`override`: a seat lacking a requirement). */
	async assign(callId: string, agentId: number, override: boolean) {
		const r = await api('POST /supervisor/calls/{id}/assign', {
			params: { id: callId },
			body: { agentId, override }
		});
		if (r.ok) this.#later(true);
		return r.ok ? null : r.error;
	}

	/** Moves a waiting call to another lane. */
	async changeLane(callId: string, lane: 'urgent' | 'green' | 'elderly' | 'normal') {
		const r = await api('POST /supervisor/calls/{id}/lane', {
			params: { id: callId },
			body: { lane }
		});
		if (r.ok) this.#later(true);
		return r.ok ? null : r.error;
	}

	/** Shows the waiting calls of one queue (null: all), oldest first; the error to show, or null. */
	async showQueue(key: string | null): Promise<string | null> {
		this.waitingQueue = key;
		this.waitingNext = null;
		return this.#fetchWaiting(Math.max(this.waitingLimit, 1));
	}

	/** Lists the next page of waiting calls below those shown; the error to show, or null. */
	async moreWaiting(): Promise<string | null> {
		const after = this.waitingNext;
		if (!after) return null;
		return this.#fetchWaiting(this.waitingLimit, after);
	}

	/** How many calls wait where the list looks (one queue, or all). */
	get waitingShownTotal(): number {
		return this.waitingQueue ? this.waitingQueueTotal : this.waitingTotal;
	}

	/** The list was filtered or extended beyond the snapshot's page: a reload asks for it again. */
	get #ownList(): boolean {
		return this.waitingQueue !== null || this.waiting.length > this.waitingLimit;
	}

	async #fetchWaiting(limit: number, after?: string): Promise<string | null> {
		this.waitingLoading = true;
		try {
			const r = await api('GET /supervisor/wall/waiting', {
				query: { queue: this.waitingQueue ?? undefined, after, limit }
			});
			if (!r.ok) return r.error.message;
			// a call listed already (it moved while paging) is not listed twice
			const seen = after ? this.waiting.map((c) => c.callId) : [];
			const fresh = r.data.items.filter((c) => !seen.includes(c.callId));
			this.waiting = after ? [...this.waiting, ...fresh] : r.data.items;
			this.#waitingAt = positions(this.waiting, (c) => c.callId);
			this.waitingQueueTotal = r.data.total;
			this.waitingNext = r.data.next;
			return null;
		} finally {
			this.waitingLoading = false;
		}
	}

	/** Takes a snapshot as the wall's state. */
	load(s: WallSnapshot, receivedAt = Date.now()): void {
		this.#skew = Date.parse(s.at) - receivedAt;
		this.now = receivedAt + this.#skew;
		this.queues = s.queues;
		if (!this.#ownList) {
			this.waiting = s.waiting;
			this.waitingNext = s.waitingNext;
			this.#waitingAt = positions(s.waiting, (c) => c.callId);
		}
		this.waitingTotal = s.waitingTotal;
		this.waitingLimit = s.waitingLimit;
		this.agents = s.agents;
		this.#agentAt = positions(s.agents, (a) => a.id);
		this.booths = s.booths;
		this.live = s.live;
		this.day = s.day;
		this.hours = s.hours;
		this.waitingTrend = s.waitingTrend;
		this.scope = s.scope;
		this.alerts.load(s.alerts, s.eventsFrom);
		this.loading = false;
	}

	/** Connects to the event stream, starts the clock, restores the thresholds. */
	start(): void {
		this.#restoreThresholds();
		this.sound.restore();
		this.events.start();
		this.#tick = setInterval(() => {
			this.now = Date.now() + this.#skew;
			this.extendTrend();
		}, 1000);
		if (this.loading) void this.reload();
	}

	/** Disconnects and stops the clock. */
	stop(): void {
		this.events.stop();
		clearInterval(this.#tick);
		clearTimeout(this.#debounce);
		this.#debounce = undefined;
	}

	/** Reloads the snapshot (one at a time; a request meanwhile reloads once more after). */
	reload(): Promise<void> {
		if (this.#inFlight) {
			this.#again = true;
			return this.#inFlight;
		}
		this.refreshing = true;
		this.#lastReload = Date.now();
		this.#inFlight = (async () => {
			do {
				this.#again = false;
				const own = this.#ownList;
				const shown = this.waiting.length;
				const r = await api('GET /supervisor/wall');
				if (r.ok) {
					this.load(r.data);
					this.error = null;
					// the list the supervisor chose (a queue, more pages) is read again, as long
					if (own) {
						const failed = await this.#fetchWaiting(
							Math.min(MAX_LIST, Math.max(this.waitingLimit, shown))
						);
						if (failed) this.error = failed;
					}
				} else this.error = r.error.message;
			} while (this.#again);
		})().finally(() => {
			this.#inFlight = null;
			this.refreshing = false;
		});
		return this.#inFlight;
	}

	/** Seconds since an instant, on the server's clock. */
	since(iso: string | null): number {
		if (!iso) return 0;
		return Math.max(0, Math.floor((this.now - Date.parse(iso)) / 1000));
	}

	/** A queue's colour by the wait of its longest-waiting call. */
	levelOf(q: WallQueue): 'ok' | 'amber' | 'red' {
		return q.oldestQueuedAt ? thresholdLevel(this.since(q.oldestQueuedAt), this.thresholds) : 'ok';
	}

	/** Changes the amber/red thresholds (kept in this browser). */
	setThresholds(t: Thresholds): void {
		const amber = Math.max(1, Math.round(t.amberSeconds));
		const red = Math.max(amber, Math.round(t.redSeconds));
		this.thresholds = { amberSeconds: amber, redSeconds: red };
		try {
			localStorage.setItem(THRESHOLDS_KEY, JSON.stringify(this.thresholds));
		} catch {
			// storage may be unavailable (private mode): the thresholds hold for this page
		}
	}

	/** Agents matching the state filter and the name search. */
	get shownAgents(): WallAgent[] {
		const q = this.agentSearch.trim().toLowerCase();
		return this.agents.filter(
			(a) =>
				(this.agentFilter === 'all' || a.state === this.agentFilter) &&
				(!q || a.displayName.toLowerCase().includes(q))
		);
	}

	/** Seconds the longest-waiting caller has waited (0 with nobody waiting). */
	get longestWaitSeconds(): number {
		const oldest = this.waiting.reduce<string | null>(
			(o, c) => (o === null || c.queuedAt < o ? c.queuedAt : o),
			null
		);
		return this.since(oldest);
	}

	/**
	 * Once a minute has passed since the last waiting sample, adds one with the count now and
	 * drops the oldest: a quiet hall's screen keeps its last hour moving without asking the server.
	 */
	extendTrend(): void {
		const last = this.waitingTrend.at(-1);
		if (!last || this.now - Date.parse(last.at) < 60_000) return;
		const sample = { at: isoAt(this.now), waiting: this.waitingTotal };
		this.waitingTrend = [...this.waitingTrend.slice(1), sample];
	}

	/** Booths grouped by town, towns in order of name. */
	get boothsByTown(): { town: string; booths: WallBooth[] }[] {
		const towns = this.booths
			.map((b) => b.town)
			.filter((t, i, all) => all.indexOf(t) === i)
			.sort((a, b) => a.localeCompare(b, 'zh-CN'));
		return towns.map((town) => ({ town, booths: this.booths.filter((b) => b.town === town) }));
	}

	#restoreThresholds(): void {
		try {
			const raw = localStorage.getItem(THRESHOLDS_KEY);
			if (raw) this.setThresholds({ ...DEFAULT_THRESHOLDS, ...JSON.parse(raw) });
		} catch {
			// a bad stored value: keep the defaults
		}
	}

	/**
	 * Reloads soon: RELOAD_DEBOUNCE_MS after the first event, and about RELOAD_MIN_INTERVAL_MS
	 * after the last reload while events keep coming (`own`: after the supervisor's own action,
	 * RELOAD_DEBOUNCE_MS in any case).
	 */
	#later(own = false): void {
		if (own) {
			clearTimeout(this.#debounce);
			this.#debounce = undefined;
		}
		if (this.#debounce !== undefined) return;
		const wait = own
			? RELOAD_DEBOUNCE_MS
			: Math.max(
					RELOAD_DEBOUNCE_MS,
					this.#lastReload + RELOAD_MIN_INTERVAL_MS * (0.75 + Math.random() / 2) - Date.now()
				);
		this.#debounce = setTimeout(() => {
			this.#debounce = undefined;
			void this.reload();
		}, wait);
	}

	#waitingCall(callId: string): WallWaitingCall | undefined {
		const i = this.#waitingAt.get(callId);
		const c = i === undefined ? undefined : this.waiting[i];
		return c?.callId === callId ? c : undefined;
	}

	/** A call's new status: waiting, ringing, answered or over. */
	applyCall(e: EventMap['call.updated']): void {
		const w = this.#waitingCall(e.callId);
		if (e.status === 'queued' || e.status === 'offered') {
			if (w) w.status = e.status;
			if (w && e.status === 'offered') w.reason = { code: 'being_offered', text: '' };
		} else {
			// Answered, ended or abandoned: no longer waiting; ended: no longer live.
			if (w) {
				this.waiting = this.waiting.filter((c) => c.callId !== e.callId);
				this.#waitingAt = positions(this.waiting, (c) => c.callId);
				this.waitingTotal = Math.max(0, this.waitingTotal - 1);
				if (this.waitingQueue) this.waitingQueueTotal = Math.max(0, this.waitingQueueTotal - 1);
			}
			if (e.status !== 'connected') this.live = this.live.filter((c) => c.callId !== e.callId);
		}
		// A new call, an answer or an end also moves the queues' figures: take them from the server.
		this.#later();
	}

	/** An agent's new state. */
	applyAgent(e: EventMap['agent.updated']): void {
		const i = this.#agentAt.get(e.agentId);
		const a = i === undefined ? undefined : this.agents[i];
		if (a?.id === e.agentId) {
			a.state = e.state;
			a.reason = e.reason ?? null;
			a.since = e.since;
		}
		// Seats available per queue, and why calls wait, follow agents' states.
		this.#later();
	}

	/** Who is in a live call as a duty supervisor now (a call not on the wall yet comes later). */
	applyMonitors(e: EventMap['monitors.updated']): void {
		const c = this.live.find((x) => x.callId === e.callId);
		if (!c) return;
		c.monitors = e.monitors;
		c.monitoredBy = e.monitors.map((m) => m.userId);
	}

	/** A booth's new state (a booth not on the wall yet comes with the next snapshot). */
	applyBooth(e: EventMap['booth.updated']): void {
		const b = this.booths.find((x) => x.id === e.boothId);
		if (!b) return this.#later();
		b.state = e.state;
		b.lastSeenAt = e.lastSeenAt;
	}
}
