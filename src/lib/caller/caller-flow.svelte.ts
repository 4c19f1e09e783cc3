import { api } from '$lib/api/client';
import type { ResponseOf } from '$lib/api/endpoints';
import type { EventMap } from '$lib/contracts/events';
import { LiveEvents } from '$lib/realtime/client.svelte';
import type { UiLocale } from '$lib/i18n';

export type Screen =
	| 'start'
	| 'starting'
	| 'waiting'
	| 'call'
	| 'rating'
	| 'thanks'
	| 'disinfecting'
	| 'closed'
	| 'offline';

export interface PickedMatter {
	id: number;
	name: string;
	nameEn: string;
	materials?: string[];
}

interface Saved {
	callId: string;
	token: string;
	matter: PickedMatter;
	language: string;
}

/** Spoken languages a caller can pick at the booth, with the screen language each switches to. */
export const SPOKEN = [
	{ code: 'zh', label: '普通话', ui: 'zh-CN' },
	{ code: 'yue', label: '粤语', ui: 'zh-HK' },
	{ code: 'en', label: 'English', ui: 'en' },
	{ code: 'ja', label: '日本語', ui: 'ja' },
	{ code: 'ko', label: '한국어', ui: 'ko' }
] as const;

/** The console's caller-screen settings (idle times, how long a silent caller keeps the place). */
export interface CallerSession {
	goneSeconds: number;
	ratingIdleSeconds: number;
	closedIdleSeconds: number;
	startIdleSeconds: number;
}

export const DEFAULT_SESSION: CallerSession = {
	goneSeconds: 90,
	ratingIdleSeconds: 60,
	closedIdleSeconds: 60,
	startIdleSeconds: 120
};

/** The outcome of the caller's matter as the thanks screen tells it. */
export type Outcome = NonNullable<ResponseOf<'GET /calls/{id}'>['outcome']>;

/** What the caller is asked to confirm before it happens (none of it can be undone). */
export type Ask = { kind: 'start'; matter: PickedMatter } | { kind: 'leave' } | { kind: 'hangUp' };

/** What the caller is told while the call waits (the API's WaitView). */
export type WaitView = NonNullable<EventMap['call.updated']['wait']>;
const RINGING: WaitView = { state: 'ringing', lowSeconds: null, highSeconds: null };

/** An error the caller can act on: an i18n key under caller.errors and its values. */
export interface FlowError {
	key: string;
	values?: Record<string, unknown>;
}

/**
 * One caller's journey (booth or phone): pick a matter and needs, queue with a live position,
 * the call, the rating. The call id and caller token are kept in localStorage so a reload while
 * waiting returns to the same call at the same place.
 */
export class CallerFlow {
	screen = $state<Screen>('start');
	language = $state('zh');
	signLanguage = $state(false);
	elderly = $state(false);
	green = $state(false);
	matter = $state<PickedMatter | null>(null);
	callId = $state<string | null>(null);
	status = $state<string | null>(null);
	position = $state<number | null>(null);
	estimatedWaitSeconds = $state<number | null>(null);
	/** What the waiting caller is told: being rung, busy (with a range), nobody online, all on break. */
	wait = $state<WaitView | null>(null);
	/** When the caller joined the queue (ms), for the time waited. */
	queuedAt = $state<number | null>(null);
	/** A seat was rung and did not answer: the caller is told, until the next ring. */
	missedOffer = $state(false);
	agentName = $state<string | null>(null);
	error = $state<FlowError | null>(null);
	opensAt = $state<string | null>(null);
	live = $state<LiveEvents | null>(null);
	/** Whether the page reaches the server (the heartbeat or the browser says not: a banner). */
	online = $state(true);
	/** The last call left the queue because the page was not heard from for too long. */
	dropped = $state(false);
	/** A sign-language interpreter is in the call. */
	interpreterJoined = $state(false);
	/** The agent is handing the call to a colleague: the caller waits again, told so. */
	transferring = $state(false);
	/** What the agent recorded, once they have: for the thanks screen. */
	outcome = $state<Outcome | null>(null);
	/** The caller's own leaving (取消排队, 挂断) is on its way. */
	leaving = $state(false);
	/** The confirmation on screen, if any. */
	ask = $state<Ask | null>(null);
	/** Counts fresh starts: the start screen is built anew for each person. */
	session = $state(0);
	settings: CallerSession = DEFAULT_SESSION;
	#token: string | null = null;
	#beat: ReturnType<typeof setInterval> | undefined;
	#onOnline = () => this.#reconnected();
	#onOffline = () => (this.online = false);
	#channel: 'booth' | 'mobile';
	#storageKey: string;
	#poll: ReturnType<typeof setInterval> | undefined;
	/** Live call events applied so far: a snapshot read meanwhile may be older than they are. */
	#events = 0;

