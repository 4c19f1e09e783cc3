/** What the console needs to join a call's video: where, a token, and (if known) its expiry. */
export interface VideoAccess {
	url: string;
	token: string;
	expiresAt?: string;
}

export interface TokenKeeperOptions {
	/** A token is renewed this long before it runs out. */
	marginMs?: number;
	/** Shortest wait between two renewals (also after a failed one). */
	minRefreshMs?: number;
	now?: () => number;
}

/**
 * Keeps one join token fresh for a call: renews it ahead of expiry in the background, so a
 * (re)connect always has a valid one at hand. Holding a token never connects anything.
 */
export class TokenKeeper {
	#fetch: () => Promise<VideoAccess>;
	#current: { access: VideoAccess; until: number } | null = null;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#inflight: Promise<VideoAccess> | null = null;
	#running = false;
	#margin: number;
	#minRefresh: number;
	#now: () => number;

	constructor(fetchToken: () => Promise<VideoAccess>, opts: TokenKeeperOptions = {}) {
		this.#fetch = fetchToken;
		this.#margin = opts.marginMs ?? 60_000;
		this.#minRefresh = opts.minRefreshMs ?? 10_000;
		this.#now = opts.now ?? Date.now;
	}

	/** Starts background renewal of whatever token is held. */
	start(): void {
		this.#running = true;
		this.#plan();
	}

	stop(): void {
		this.#running = false;
		clearTimeout(this.#timer);
	}

	/** A token obtained elsewhere: kept if it lasts longer than the one held. */
	offer(access: VideoAccess): void {
		const until = this.#expiry(access);
		if (this.#current && until <= this.#current.until) return;
		this.#current = { access, until };
		this.#plan();
	}

	/** A token good for at least the margin: the one held, or a new one. */
	async get(): Promise<VideoAccess> {
		const c = this.#current;
		if (c && c.until - this.#now() > this.#margin) return c.access;
		return this.#renew();
	}

	#renew(): Promise<VideoAccess> {
		this.#inflight ??= this.#fetch()
			.then((access) => {
				this.#current = { access, until: this.#expiry(access) };
				return access;
			})
			.finally(() => {
				this.#inflight = null;
				this.#plan();
			});
		return this.#inflight;
	}

	/** A token without an expiry counts as good for five minutes from when it was handed over. */
	#expiry(a: VideoAccess): number {
		return a.expiresAt ? Date.parse(a.expiresAt) : this.#now() + 300_000;
	}

	#plan(): void {
		clearTimeout(this.#timer);
		if (!this.#running || !this.#current) return;
		const ms = Math.max(this.#minRefresh, this.#current.until - this.#now() - this.#margin);
		this.#timer = setTimeout(() => void this.#renew().catch(() => this.#plan()), ms);
	}
}
