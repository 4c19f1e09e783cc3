/** Whose call history a booth's 常办事项 come from. */
export type Basis = 'booth' | 'town' | 'district';

/** A booth or town needs this many calls in the window before its own history counts. */
export const MIN_CALLS = 30;
/** A matter needs this many calls in a booth's or town's history to be one of its 常办事项. */
export const MIN_MATTER_CALLS = 3;
/** At most this many 常办事项 of one department. */
export const PER_DEPARTMENT = 3;
/** The district's most asked-for keep this many places on every booth. */
export const DISTRICT_PLACES = 1;

/**
 * Picks `n` matters from the first scope with enough history (booth, then town), topped up
 * from the next ones (the district last, which always counts), most asked-for first, at most
 * `PER_DEPARTMENT` of one department; the district's first keeps its place on every booth.
 * `basis` says where the first pick came from.
 */
export function pickFrequent(
	scopes: { basis: Basis; counts: ReadonlyMap<number, number> }[],
	departmentOf: (id: number) => number | undefined,
	n: number
): { ids: number[]; basis: Basis } {
	const ids: number[] = [];
	const perDept = new Map<number, number>();
	let basis: Basis = 'district';
	for (const scope of scopes) {
		const local = scope.basis !== 'district';
		let total = 0;
		for (const c of scope.counts.values()) total += c;
		if (local && total < MIN_CALLS) continue;
		const ranked = [...scope.counts]
			.filter(([, c]) => !local || c >= MIN_MATTER_CALLS)
			.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
		const room = local ? Math.max(0, n - DISTRICT_PLACES) : n;
		for (const [id] of ranked) {
			if (ids.length >= room) break;
			const dept = departmentOf(id);
			if (dept === undefined || ids.includes(id)) continue;
			if ((perDept.get(dept) ?? 0) >= PER_DEPARTMENT) continue;
			if (!ids.length) basis = scope.basis;
			ids.push(id);
			perDept.set(dept, (perDept.get(dept) ?? 0) + 1);
		}
		if (ids.length >= n) break;
	}
	return { ids, basis };
}
