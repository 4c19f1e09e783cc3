import { getContext, setContext } from 'svelte';
import type { EventMap } from '$lib/contracts/events';
import { LiveEvents } from '$lib/realtime/client.svelte';
import { Ringer } from './ringer.svelte';

/** The call context an offer card and call page show (built on the server by callContext). */
export interface OfferCall {
	kind?: 'call' | 'interpreter';
	channel: 'booth' | 'mobile';
	boothName: string | null;
	boothTown: string | null;
	boothTownEn: string | null;
	matterName: string | null;
	matterNameEn: string | null;
	departmentName: string | null;
	departmentNameEn: string | null;
	language: string;
	signLanguage: boolean;
	elderly: boolean;
	priorityLane: 'none' | 'green' | 'urgent';
	appointment: boolean;
	escalationStep: number;
	callerIdMasked: string | null;
	queuedAt: string;
}

export interface Offer {
	offerId: string;
	callId: string;
	expiresAt: string;
	call: OfferCall;
}

export interface DeskData {
	state: string;
	since: string | null;
	reason: string | null;
	handledToday: number;
	averageRating: number | null;
	ratedToday: number;
	offer: Record<string, unknown> | null;
	liveCallId: string | null;
	pendingWrapUps: string[];
}

/** What went wrong with an API call, in the contract's words. */
export async function apiError(res: Response): Promise<{ code: string; message: string }> {
	try {
		const b = await res.json();
		return { code: b.error?.code ?? String(res.status), message: b.error?.message ?? '' };
	} catch {
		return { code: String(res.status), message: res.statusText };
	}
}

/**
 * The agent's desk in the browser: live state, today's figures, the pending offer (by SSE, never
 * polled) with its ring, and the actions on them. One per agent layout.
 */
export class AgentDesk {
	state = $state('offline');
	since = $state<string | null>(null);
	reason = $state<string | null>(null);
	handledToday = $state(0);
	averageRating = $state<number | null>(null);
	ratedToday = $state(0);
	offer = $state<Offer | null>(null);
	liveCallId = $state<string | null>(null);
	pendingWrapUps = $state<string[]>([]);
	/** Why the last offer disappeared (shown briefly), or an action error. */
	notice = $state<string | null>(null);
	busy = $state(false);
	readonly ringer = new Ringer();
	readonly live: LiveEvents;
	#refreshing: Promise<void> | null = null;
	#again = false;
	/** Counts live events, so a snapshot fetched before one of them is known to be stale. */
	#epoch = 0;
	#noticeTimer: ReturnType<typeof setTimeout> | undefined;

	constructor(data: DeskData, opts: { onChange?: () => void } = {}) {
		this.load(data);
		this.live = new LiveEvents({ onResync: () => void this.refresh() });
		this.live.on('offer.created', (o) => {
			this.#epoch++;
			this.#offered(o);
		});
		this.live.on('offer.withdrawn', (o) => {
			this.#epoch++;
			if (this.offer?.offerId !== o.offerId) return;
			this.#clearOffer();
			this.#notify('gone');
		});
		this.live.on('agent.updated', (a) => {
			this.#epoch++;
			this.state = a.state;
			this.since = a.since;
			this.reason = a.reason ?? null;
			void this.refresh();
			opts.onChange?.();
		});
	}

	/**
	 * Applies a server snapshot. A snapshot taken before the latest live event is `stale`: it
	 * may only update the day's figures, never the state or the offer the events already gave.
	 */
	load(d: DeskData, stale = false): void {
		this.handledToday = d.handledToday;
		this.averageRating = d.averageRating;
		this.ratedToday = d.ratedToday;
		this.pendingWrapUps = d.pendingWrapUps;
		if (stale) return;
		this.state = d.state;
		this.since = d.since;
		this.reason = d.reason;
		this.liveCallId = d.liveCallId;
		const o = d.offer as Offer | null;
		if (o && o.offerId !== this.offer?.offerId) this.#offered(o);
		else if (!o && this.offer) this.#clearOffer();
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
					const res = await fetch('/api/v1/agent/desk');
					if (res.ok) this.load(await res.json(), epoch !== this.#epoch);
				} while (this.#again);
			} catch {
				/* the connection banner tells the agent; the next event retries */
			} finally {
				this.#refreshing = null;
			}
		})();
		return this.#refreshing;
	}

	/** Sets available, break (with a reason) or offline. Returns an error message or null. */
	async setState(state: 'available' | 'break' | 'offline', reason?: string) {
		this.ringer.unlock();
		this.busy = true;
		try {
			const res = await fetch('/api/v1/agent/state', {
				method: 'PUT',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(reason ? { state, reason } : { state })
			});
			if (!res.ok) return apiError(res);
			await this.refresh();
			return null;
		} finally {
			this.busy = false;
		}
	}

	/** Accepts the pending offer; returns the call id, or null when it is gone. */
	async accept(): Promise<string | null> {
		const o = this.offer;
		if (!o || this.busy) return null;
		this.busy = true;
		this.ringer.stop();
		try {
			const res = await fetch(`/api/v1/offers/${o.offerId}/accept`, { method: 'POST' });
			if (!res.ok) {
				const e = await apiError(res);
				this.#notify(e.code === 'offer_gone' ? 'gone' : e.message);
				this.#clearOffer();
				return null;
			}
			const body = (await res.json()) as { callId: string };
			this.#clearOffer();
			this.liveCallId = body.callId;
			return body.callId;
		} finally {
			this.busy = false;
		}
	}

	/** Declines the pending offer. */
	async decline(): Promise<void> {
		const o = this.offer;
		if (!o || this.busy) return;
		this.busy = true;
		this.ringer.stop();
		try {
			await fetch(`/api/v1/offers/${o.offerId}/decline`, { method: 'POST' });
			this.#clearOffer();
			await this.refresh();
		} finally {
			this.busy = false;
		}
	}

	start(): void {
		this.live.start();
	}

	stop(): void {
		this.ringer.stop();
		this.live.stop();
	}

	#offered(o: EventMap['offer.created'] | Offer): void {
		this.offer = o as Offer;
		this.notice = null;
		this.ringer.start();
	}

	/** Shows a short notice that fades on its own (the agent need not dismiss it). */
	#notify(text: string): void {
		this.notice = text;
		clearTimeout(this.#noticeTimer);
		this.#noticeTimer = setTimeout(() => (this.notice = null), 8000);
	}

	#clearOffer(): void {
		this.offer = null;
		this.ringer.stop();
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
