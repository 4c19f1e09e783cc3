import { getContext, setContext } from 'svelte';
import { api, type ApiError } from '$lib/api/client';
import type { ResponseOf } from '$lib/api/endpoints';
import type { Offer, OfferContext } from '$lib/contracts/call-context';
import type { DeskCallValue, DeskViewValue } from '$lib/contracts/client-api';
import type { EventMap, StateChanger } from '$lib/contracts/events';
import { LiveEvents } from '$lib/realtime/client.svelte';
import { Attention } from './attention';
import { Ringer } from './ringer.svelte';

export type { Offer } from '$lib/contracts/call-context';
/** The call context an offer card and call page show (built on the server by callContext). */
export type OfferCall = Omit<OfferContext, 'kind' | 'assignment'> &
	Partial<Pick<OfferContext, 'kind' | 'assignment'>>;
export type DeskData = DeskViewValue;
export type DeskCall = DeskCallValue;
export type TodayCall = ResponseOf<'GET /agent/calls'>['calls'][number];
/** How the interpreter the agent asked for stands (last event for the open call). */
export type InterpreterStatus = EventMap['interpreter.updated'];
/** A duty supervisor in the agent's call, as the console's policy lets the agent know. */
export type SupervisorNotice = DeskData['monitors'][number];

/** The desk's notice for an offer that went away, by why it did (see calling.offer.notices). */
function noticeOf(reason: string): string {
	if (reason === 'declined' || reason === 'expired') return reason;
	if (reason === 'caller_left' || reason === 'caller_gone') return 'callerLeft';
	return 'gone';
}

/**
 * The agent's desk in the browser, the one owner of its state: live state and today's figures,
 * today's calls, the pending offer (by SSE, never polled) with its ring, and the open call
 * page's call, all from snapshots plus live events, with the actions on them. One per agent
 * layout.
 */
export class AgentDesk {
	state = $state('offline');
	since = $state<string | null>(null);
	reason = $state<string | null>(null);
	/** The supervisor who set the current state, if it was not the agent. */
	changedBy = $state<StateChanger | null>(null);
	handledToday = $state(0);
	averageRating = $state<number | null>(null);
	ratedToday = $state(0);
	offer = $state<Offer | null>(null);
	liveCallId = $state<string | null>(null);
	pendingWrapUps = $state<string[]>([]);
	/** Today's calls, newest first (reloaded when the day's figures change). */
	today = $state<TodayCall[]>([]);
	/** The call the call page shows, kept current by events. */
	call = $state<DeskCall | null>(null);
	interpreter = $state<InterpreterStatus | null>(null);
	/** This agent was interpreting the open call and its agent released them. */
	get released(): boolean {
		return this.call?.role === 'interpreter' && this.interpreter?.status === 'left';
	}
	/**
	 * Duty supervisors listening to, whispering in or speaking in the agent's live call, as far as
	 * the console's policy (MONITOR_NOTICE) tells the agent.
	 */
	monitors = $state<SupervisorNotice[]>([]);
	/** Whether a supervisor whispers in the live call now (the desk then plays the whisper room). */
	readonly whispering = $derived(this.monitors.some((m) => m.mode === 'whisper'));
	/** Why the last offer disappeared (shown briefly), or an action error. */
	notice = $state<string | null>(null);
	/** A state change is on its way (the state bar waits for it). */
	busy = $state(false);
	/** An offer is being accepted or declined (one answer per offer). */
	#answering = false;
	readonly ringer = new Ringer();
	/** The tab title flashing and the desktop notification while an offer rings. */
	readonly attention = new Attention();
	/** The ringing offer is a caller this agent let pass a moment ago, still waiting. */
	offerAgain = $state(false);
	/** Calls this agent let pass (declined or missed) while their callers still wait. */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, nothing shows it
	#passed = new Set<string>();
	/** Texts for the title flash and the notification (set by the layout, in the agent's language). */
	attentionText: (o: Offer) => { title: string; body: string } = () => ({ title: '', body: '' });
	readonly live: LiveEvents;
	#refreshing: Promise<void> | null = null;
	#again = false;
	/** Counts live events, so a snapshot fetched before one of them is known to be stale. */
	#epoch = 0;
	#todaySeq = 0;
	#todayShown = false;
	#noticeTimer: ReturnType<typeof setTimeout> | undefined;
	#reloadCall: (() => void) | null = null;

