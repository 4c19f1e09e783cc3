import { and, between, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import { reportDaily } from '../db/schema';

/** A grouping of the reports. */
export type Dim = 'department' | 'town' | 'agent' | 'booth';

/** The sums of `report_daily` for one unit (or one day). */
export interface Sums {
	offered: number;
	answered: number;
	abandoned: number;
	shortAbandoned: number;
	withinT: number;
	waitMs: number;
	handled: number;
	handleMs: number;
	rated: number;
	score5: number;
	score4: number;
	score3: number;
	bad: number;
	cases: number;
	rectified: number;
	fedBack: number;
	calledBack: number;
	cbReached: number;
	cbSatisfied: number;
	boothCalls: number;
}

export const SUM_KEYS = [
	'offered',
	'answered',
	'abandoned',
	'shortAbandoned',
	'withinT',
	'waitMs',
	'handled',
	'handleMs',
	'rated',
	'score5',
	'score4',
	'score3',
	'bad',
	'cases',
	'rectified',
	'fedBack',
	'calledBack',
	'cbReached',
	'cbSatisfied',
	'boothCalls'
] as const satisfies readonly (keyof Sums)[];

const total = (c: SQL.Aliased | (typeof reportDaily)[keyof Sums]) => sql<number>`total(${c})`;
const sums = Object.fromEntries(
	SUM_KEYS.map((k) => [k, sql<number>`cast(${total(reportDaily[k])} as integer)`])
) as { [K in keyof Sums]: SQL<number> };

/** Which rows a scoped reader may see: their departments' rows, and their towns' and booths'. */
export interface RowFilter {
	departmentIds: number[];
	townIds: number[];
	boothIds: number[];
}

function where(dim: Dim, fromDay: string, toDay: string, f: RowFilter | null, unitId?: number) {
	const scope = f
		? or(
				f.departmentIds.length ? inArray(reportDaily.departmentId, f.departmentIds) : sql`0`,
				dim === 'town' && f.townIds.length ? inArray(reportDaily.unitId, f.townIds) : sql`0`,
				dim === 'booth' && f.boothIds.length ? inArray(reportDaily.unitId, f.boothIds) : sql`0`
			)
		: undefined;
	return and(
		eq(reportDaily.dim, dim),
		between(reportDaily.day, fromDay, toDay),
		unitId === undefined ? undefined : eq(reportDaily.unitId, unitId),
		scope
	);
}

/** The sums per unit of a grouping over the days [fromDay, toDay] (YYYY-MM-DD, Asia/Shanghai). */
export function sumsByUnit(
	db: Db,
	dim: Dim,
	fromDay: string,
	toDay: string,
	filter: RowFilter | null
): (Sums & { unitId: number })[] {
	return (
		db
			.select({ unitId: reportDaily.unitId, ...sums })
			.from(reportDaily)
			.where(where(dim, fromDay, toDay, filter))
			.groupBy(reportDaily.unitId)
			// a unit whose calls all moved elsewhere (a transfer) keeps a row of zeros
			.having(sql`total(${reportDaily.offered}) > 0`)
			.all()
	);
}

/** The sums per day of a grouping (one unit, or all visible), for the trend charts. */
export function sumsByDay(
	db: Db,
	dim: Dim,
	fromDay: string,
	toDay: string,
	filter: RowFilter | null,
	unitId?: number
): (Sums & { day: string })[] {
	return db
		.select({ day: reportDaily.day, ...sums })
		.from(reportDaily)
		.where(where(dim, fromDay, toDay, filter, unitId))
		.groupBy(reportDaily.day)
		.having(sql`total(${reportDaily.offered}) > 0`)
		.orderBy(reportDaily.day)
		.all();
}

/** One call of an export: its facts, no free text and nothing about the citizen. */
export interface CallFactRow {
	callId: string;
	day: string;
	arrivedMs: number;
	departmentId: number;
	townId: number | null;
	boothId: number | null;
	agentId: number | null;
	answeredMs: number | null;
	abandonedMs: number | null;
	ended: number;
	talkMs: number;
	wrapMs: number;
	score: number | null;
	caseRect: number;
	rectified: number;
	calledBack: number;
}

/**
 * The calls that arrived on the days [fromDay, toDay], oldest first, read one at a time from
 * SQLite (an export streams them without holding them all).
 */
export function* callFacts(
	db: Db,
	fromDay: string,
	toDay: string,
	departmentIds: number[] | null
): Generator<CallFactRow> {
	const dept = departmentIds
		? `AND department_id IN (${departmentIds.map(() => '?').join(',')})`
		: '';
	const stmt = db.$client.prepare(
		`SELECT call_id AS callId, day, arrived_ms AS arrivedMs, department_id AS departmentId, town_id AS townId, booth_id AS boothId, agent_id AS agentId, answered_ms AS answeredMs, abandoned_ms AS abandonedMs, ended, talk_ms AS talkMs, wrap_ms AS wrapMs, score, case_rect AS caseRect, rectified, called_back AS calledBack FROM report_calls WHERE day BETWEEN ? AND ? ${dept} ORDER BY day, arrived_ms`
	);
	yield* stmt.iterate(fromDay, toDay, ...(departmentIds ?? [])) as Iterable<CallFactRow>;
}
