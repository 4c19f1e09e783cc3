import { inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { settings } from '../db/schema';

/** The settings rows the reports' triggers read T and S from (migrations, reports/sql.ts). */
export const THRESHOLD_KEYS = {
	answer: 'metrics.answer_seconds',
	shortAbandon: 'metrics.short_abandon_seconds'
} as const;

/** Stores the district's T and S where the triggers read them, when they differ. */
export function storeThresholds(db: Db, answerSeconds: number, shortAbandonSeconds: number): void {
	const want = new Map<string, number>([
		[THRESHOLD_KEYS.answer, answerSeconds],
		[THRESHOLD_KEYS.shortAbandon, shortAbandonSeconds]
	]);
	const have = db
		.select()
		.from(settings)
		.where(inArray(settings.key, [...want.keys()]))
		.all();
	for (const [key, value] of want) {
		if (have.find((r) => r.key === key)?.value === value) continue;
		db.insert(settings)
			.values({ key, value })
			.onConflictDoUpdate({ target: settings.key, set: { value } })
			.run();
	}
}