	constructor(data: DeskData) {
		this.load(data);
		this.live = new LiveEvents({ onResync: () => this.#resync(), since: data.eventsFrom });
		this.live.on('offer.created', (o) => {
			this.#epoch++;
			this.#offered(o);
		});
		this.live.on('offer.withdrawn', (o) => {
			this.#epoch++;
			if (this.offer?.offerId !== o.offerId) return;
			this.#clearOffer();
			if (o.reason === 'declined' || o.reason === 'expired') this.#passed.add(o.callId);
			this.#notify(noticeOf(o.reason));
		});
		this.live.on('agent.updated', (a) => {
			this.#epoch++;
			this.state = a.state;
			this.since = a.since;
			this.reason = a.reason ?? null;
			this.changedBy = a.changedBy ?? null;
			void this.refresh();
			// An interpreter the call's agent released has no call page left to reload.
			if (this.released) return;
			// The open call follows the agent's state (e.g. the caller hung up: wrap-up).
			this.#reloadCall?.();
		});
		this.live.on('monitor.updated', (e) => {
			this.#epoch++;
			this.applyMonitor(e);
		});
		this.live.on('interpreter.updated', (e) => {
			if (e.callId !== this.call?.callId) return;
			this.interpreter = e;
			if (!this.released) this.#reloadCall?.();
		});
	}

	/**
	 * Applies a server snapshot. A snapshot taken before the latest live event is `stale`: it
	 * may only update the day's figures, never the state or the offer the events already gave.
	 */
	load(d: DeskData, stale = false): void {
		const figures = `${d.handledToday}/${d.ratedToday}/${d.state}`;
		const changed = figures !== `${this.handledToday}/${this.ratedToday}/${this.state}`;
		this.handledToday = d.handledToday;
		this.averageRating = d.averageRating;
		this.ratedToday = d.ratedToday;
		this.pendingWrapUps = d.pendingWrapUps;
		if (!stale) {
			this.state = d.state;
			this.since = d.since;
			this.reason = d.reason;
			this.changedBy = d.changedBy;
			this.liveCallId = d.liveCallId;
			this.monitors = d.monitors;
			const o = d.offer;
			if (o && o.offerId !== this.offer?.offerId) this.#offered(o);
			else if (!o && this.offer) this.#clearOffer();
		}
		// A finished call or a new rating changes the list of today's calls too.
		if (changed && this.#todayShown) void this.refreshToday();
	}

	/** Reloads the snapshot (after a resync, or when figures may have changed). */
	refresh(): Promise<void> {
		if (this.#refreshing) {
			this.#again = true;
			return this.#refreshing;
		}
		this.#refreshing = (async () => {
			try {
				do {
					this.#again = false;
					const epoch = this.#epoch;
					// On failure the connection banner tells the agent; the next event retries.
					const res = await api('GET /agent/desk');
					if (res.ok) this.load(res.data, epoch !== this.#epoch);
				} while (this.#again);
			} finally {
				this.#refreshing = null;
			}
		})();
		return this.#refreshing;
	}

	/** A supervisor joined, switched mode in or left the agent's call. */
	applyMonitor(e: EventMap['monitor.updated']): void {
		const others = this.monitors.filter(
			(m) => m.callId !== e.callId || m.supervisor.userId !== e.supervisor.userId
		);
		this.monitors =
			e.mode === 'left'
				? others
				: [...others, { callId: e.callId, mode: e.mode, supervisor: e.supervisor }];
	}

	/** Today's calls from the page's snapshot, then kept current by the desk. */
	seedToday(calls: TodayCall[]): void {
		this.#todaySeq++;
		this.#todayShown = true;
		this.today = calls;
	}

	/** Reloads today's calls; only the latest answer is kept. */
	async refreshToday(): Promise<void> {
		const mine = ++this.#todaySeq;
		const res = await api('GET /agent/calls');
		if (res.ok && mine === this.#todaySeq) this.today = res.data.calls;
	}

	/**
	 * The call page shows `call` (a snapshot of it); `reload` asks for a new snapshot when events
	 * say it changed.
	 */
	openCall(call: DeskCall, reload: () => void): void {
		if (this.call?.callId !== call.callId) this.interpreter = null;
		this.call = call;
		this.#reloadCall = reload;
	}

	/** The call page closed (the `reload` it opened with identifies it). */
	closeCall(reload: () => void): void {
		if (this.#reloadCall !== reload) return;
		this.#reloadCall = null;
		this.call = null;
		this.interpreter = null;
	}

	/** Sets available, break (with a reason) or offline. Returns what went wrong, or null. */
	async setState(state: 'available' | 'break' | 'offline', reason?: string) {
		this.ringer.unlock();
		// A click of the agent's: the one moment a browser lets the desk ask to notify.
		if (state === 'available') this.attention.ask();
		this.busy = true;
		const res = await api('PUT /agent/state', { body: reason ? { state, reason } : { state } });
		this.busy = false;
		if (!res.ok) return res.error;
		// Not busy while the snapshot reloads: an offer may ring (and be answered) meanwhile.
		await this.refresh();
		return null;
	}

	/** Accepts the pending offer; returns the call id, or null when it is gone. */
	async accept(): Promise<string | null> {
		const o = this.offer;
		if (!o || this.#answering) return null;
		this.#answering = true;
		this.ringer.stop();
		try {
			const res = await api('POST /offers/{id}/accept', { params: { id: o.offerId } });
			this.#clearOffer();
			if (!res.ok) {
				const code = res.error.code;
				this.#notify(
					code === 'offer_gone' ? 'gone' : code === 'caller_gone' ? 'callerLeft' : res.error.message
				);
				return null;
			}
			this.#passed.delete(o.callId);
			this.liveCallId = res.data.callId;
			return res.data.callId;
		} finally {
			this.#answering = false;
		}
	}

	/** Declines the pending offer. */
	async decline(): Promise<void> {
		const o = this.offer;
		if (!o || this.#answering) return;
		this.#answering = true;
		this.ringer.stop();
		try {
			await api('POST /offers/{id}/decline', { params: { id: o.offerId } });
			if (this.offer?.offerId === o.offerId) this.#clearOffer();
			this.#passed.add(o.callId);
			// The agent's own answer: said as such, never as "withdrawn or timed out".
			if (!this.offer) this.#notify('declined');
		} finally {
			this.#answering = false;
		}
		await this.refresh();
	}

	/** Ends the open call (→ wrap-up). Returns what went wrong, or null. */
	async endCall(): Promise<ApiError | null> {
		const c = this.call;
		if (!c) return null;
		const res = await api('POST /calls/{id}/end', { params: { id: c.callId } });
		if (!res.ok) return res.error;
		if (this.call?.callId === c.callId) this.call = { ...this.call, status: 'wrap_up' };
		this.#reloadCall?.();
		await this.refresh();
		return null;
	}

	/** Asks for a sign-language interpreter for the open call. */
	async requestInterpreter(): Promise<ApiError | null> {
		const c = this.call;
		if (!c) return null;
		const res = await api('POST /calls/{id}/interpreter', { params: { id: c.callId } });
		if (!res.ok) return res.error;
		this.interpreter = { callId: c.callId, status: 'requested', displayName: null };
		return null;
	}

	/** The interpreter leaves the open call, or its agent releases the interpreter. */
	async leaveInterpreting(): Promise<ApiError | null> {
		const c = this.call;
		if (!c) return null;
		const res = await api('DELETE /calls/{id}/interpreter', { params: { id: c.callId } });
		return res.ok ? null : res.error;
	}

	start(): void {
		this.live.start();
	}

	stop(): void {
		this.ringer.stop();
		this.attention.stop();
		this.live.stop();
	}

	#resync(): void {
		void this.refresh();
		this.#reloadCall?.();
	}

	#offered(o: Offer): void {
		this.offer = o;
		this.notice = null;
		this.offerAgain = this.#passed.has(o.callId);
		this.ringer.start();
		const t = this.attentionText(o);
		this.attention.start(t.title, t.body, o.offerId);
	}

	/** Shows a short notice that fades on its own (the agent need not dismiss it). */
	#notify(text: string): void {
		this.notice = text;
		clearTimeout(this.#noticeTimer);
		this.#noticeTimer = setTimeout(() => (this.notice = null), 8000);
	}

	#clearOffer(): void {
		this.offer = null;
		this.offerAgain = false;
		this.ringer.stop();
		this.attention.stop();
	}
}

const KEY = Symbol('agent-desk');

/** Shares the desk with the agent pages. */
export function provideDesk(desk: AgentDesk): AgentDesk {
	setContext(KEY, desk);
	return desk;
}

/** The agent desk of the current layout. */
export function useDesk(): AgentDesk {
	return getContext<AgentDesk>(KEY);
}
