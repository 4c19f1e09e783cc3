/** One matter as the public search returns it. */
export interface MatterHit {
	id: number;
	code: string;
	name: string;
	nameEn: string;
	departmentId: number;
	departmentName: string;
	departmentNameEn: string;
	level: 'district' | 'town';
	weekendExtended: boolean;
}

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
		this.#timer = setTimeout(() => void this.#run(`q=${encodeURIComponent(q)}`), this.debounceMs);
	}

	/** Lists the matters of one department now. */
	browse(departmentId: number): Promise<void> {
		clearTimeout(this.#timer);
		return this.#run(`departmentId=${departmentId}`);
	}

	/** Forgets results and any request still on its way. */
	clear(): void {
		clearTimeout(this.#timer);
		this.#seq++;
		this.hits = [];
		this.total = 0;
		this.loading = false;
	}

	async #run(params: string): Promise<void> {
		const mine = ++this.#seq;
		this.loading = true;
		this.failed = false;
		try {
			const res = await fetch(`/api/v1/matters?limit=${this.limit}&${params}`);
			if (!res.ok) throw new Error(String(res.status));
			const body = (await res.json()) as { matters: MatterHit[]; total: number };
			if (mine !== this.#seq) return;
			this.hits = body.matters;
			this.total = body.total;
		} catch {
			if (mine === this.#seq) this.failed = true;
		} finally {
			if (mine === this.#seq) this.loading = false;
		}
	}
}
