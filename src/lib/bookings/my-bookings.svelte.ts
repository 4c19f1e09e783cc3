import { api } from '$lib/api/client';
import type { ResponseOf } from '$lib/api/endpoints';
import type { PickedMatter } from '$lib/caller/caller-flow.svelte';

const KEY = 'cw.bookings';
/** Bookings kept on the phone at most this long after their slot. */
const KEEP_MS = 3 * 24 * 3600_000;

interface Held {
	code: string;
	token: string;
	matter: PickedMatter;
}

/**
 * The bookings made on this phone: code and holder token in localStorage (never shown to anyone
 * else), each one's status read from the API with its token.
 */
export class MyBookings {
	items = $state<(Held & { view?: ResponseOf<'GET /bookings/{code}'> })[]>([]);

	#read(): Held[] {
		try {
			const raw = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown;
			return Array.isArray(raw) ? (raw as Held[]) : [];
		} catch {
			return [];
		}
	}

	#write(list: Held[]): void {
		localStorage.setItem(KEY, JSON.stringify(list));
	}

	/** Remembers a new booking. */
	add(h: Held): void {
		this.#write([h, ...this.#read().filter((x) => x.code !== h.code)].slice(0, 20));
	}

	/** Reads every kept booking's status; forgets the unknown and the long past. */
	async load(): Promise<void> {
		const held = this.#read();
		const views = await Promise.all(
			held.map((h) =>
				api('GET /bookings/{code}', { params: { code: h.code }, bookingToken: h.token })
			)
		);
		const keep: Held[] = [];
		const items: MyBookings['items'] = [];
		held.forEach((h, i) => {
			const r = views[i]!;
			if (!r.ok) {
				if (r.error.status === 404) return;
				keep.push(h);
				items.push(h);
				return;
			}
			if (Date.parse(r.data.slotEnd) + KEEP_MS < Date.now()) return;
			keep.push(h);
			items.push({ ...h, view: r.data });
		});
		this.#write(keep);
		this.items = items;
	}
}
