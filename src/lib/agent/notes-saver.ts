export type SaveStatus = 'idle' | 'saving' | 'saved' | 'failed';

export interface NotesSaverOptions {
	/** Stores the text; throws (or rejects) when it was not stored. */
	save: (text: string) => Promise<void>;
	/** Told every status change. */
	onStatus: (status: SaveStatus) => void;
	/** Quiet time after the last keystroke before saving. */
	debounceMs?: number;
	/** Wait before retrying a failed save. */
	retryMs?: number;
}

/**
 * Autosave for a text field: saves once typing pauses, never two saves at once, always ends with
 * the latest text stored (a change made during a save is saved right after it), retries failures.
 */
export class NotesSaver {
	#opts: Required<NotesSaverOptions>;
	#latest: string;
	#saved: string;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#running = false;
	#closed = false;

	constructor(initial: string, opts: NotesSaverOptions) {
		this.#opts = { debounceMs: 800, retryMs: 3000, ...opts };
		this.#latest = initial;
		this.#saved = initial;
	}

	/** The text changed. */
	change(text: string): void {
		this.#latest = text;
		this.#schedule(this.#opts.debounceMs);
	}

	/** Saves now what is not saved yet (e.g. before leaving the page). */
	async flush(): Promise<void> {
		clearTimeout(this.#timer);
		await this.#run();
	}

	/** Stops all timers. */
	close(): void {
		this.#closed = true;
		clearTimeout(this.#timer);
	}

	get dirty(): boolean {
		return this.#latest !== this.#saved;
	}

	#schedule(ms: number): void {
		if (this.#closed) return;
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.#run(), ms);
	}

	async #run(): Promise<void> {
		if (this.#running || !this.dirty) return;
		this.#running = true;
		const text = this.#latest;
		this.#opts.onStatus('saving');
		try {
			await this.#opts.save(text);
			this.#saved = text;
			this.#running = false;
			if (this.dirty) return this.#run();
			this.#opts.onStatus('saved');
		} catch {
			this.#running = false;
			this.#opts.onStatus('failed');
			this.#schedule(this.#opts.retryMs);
		}
	}
}
