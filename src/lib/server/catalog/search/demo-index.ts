import { demoDepartments, demoMatters } from '../../seed/catalogue';
import { buildIndex, type SearchEntry } from './engine';
import { vocabulary } from './vocabulary';

/** The demo catalogue as search entries, with the seed's prior as demand (for tests and the benchmark). */
export function demoEntries(): SearchEntry[] {
	const depts = new Map(demoDepartments().map((d) => [d.code, d]));
	return demoMatters().map((m, i) => ({
		id: i + 1,
		name: m.name,
		nameEn: m.en,
		departmentName: depts.get(m.dept)!.name,
		departmentNameEn: depts.get(m.dept)!.en,
		demand: m.popularity / 20
	}));
}

/** The demo catalogue's search index. */
export function demoIndex() {
	return buildIndex(demoEntries(), vocabulary);
}
