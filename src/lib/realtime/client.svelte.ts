import { EVENT_NAMES, type EventMap, type EventName } from '$lib/contracts/events';

/** A listener: the event's data, and its stream id (the resume point) when it has one. */
type Handler<K extends EventName> = (data: EventMap[K], id?: string) => void;

export interface LiveEventsOptions {
	/** The SSE endpoint (with a caller token in the query for callers). */
	url?: string;
	/** Reload a snapshot: called when the server cannot replay what was missed. */
	onResync?: () => void;
	/** Longest wait between reconnect attempts. */
	maxBackoffMs?: number;
	/**
	 * The resume point of the snapshot the page loaded (the newest event id when it was taken):
	 * events published between the snapshot and the stream opening are replayed, not lost.
	 */
	since?: string | null;
}

/**
 * The browser's live connection: one EventSource to /api/v1/events, typed handlers, reconnects
 * with exponential backoff and resumes from the last event id; resyncs from a snapshot when the
 * server says the gap is too old.
 */
export class LiveEvents {
	connected = $state(false);
	/** Consecutive failed attempts (0 while connected). */
	attempts = $state(0);
	#url: string;
	#opts: LiveEventsOptions;
	#source: EventSource | undefined;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#lastId: string | null = null;
	#everConnected = false;
	// Handler registries are plumbing, not UI state: plain collections on purpose.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#handlers = new Map<EventName, Set<(data: unknown, id?: string) => void>>();
	#stopped = true;

	constructor(opts: LiveEventsOptions = {}) {
		this.#opts = opts;
		this.#url = opts.url ?? '/api/v1/events';
		this.#lastId = opts.since ?? null;
	}

	/** Subscribes to one event type; returns the unsubscribe function. */
	on<K extends EventName>(type: K, fn: Handler<K>): () => void {
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const set = this.#handlers.get(type) ?? new Set();
		set.add(fn as (data: unknown, id?: string) => void);
		this.#handlers.set(type, set);
		return () => set.delete(fn as (data: unknown, id?: string) => void);
	}

	/** Opens the connection (idempotent). */
	start(): void {
		if (!this.#stopped) return;
		this.#stopped = false;
		this.#connect();
	}

	/** Closes the connection and stops reconnecting. */
	stop(): void {
		this.#stopped = true;
		clearTimeout(this.#timer);
		this.#source?.close();
		this.#source = undefined;
		this.connected = false;
	}

	#connect(): void {
		const sep = this.#url.includes('?') ? '&' : '?';
		const url = this.#lastId
			? `${this.#url}${sep}lastEventId=${encodeURIComponent(this.#lastId)}`
			: this.#url;
		const es = new EventSource(url);
		this.#source = es;
		for (const type of EVENT_NAMES) {
			es.addEventListener(type, (e) => this.#dispatch(type, e as MessageEvent<string>));
		}
		es.onopen = () => {
			this.connected = true;
			this.attempts = 0;
		};
		// The browser's own retry cannot add backoff or a resume id to a new URL: do it ourselves.
		es.onerror = () => {
			es.close();
			this.connected = false;
			if (this.#stopped) return;
			this.attempts += 1;
			const max = this.#opts.maxBackoffMs ?? 30_000;
			const delay =
				Math.min(max, 500 * 2 ** Math.min(this.attempts, 8)) * (0.75 + Math.random() * 0.5);
			this.#timer = setTimeout(() => this.#connect(), delay);
		};
	}

	#dispatch(type: EventName, e: MessageEvent<string>): void {
		if (e.lastEventId) this.#lastId = e.lastEventId;
		let data: unknown;
		try {
			data = JSON.parse(e.data);
		} catch {
			return;
		}
		if (
			type === 'resync' ||
			(type === 'ready' && this.#everConnected && !(data as { resumed: boolean }).resumed)
		) {
			this.#opts.onResync?.();
		}
		if (type === 'ready') this.#everConnected = true;
		for (const fn of this.#handlers.get(type) ?? []) fn(data, e.lastEventId || undefined);
	}
}
