import type { WallAlert } from '$lib/contracts/alerts';
import type { EventMap } from '$lib/contracts/events';

export type { WallAlert };

const RANK = { critical: 0, warning: 1 } as const;

/** Unacknowledged first, then critical first, then newest first (as the server lists them). */
export function alertOrder(a: WallAlert, b: WallAlert): number {
	return (
		Number(!!a.acknowledged) - Number(!!b.acknowledged) ||
		RANK[a.severity] - RANK[b.severity] ||
		b.openedAt.localeCompare(a.openedAt) ||
		a.key.localeCompare(b.key)
	);
}

/** Orders two event stream ids (`<ms>-<seq>`). */
function streamOrder(a: string, b: string): number {
	const [am = 0, as = 0] = a.split('-').map(Number);
	const [bm = 0, bs = 0] = b.split('-').map(Number);
	return am - bm || as - bs;
}

/**
 * The wall's open alerts: the snapshot's list, then `alert.updated` applied as it comes. A
 * snapshot read while an alert opened or cleared can arrive after that event: the events newer
 * than the snapshot's resume point are applied again on top of it, so it never brings back a
 * cleared alert or drops a new one. Tells
 * `onNew` about each alert that appears unacknowledged after the first load (a sound, a spoken
 * announcement), once per occurrence however often snapshots repeat it.
 */
export class WallAlerts {
	list = $state<WallAlert[]>([]);
	readonly unacknowledged = $derived(this.list.filter((a) => !a.acknowledged));
	/** The alerts that appeared most recently (for the live region). */
	latest = $state<WallAlert[]>([]);
	#loaded = false;
	// occurrence ids already told about: plumbing, not UI state
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#seen = new Set<string>();
	#onNew: (alerts: WallAlert[]) => void;
	/** Events applied with their stream ids, kept until a snapshot covers them. */
	#journal: { id: string; e: EventMap['alert.updated'] }[] = [];

	constructor(onNew: (alerts: WallAlert[]) => void = () => {}) {
		this.#onNew = onNew;
	}

	/** Takes a snapshot's alerts (`eventsFrom`: the snapshot's resume point). */
	load(alerts: WallAlert[], eventsFrom?: string): void {
		this.list = [...alerts].sort(alertOrder);
		this.#notice(alerts);
		this.#loaded = true;
		if (eventsFrom === undefined) return;
		this.#journal = this.#journal.filter((j) => streamOrder(j.id, eventsFrom) > 0);
		for (const j of this.#journal) this.#apply(j.e);
	}

	/** Applies one `alert.updated` event (`id`: its stream id, when it came from the stream). */
	apply(e: EventMap['alert.updated'], id?: string): void {
		// a snapshot normally follows within moments; the cap only bounds a wall left quiet
		if (id) this.#journal = [...this.#journal.slice(-499), { id, e }];
		this.#apply(e);
	}

	#apply(e: EventMap['alert.updated']): void {
		if (e.state === 'cleared') {
			this.list = this.list.filter((a) => a.id !== e.id);
			return;
		}
		const rest = this.list.filter((a) => a.key !== e.alert.key);
		// an acknowledgement never overwrites a newer occurrence of the same key
		const was = this.list.find((a) => a.key === e.alert.key);
		if (e.state === 'acknowledged' && was && was.id !== e.alert.id) return;
		const alert =
			e.state === 'open' && was?.id === e.alert.id && was.acknowledged && !e.alert.acknowledged
				? { ...e.alert, acknowledged: was.acknowledged }
				: e.alert;
		this.list = [...rest, alert].sort(alertOrder);
		this.#notice([alert]);
	}

	#notice(alerts: WallAlert[]): void {
		const fresh = alerts.filter((a) => !this.#seen.has(a.id));
		for (const a of fresh) this.#seen.add(a.id);
		const news = fresh.filter((a) => !a.acknowledged);
		if (!this.#loaded || !news.length) return;
		this.latest = news;
		this.#onNew(news);
	}
}
