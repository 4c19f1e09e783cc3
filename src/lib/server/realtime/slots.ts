/**
 * Open event streams counted per key (a session, an address) in this web process: a client
 * cannot hold more than its share of connections, and every stream gives its slot back when
 * it ends, however it ends.
 */
export class StreamSlots {
	private readonly open = new Map<string, number>();

	/** Takes one slot under every key, or none when any is full; returns the release, or null. */
	claim(keys: [key: string, max: number][]): (() => void) | null {
		if (keys.some(([k, max]) => (this.open.get(k) ?? 0) >= max)) return null;
		for (const [k] of keys) this.open.set(k, (this.open.get(k) ?? 0) + 1);
		let released = false;
		return () => {
			if (released) return;
			released = true;
			for (const [k] of keys) {
				const n = (this.open.get(k) ?? 1) - 1;
				if (n > 0) this.open.set(k, n);
				else this.open.delete(k);
			}
		};
	}

	/** Streams open under a key. */
	count(key: string): number {
		return this.open.get(key) ?? 0;
	}
}

/** The web process's stream slots. */
export const streamSlots = new StreamSlots();
