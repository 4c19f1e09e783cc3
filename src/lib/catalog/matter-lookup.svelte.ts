import { api } from '$lib/api/client';
import type { ResponseOf } from '$lib/api/endpoints';

/** One matter as the public search returns it. */
export type MatterHit = ResponseOf<'GET /matters'>['matters'][number];

/**
 * Matter search against /api/v1/matters for any screen: debounced typing, department browsing,
 * paging through every match, loading and failure state; only the latest request's answer is kept.
 */
export class MatterLookup {
	hits = $state<MatterHit[]>([]);
	total = $state(0);
	/** where the page shown starts among all matches */
	offset = $state(0);
	loading = $state(false);
	failed = $state(false);
	#seq = 0;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#last: { q?: string; departmentId?: number } | null = null;

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
		this.#last = null;
		this.hits = [];
		this.total = 0;
		this.offset = 0;
		this.loading = false;
	}

	/** Matches per page. */
	get pageSize(): number {
		return this.limit;
	}

	/** True when there is a page before or after the one shown. */
	get hasPrev(): boolean {
		return this.offset > 0;
	}
	get hasNext(): boolean {
		return this.offset + this.hits.length < this.total;
	}

	/** Shows the page before (-1) or after (+1) the one shown, of the same search or department. */
	turn(step: -1 | 1): Promise<void> {
		if (!this.#last) return Promise.resolve();
		const offset = Math.max(0, this.offset + step * this.limit);
		return this.#run(this.#last, offset);
	}

	async #run(params: { q?: string; departmentId?: number }, offset = 0): Promise<void> {
		const mine = ++this.#seq;
		this.#last = params;
		this.loading = true;
		this.failed = false;
		const res = await api('GET /matters', { query: { limit: this.limit, offset, ...params } });
		if (mine !== this.#seq) return;
		this.loading = false;
		if (!res.ok) return void (this.failed = true);
		this.hits = res.data.matters;
		this.total = res.data.total;
		this.offset = res.data.offset;
	}
}
