import { demoDepartments, demoMatters } from '../../seed/catalogue';
import { buildIndex, demandOf, type SearchEntry } from './engine';
import { vocabulary } from './vocabulary';

/** The demo catalogue as search entries (for tests and the benchmark). */
export function demoEntries(): SearchEntry[] {
	const depts = new Map(demoDepartments().map((d) => [d.code, d]));
	return demoMatters().map((m, i) => ({
		id: i + 1,
		name: m.name,
		nameEn: m.en,
		departmentName: depts.get(m.dept)!.name,
		departmentNameEn: depts.get(m.dept)!.en
	}));
}

/** The seed's prior of how often each demo matter is asked for (before any call history). */
export function demoDemand() {
	return demandOf(new Map(demoMatters().map((m, i) => [i + 1, m.popularity / 20])));
}

/** The demo catalogue's search index. */
export function demoIndex() {
	return buildIndex(demoEntries(), vocabulary);
}
