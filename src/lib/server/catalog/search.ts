import type { Db } from '../db';
import { referenceVersion } from '../db/reference';
import { connectionOf } from '../db/prepared';
import { activeMatters } from './queries';
import { buildIndex, demandOf, searchIndex, type SearchIndex } from './search/engine';
import { vocabulary } from './search/vocabulary';

type MatterRow = ReturnType<typeof activeMatters>[number];

interface Built {
	version: number;
	signature: string;
	index: SearchIndex;
	rows: Map<number, MatterRow>;
	/** every active matter, most asked-for first by the prior alone */
	prior: Map<number, number>;
}

const built = new WeakMap<object, Built>();

/** What the index depends on: a matter's name, department and being active, nothing else. */
function signatureOf(rows: MatterRow[]): string {
	return rows
		.map((r) => `${r.id}|${r.name}|${r.nameEn}|${r.departmentName}|${r.departmentNameEn}`)
		.join('\n');
}

/**
 * The search index of the active catalogue, built once per process and rebuilt only when
 * `ref_version` moved and the catalogue itself changed (a change of skills or hours keeps it).
 */
export function catalogueIndex(db: Db): Built {
	const conn = connectionOf(db);
	const v = referenceVersion(db);
	const have = built.get(conn);
	if (have?.version === v) return have;
	const rows = activeMatters(db);
	const signature = signatureOf(rows);
	if (have?.signature === signature) {
		const again = {
			...have,
			version: v,
			rows: new Map(rows.map((r) => [r.id, r])),
			prior: new Map(rows.map((r) => [r.id, r.popularity]))
		};
		built.set(conn, again);
		return again;
	}
	const next: Built = {
		version: v,
		signature,
		index: buildIndex(rows, vocabulary),
		rows: new Map(rows.map((r) => [r.id, r])),
		prior: new Map(rows.map((r) => [r.id, r.popularity]))
	};
	built.set(conn, next);
	return next;
}

function asMatter(r: MatterRow) {
	return {
		id: r.id,
		code: r.code,
		name: r.name,
		nameEn: r.nameEn,
		departmentId: r.departmentId,
		departmentName: r.departmentName,
		departmentNameEn: r.departmentNameEn,
		level: r.level,
		weekendExtended: r.weekendExtended
	};
}

/** A search or a department's listing, one page of it. */
export interface MatterQuery {
	q?: string;
	departmentId?: number;
	offset?: number;
	limit: number;
}

/**
 * How often each matter is asked for: calls counted by the caller (call history), plus the
 * catalogue's prior (its `popularity`, worth a twentieth of a call per point) so a new
 * console without history still ranks the well-known matters first.
 */
export function demandWith(b: Built, calls?: ReadonlyMap<number, number>) {
	const counts = new Map<number, number>();
	for (const [id, p] of b.prior) counts.set(id, p / 20 + (calls?.get(id) ?? 0));
	return { counts, demand: demandOf(counts) };
}

/**
 * Matters for a query (forgiving: pinyin, typos, traditional characters, synonyms) or, with
 * no text, a department's (or the whole catalogue's) matters; best first, then most asked-for.
 * `total` counts every match, so a page says honestly how many there are.
 */
export function searchCatalogue(db: Db, query: MatterQuery, calls?: ReadonlyMap<number, number>) {
	const b = catalogueIndex(db);
	const { counts, demand } = demandWith(b, calls);
	const dept = query.departmentId;
	let ids: number[];
	if (query.q?.trim()) {
		const filter = dept
			? (e: { id: number }) => b.rows.get(e.id)!.departmentId === dept
			: undefined;
		ids = searchIndex(b.index, query.q, { demand, filter }).map((h) => h.id);
	} else {
		ids = [...b.rows.values()]
			.filter((r) => !dept || r.departmentId === dept)
			.map((r) => r.id)
			.sort((x, y) => (counts.get(y) ?? 0) - (counts.get(x) ?? 0) || x - y);
	}
	const offset = query.offset ?? 0;
	const page = ids.slice(offset, offset + query.limit).map((id) => asMatter(b.rows.get(id)!));
	return { matters: page, total: ids.length, offset };
}

const namesOf = new WeakMap<Built, string[]>();
/** The Chinese names of the active catalogue's matters and departments (cached with the index). */
export function catalogueNames(db: Db): string[] {
	const b = catalogueIndex(db);
	let names = namesOf.get(b);
	if (!names) {
		const all = new Set<string>();
		for (const r of b.rows.values()) all.add(r.name).add(r.departmentName);
		namesOf.set(b, (names = [...all]));
	}
	return names;
}