	constructor(channel: 'booth' | 'mobile') {
		this.#channel = channel;
		this.#storageKey = `cw.caller.${channel}`;
	}

	get uiLocale(): UiLocale {
		return SPOKEN.find((s) => s.code === this.language)?.ui ?? 'zh-CN';
	}

	/** The bearer token of this caller's call (the call's video asks for its own join token with it). */
	get callerToken(): string | null {
		return this.#token;
	}

	/** Joins the queue for a matter with the chosen language and needs. */
	async start(m: PickedMatter): Promise<void> {
		if (this.screen === 'starting') return;
		this.error = null;
		this.matter = m;
		this.screen = 'starting';
		const res = await api('POST /calls', {
			body: {
				channel: this.#channel,
				matterId: m.id,
				language: this.language,
				signLanguage: this.signLanguage,
				elderly: this.elderly,
				priorityLane: this.green ? 'green' : 'none'
			}
		});
		if (!res.ok) {
			this.screen = 'start';
			const { code, status, details } = res.error;
			if (code === 'closed') {
				this.opensAt = typeof details.opensAt === 'string' ? details.opensAt : null;
				this.screen = 'closed';
			} else if (code === 'booth_busy') this.error = { key: 'busy' };
			else if (status === 429) {
				const wait = typeof details.retryAfterSeconds === 'number' ? details.retryAfterSeconds : 60;
				this.error = { key: 'rateLimited', values: { minutes: Math.ceil(wait / 60) } };
			} else this.error = { key: status === 0 ? 'network' : 'generic' };
			return;
		}
		const body = res.data;
		this.#token = body.callerToken;
		this.callId = body.callId;
		this.#save();
		this.#apply(body);
		this.#follow();
		void this.#loadMaterials();
	}

	/**
	 * Takes over a call queued elsewhere (a booking checked in): kept like a call started here,
	 * so `resume()` follows it.
	 */
	adopt(call: { callId: string; callerToken: string }, m: PickedMatter): void {
		this.matter = m;
		this.#token = call.callerToken;
		this.callId = call.callId;
		this.#save();
	}

