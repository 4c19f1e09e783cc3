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
	{ code: 'yue', label: '粤语', ui: 'zh-CN' },
	{ code: 'en', label: 'English', ui: 'en' },
	{ code: 'ja', label: '日本語', ui: 'ja' },
	{ code: 'ko', label: '한국어', ui: 'ko' }
] as const;

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
	agentName = $state<string | null>(null);
	video = $state<{ url: string; token: string } | null>(null);
	error = $state<FlowError | null>(null);
	opensAt = $state<string | null>(null);
	live = $state<LiveEvents | null>(null);
	#token: string | null = null;
	#channel: 'booth' | 'mobile';
	#storageKey: string;
	#poll: ReturnType<typeof setInterval> | undefined;

	constructor(channel: 'booth' | 'mobile') {
		this.#channel = channel;
		this.#storageKey = `cw.caller.${channel}`;
	}

	get uiLocale(): UiLocale {
		return SPOKEN.find((s) => s.code === this.language)?.ui ?? 'zh-CN';
	}

	#headers(): Record<string, string> {
		const h: Record<string, string> = { 'content-type': 'application/json' };
		if (this.#token) h.authorization = `Bearer ${this.#token}`;
		return h;
	}

	/** Joins the queue for a matter with the chosen language and needs. */
	async start(m: PickedMatter): Promise<void> {
		if (this.screen === 'starting') return;
		this.error = null;
		this.matter = m;
		this.screen = 'starting';
		let res: Response;
		try {
			res = await fetch('/api/v1/calls', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({
					channel: this.#channel,
					matterId: m.id,
					language: this.language,
					signLanguage: this.signLanguage,
					elderly: this.elderly,
					priorityLane: this.green ? 'green' : 'none'
				})
			});
		} catch {
			this.screen = 'start';
			this.error = { key: 'network' };
			return;
		}
		const body = await res.json().catch(() => ({}));
		if (res.status !== 201) {
			this.screen = 'start';
			const code = body?.error?.code;
			if (code === 'closed') {
				this.opensAt = body.error.opensAt ?? null;
				this.screen = 'closed';
			} else if (code === 'booth_busy') this.error = { key: 'busy' };
			else if (res.status === 429)
				this.error = {
					key: 'rateLimited',
					values: { minutes: Math.ceil((body.error?.retryAfterSeconds ?? 60) / 60) }
				};
			else this.error = { key: 'generic' };
			return;
		}
		this.#token = body.callerToken;
		this.callId = body.callId;
		this.#save();
		this.#apply({ ...body });
		this.#follow();
		void this.#loadMaterials();
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

	/** Reloads the call from the API (snapshot after a gap, and the video token once connected). */
	async refresh(): Promise<boolean> {
		if (!this.callId) return false;
		try {
			const res = await fetch(`/api/v1/calls/${this.callId}`, { headers: this.#headers() });
			if (!res.ok) return false;
			this.#apply(await res.json());
			return true;
		} catch {
			return false;
		}
	}

	#follow(): void {
		this.live?.stop();
		const live = new LiveEvents({
			url: `/api/v1/events?callerToken=${encodeURIComponent(this.#token ?? '')}`,
			onResync: () => void this.refresh()
		});
		live.on('call.updated', (e) => {
			if (e.callId !== this.callId) return;
			this.#apply(e);
			// The event carries no video token or agent name: fetch them once connected.
			if (e.status === 'connected') void this.refresh();
		});
		live.start();
		this.live = live;
		// A slow safety net beside the stream (a proxy may buffer events).
		clearInterval(this.#poll);
		this.#poll = setInterval(() => void this.refresh(), 10_000);
	}

	#apply(v: {
		status?: string;
		position?: number | null;
		estimatedWaitSeconds?: number | null;
		agent?: { displayName: string } | null;
		video?: { url: string; token: string } | null;
	}): void {
		if (v.status) this.status = v.status;
		if (v.position !== undefined) this.position = v.position;
		if (v.estimatedWaitSeconds !== undefined) this.estimatedWaitSeconds = v.estimatedWaitSeconds;
		if (v.agent) this.agentName = v.agent.displayName;
		if (v.video) this.video = v.video;
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
				if (this.screen === 'waiting' || this.screen === 'call' || this.screen === 'starting') {
					this.#stopFollowing();
					this.screen = 'rating';
				}
				break;
			case 'abandoned':
				this.#stopFollowing();
				this.#forget();
				this.screen = 'start';
		}
	}

	async #loadMaterials(): Promise<void> {
		const m = this.matter;
		if (!m || m.materials) return;
		try {
			const res = await fetch(`/api/v1/matters/${m.id}`);
			if (res.ok && this.matter?.id === m.id)
				this.matter = { ...m, materials: (await res.json()).materials };
		} catch {
			/* what to prepare is a help, not a requirement */
		}
	}

	/** Leaves the queue, or hangs up a connected call (then the rating follows). */
	async leave(): Promise<void> {
		if (!this.callId) return;
		try {
			const res = await fetch(`/api/v1/calls/${this.callId}`, {
				method: 'DELETE',
				headers: this.#headers()
			});
			if (!res.ok) throw new Error(String(res.status));
			this.#apply(await res.json());
		} catch {
			this.error = { key: 'network' };
		}
	}

	/** Sends the rating; true when stored (or already stored). */
	async rate(
		score: number,
		reasons: string[],
		comment: string
	): Promise<'ok' | 'already' | 'failed'> {
		try {
			const res = await fetch(`/api/v1/calls/${this.callId}/rating`, {
				method: 'POST',
				headers: this.#headers(),
				body: JSON.stringify({ score, reasons, ...(comment.trim() ? { comment } : {}) })
			});
			if (res.status === 201) return 'ok';
			if (res.status === 409) return 'already';
			return 'failed';
		} catch {
			return 'failed';
		}
	}

	/** Books the next slot for the chosen matter. */
	async book(): Promise<{ appointmentId: number; slotStart: string; slotEnd: string } | null> {
		if (!this.matter) return null;
		try {
			const res = await fetch('/api/v1/bookings', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ matterId: this.matter.id })
			});
			return res.status === 201 ? await res.json() : null;
		} catch {
			return null;
		}
	}

	/** Clears the finished call and every choice: the next person starts fresh. */
	reset(): void {
		this.#stopFollowing();
		this.#forget();
		this.callId = null;
		this.status = null;
		this.position = null;
		this.estimatedWaitSeconds = null;
		this.agentName = null;
		this.video = null;
		this.matter = null;
		this.error = null;
		this.signLanguage = false;
		this.elderly = false;
		this.green = false;
		this.screen = 'start';
	}

	/** Stops streams and timers (page leaves). */
	destroy(): void {
		this.#stopFollowing();
	}

	#stopFollowing(): void {
		clearInterval(this.#poll);
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
