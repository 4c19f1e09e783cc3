import { api } from '$lib/api/client';
import type { ResponseOf } from '$lib/api/endpoints';

/** One matter as the public search returns it. */
export type MatterHit = ResponseOf<'GET /matters'>['matters'][number];

/**
 * Matter search against /api/v1/matters for any screen: debounced typing, department browsing,
 * loading and failure state; only the latest request's answer is kept.
 */
export class MatterLookup {
	hits = $state<MatterHit[]>([]);
	total = $state(0);
	loading = $state(false);
	failed = $state(false);
	#seq = 0;
	#timer: ReturnType<typeof setTimeout> | undefined;

	constructor(
		private readonly limit = 20,
		private readonly debounceMs = 200
	) {}

	/** Searches for typed text after a pause; empty text clears the results. */
	type(text: string): void {
		clearTimeout(this.#timer);
		const q = text.trim();
		if (!q) return this.clear();
		this.#timer = setTimeout(() => void this.#run({ q }), this.debounceMs);
	}

	/** Lists the matters of one department now. */
	browse(departmentId: number): Promise<void> {
		clearTimeout(this.#timer);
		return this.#run({ departmentId });
	}

	/** Forgets results and any request still on its way. */
	clear(): void {
		clearTimeout(this.#timer);
		this.#seq++;
		this.hits = [];
		this.total = 0;
		this.loading = false;
	}

	async #run(params: { q?: string; departmentId?: number }): Promise<void> {
		const mine = ++this.#seq;
		this.loading = true;
		this.failed = false;
		const res = await api('GET /matters', { query: { limit: this.limit, ...params } });
		if (mine !== this.#seq) return;
		this.loading = false;
		if (!res.ok) return void (this.failed = true);
		this.hits = res.data.matters;
		this.total = res.data.total;
	}
}