	/** After a reload: back to the saved call if it is still live. Returns whether it resumed. */
	async resume(): Promise<boolean> {
		const raw = localStorage.getItem(this.#storageKey);
		if (!raw) return false;
		try {
			const s = JSON.parse(raw) as Saved;
			this.#token = s.token;
			this.callId = s.callId;
			this.matter = s.matter;
			this.language = s.language;
		} catch {
			localStorage.removeItem(this.#storageKey);
			return false;
		}
		const ok = await this.refresh();
		if (!ok || !this.callId || this.status === 'abandoned') {
			// The call this page kept left the queue while the page was away.
			if (this.status === 'abandoned') this.dropped = true;
			this.#forget();
			return false;
		}
		if (this.status === 'wrap_up' || this.status === 'ended') {
			this.screen = 'rating';
			return true;
		}
		this.#follow();
		return true;
	}

	/**
	 * Reloads the call from the API: the snapshot after a gap in the stream, and the agent's name
	 * once connected. Its video token is not used: the call's room fetches and renews its own.
	 */
	async refresh(): Promise<boolean> {
		if (!this.callId) return false;
		const events = this.#events;
		const res = await api('GET /calls/{id}', { params: { id: this.callId }, token: this.#token });
		if (!res.ok) {
			if (res.error.status === 0) this.online = false;
			return false;
		}
		this.online = true;
		// An event that came while the snapshot was on its way is at least as new: any later
		// change comes as an event too. (Read right after "connected", a snapshot answered after
		// the agent had already transferred the caller put the call screen back.)
		if (this.#events !== events && res.data.status !== this.status) return true;
		this.#apply(res.data);
		return true;
	}

	#follow(): void {
		this.live?.stop();
		const live = new LiveEvents({
			url: `/api/v1/events?callerToken=${encodeURIComponent(this.#token ?? '')}`,
			onResync: () => void this.refresh()
		});
		live.on('call.updated', (e) => {
			if (e.callId !== this.callId) return;
			this.#events++;
			this.#apply(e);
			// The event carries no agent name: the snapshot has it once connected.
			if (e.status === 'connected') void this.refresh();
		});
		live.start();
		this.live = live;
		// A safety net only while the stream is down: live events make polling pointless.
		clearInterval(this.#poll);
		this.#poll = setInterval(() => {
			if (!live.connected) void this.refresh();
		}, 10_000);
		// The page says it is still here, well inside the time a silent caller keeps the place.
		clearInterval(this.#beat);
		const every = Math.max(1, Math.min(15, Math.floor(this.settings.goneSeconds / 4)));
		this.#beat = setInterval(() => void this.#heartbeat(), every * 1000);
		if (typeof window !== 'undefined') {
			window.addEventListener('online', this.#onOnline);
			window.addEventListener('offline', this.#onOffline);
		}
	}

	async #heartbeat(): Promise<void> {
		if (!this.callId) return;
		const res = await api('POST /calls/{id}/heartbeat', {
			params: { id: this.callId },
			token: this.#token
		});
		if (res.ok) {
			if (!this.online) await this.#reconnected();
		} else if (res.error.status === 0) this.online = false;
	}

	/** Back online: the stream reconnects by itself; the call's state is read at once. */
	async #reconnected(): Promise<void> {
		if (await this.refresh()) this.online = true;
	}

	#apply(
		v:
			| EventMap['call.updated']
			| ResponseOf<'GET /calls/{id}'>
			| ResponseOf<'POST /calls'>
			| { status: string }
	): void {
		// A call never goes back once over: a late answer from before the end changes nothing.
		const over = this.screen === 'rating' || this.screen === 'thanks';
		if (over && !['wrap_up', 'ended'].includes(v.status)) return;
		if (this.status === 'offered' && v.status === 'queued' && this.screen === 'waiting')
			this.missedOffer = true;
		if (v.status === 'offered' || v.status === 'connected') this.missedOffer = false;
		if (v.status) this.status = v.status;
		if (v.status === 'offered') this.wait = RINGING;
		else if ('wait' in v && v.wait) this.wait = v.wait;
		if ('queuedAt' in v && v.queuedAt) this.queuedAt = Date.parse(v.queuedAt);
		if ('position' in v && v.position !== undefined) this.position = v.position;
		if ('estimatedWaitSeconds' in v && v.estimatedWaitSeconds !== undefined)
			this.estimatedWaitSeconds = v.estimatedWaitSeconds;
		if ('agent' in v && v.agent) this.agentName = v.agent.displayName;
		if ('interpreterJoined' in v) this.interpreterJoined = !!v.interpreterJoined;
		if ('outcome' in v && v.outcome) this.outcome = v.outcome;
		// From the call back to the queue: the agent is transferring the caller.
		if (this.screen === 'call' && (v.status === 'queued' || v.status === 'offered'))
			this.transferring = true;
		if (v.status === 'connected') this.transferring = false;
		switch (this.status) {
			case 'queued':
			case 'offered':
				this.screen = 'waiting';
				break;
			case 'connected':
				this.screen = 'call';
				break;
			case 'wrap_up':
			case 'ended':
				// The stream stays open through the rating: the outcome arrives when recorded.
				if (this.screen === 'waiting' || this.screen === 'call' || this.screen === 'starting')
					this.screen = 'rating';
				// (an event says only "ended": the call itself says what was recorded)
				if (this.status === 'ended' && !this.outcome && !('video' in v)) void this.refresh();
				break;
			case 'abandoned':
				// Not by the caller's own choice (they tapped 取消排队 on a page that says so): the
				// page was silent too long. The start screen says what happened.
				if (this.screen === 'waiting' && !this.leaving) this.dropped = true;
				this.#stopFollowing();
				this.#forget();
				this.screen = 'start';
		}
	}

	async #loadMaterials(): Promise<void> {
		const m = this.matter;
		if (!m || m.materials) return;
		// What to prepare is a help, not a requirement: a failure shows nothing.
		const res = await api('GET /matters/{id}', { params: { id: m.id } });
		if (res.ok && this.matter?.id === m.id) this.matter = { ...m, materials: res.data.materials };
	}

	/** Leaves the queue, or hangs up a connected call (then the rating follows). */
	async leave(): Promise<void> {
		if (!this.callId) return;
		this.leaving = true;
		try {
			const res = await api('DELETE /calls/{id}', {
				params: { id: this.callId },
				token: this.#token
			});
			if (res.ok) this.#apply(res.data);
			else this.error = { key: 'network' };
		} finally {
			this.leaving = false;
		}
	}

	/** Sends the rating; true when stored (or already stored). */
	async rate(
		score: number,
		reasons: string[],
		comment: string
	): Promise<'ok' | 'already' | 'failed'> {
		if (!this.callId) return 'failed';
		const res = await api('POST /calls/{id}/rating', {
			params: { id: this.callId },
			token: this.#token,
			body: { score, reasons, ...(comment.trim() ? { comment } : {}) }
		});
		if (res.ok) return 'ok';
		return res.error.status === 409 ? 'already' : 'failed';
	}

	/** Books the next slot for the chosen matter. */
	async book(): Promise<ResponseOf<'POST /bookings'> | null> {
		if (!this.matter) return null;
		const res = await api('POST /bookings', { body: { matterId: this.matter.id } });
		return res.ok ? res.data : null;
	}

	/** Clears the finished call and every choice: the next person starts fresh. */
	reset(): void {
		this.#stopFollowing();
		this.#forget();
		this.callId = null;
		this.status = null;
		this.position = null;
		this.estimatedWaitSeconds = null;
		this.wait = null;
		this.queuedAt = null;
		this.missedOffer = false;
		this.agentName = null;
		this.matter = null;
		this.error = null;
		this.signLanguage = false;
		this.elderly = false;
		this.green = false;
		this.opensAt = null;
		this.dropped = false;
		this.interpreterJoined = false;
		this.transferring = false;
		this.outcome = null;
		this.ask = null;
		// A booth serves the next person, who starts in Chinese; a phone stays with its owner.
		if (this.#channel === 'booth') this.language = 'zh';
		this.session++;
		this.screen = 'start';
	}

	/** Stops streams and timers (page leaves). */
	destroy(): void {
		this.#stopFollowing();
	}

	#stopFollowing(): void {
		clearInterval(this.#poll);
		clearInterval(this.#beat);
		if (typeof window !== 'undefined') {
			window.removeEventListener('online', this.#onOnline);
			window.removeEventListener('offline', this.#onOffline);
		}
		this.online = true;
		this.live?.stop();
		this.live = null;
	}

	#save(): void {
		if (!this.callId || !this.#token || !this.matter) return;
		const s: Saved = {
			callId: this.callId,
			token: this.#token,
			matter: this.matter,
			language: this.language
		};
		localStorage.setItem(this.#storageKey, JSON.stringify(s));
	}

	#forget(): void {
		localStorage.removeItem(this.#storageKey);
	}
}
