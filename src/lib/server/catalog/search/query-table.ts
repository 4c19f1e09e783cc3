import table from './queries.json';
import { searchIndex, type Demand, type SearchIndex, type SearchEntry } from './engine';

/** One query of the table with where its expected matter came (0 when not in the results). */
export interface QueryOutcome {
	q: string;
	expect: string;
	rank: number;
	top: string[];
	ms: number;
}

/** Runs every query of the table against an index; the share found in the top 3 and timings. */
export function runQueryTable(index: SearchIndex, entries: SearchEntry[], demand?: Demand) {
	const byId = new Map(entries.map((e) => [e.id, e]));
	const outcomes: QueryOutcome[] = [];
	for (const c of table.cases)
		for (const q of c.q) {
			const t0 = performance.now();
			const hits = searchIndex(index, q, { demand });
			const ms = performance.now() - t0;
			const names = hits.map((h) => byId.get(h.id)!.name);
			outcomes.push({
				q,
				expect: c.expect,
				rank: names.indexOf(c.expect) + 1,
				top: names.slice(0, 3),
				ms
			});
		}
	const top3 = outcomes.filter((o) => o.rank >= 1 && o.rank <= 3).length / outcomes.length;
	const sorted = outcomes.map((o) => o.ms).sort((a, b) => a - b);
	const p95 = sorted[Math.floor(sorted.length * 0.95)] ?? 0;
	return { outcomes, top3, p95 };
}

/** The expected matter names of the table (each must exist in the catalogue). */
export function expectedNames(): string[] {
	return [...new Set(table.cases.map((c) => c.expect))];
}
