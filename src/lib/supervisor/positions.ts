/** Where each item of a list sits, by its key: a row is found at once, not by a scan. */
export function positions<T, K>(list: readonly T[], key: (t: T) => K): ReadonlyMap<K, number> {
	return new Map(list.map((t, i) => [key(t), i]));
}
