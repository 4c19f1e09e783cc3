import { and, eq, gte, lt, lte, or, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

/**
 * Where a page of a history table starts: rows strictly older than `at`, plus rows at `at`
 * itself: none, those with a smaller id, or all (the merged stream orders equal times by source).
 */
export interface Before {
	at: string;
	id: number;
	sameAt: 'none' | 'below' | 'all';
}

/** A window of a history table read newest first (times are UTC ISO strings, as stored). */
export interface HistoryWindow {
	from?: string;
	to?: string;
	before?: Before;
	limit: number;
	/** A further condition on the table's rows (e.g. a supervisor's scope). */
	where?: SQL;
}

/** The keyset and time-range conditions of a history window over (at, id). */
export function windowConditions(
	at: SQLiteColumn,
	id: SQLiteColumn,
	w: HistoryWindow
): (SQL | undefined)[] {
	const b = w.before;
	const keyset = !b
		? undefined
		: b.sameAt === 'none'
			? lt(at, b.at)
			: b.sameAt === 'all'
				? lte(at, b.at)
				: or(lt(at, b.at), and(eq(at, b.at), lt(id, b.id)));
	return [keyset, w.from ? gte(at, w.from) : undefined, w.to ? lt(at, w.to) : undefined, w.where];
}
