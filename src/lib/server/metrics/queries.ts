import { inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { prepared } from '../db/prepared';
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

/** A matter group's recent handle times: their mean over the last calls handled, and how many. */
export interface HandleHistory {
	departmentId: number;
	meanSeconds: number;
	calls: number;
}

/**
 * Mean handle time (talk + wrap-up, as AHT is defined) of each department's latest `perGroup`
 * finished calls that arrived on or after the Asia/Shanghai day `sinceDay` (read from
 * `report_calls` through its day index).
 */
export function recentHandleTimes(db: Db, sinceDay: string, perGroup: number): HandleHistory[] {
	return prepared(db, 'metrics.recentHandleTimes', () =>
		db.$client.prepare(
			`SELECT department_id AS departmentId, AVG(h) / 1000.0 AS meanSeconds, COUNT(*) AS calls
			 FROM (SELECT department_id, talk_ms + wrap_ms AS h,
			         ROW_NUMBER() OVER (PARTITION BY department_id ORDER BY arrived_ms DESC) AS rn
			       FROM report_calls WHERE day >= ? AND ended = 1 AND talk_ms > 0)
			 WHERE rn <= ? GROUP BY department_id`
		)
	).all(sinceDay, perGroup) as HandleHistory[];
}
