import { eq } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import { connectionOf, prepared, type OnConnection } from './prepared';
import {
	booths,
	departments,
	languages,
	matters,
	refVersion,
	scheduleExceptions,
	settings,
	towns
} from './schema';

/** What routing and the caller flow read about a matter on every call. */
export interface MatterRef {
	id: number;
	name: string;
	nameEn: string;
	departmentId: number;
	departmentName: string;
	departmentNameEn: string;
	minLevel: number;
	weekendExtended: boolean;
	guideUrl: string | null;
	active: boolean;
}

const loaders = {
	matters: (db: OnConnection) =>
		new Map<number, MatterRef>(
			asDb(db)
				.select({
					id: matters.id,
					name: matters.name,
					nameEn: matters.nameEn,
					departmentId: matters.departmentId,
					departmentName: departments.name,
					departmentNameEn: departments.nameEn,
					minLevel: matters.minLevel,
					weekendExtended: matters.weekendExtended,
					guideUrl: matters.guideUrl,
					active: matters.active
				})
				.from(matters)
				.innerJoin(departments, eq(departments.id, matters.departmentId))
				.all()
				.map((m) => [m.id, m])
		),
	languages: (db: OnConnection) =>
		new Map(
			asDb(db)
				.select()
				.from(languages)
				.all()
				.map((l) => [l.code, l])
		),
	booths: (db: OnConnection) =>
		new Map(
			asDb(db)
				.select({ id: booths.id, name: booths.name, town: towns.name, townEn: towns.nameEn })
				.from(booths)
				.innerJoin(towns, eq(towns.id, booths.townId))
				.all()
				.map((b) => [b.id, b])
		),
	settings: (db: OnConnection) =>
		new Map<string, unknown>(
			asDb(db)
				.select()
				.from(settings)
				.all()
				.map((s) => [s.key, s.value])
		),
	exceptions: (db: OnConnection) =>
		new Map(
			asDb(db)
				.select()
				.from(scheduleExceptions)
				.all()
				.map((e) => [e.date, e.kind] as const)
		)
};
type Loaders = typeof loaders;
type Section = keyof Loaders;

/**
 * The version of the reference data, moved by triggers on every change of the catalogue,
 * languages, towns, booths, settings, schedule exceptions or agents' skills: a domain may cache
 * its own reference reads under it.
 */
export function referenceVersion(db: OnConnection): number {
	return (
		prepared(db, 'ref.version', () =>
			asDb(db).select({ v: refVersion.v }).from(refVersion).where(eq(refVersion.id, 1)).prepare()
		).get()?.v ?? 0
	);
}

function asDb(db: OnConnection) {
	return db as import('./index').Db;
}

interface Cache {
	v: number;
	data: Partial<Record<Section, unknown>>;
}
const caches = new WeakMap<Database.Database, Cache>();

/**
 * Reference data (catalogue, languages, booth names, settings, schedule exceptions), read once
 * per connection and kept until `ref_version` moves: triggers bump it on every change in any
 * process, so a cached answer is never stale. Callers must not modify what they get.
 */
export function reference<K extends Section>(db: OnConnection, section: K): ReturnType<Loaders[K]> {
	const v = referenceVersion(db);
	const conn = connectionOf(db);
	let c = caches.get(conn);
	if (!c || c.v !== v) {
		c = { v, data: {} };
		caches.set(conn, c);
	}
	let d = c.data[section];
	if (!d) {
		d = loaders[section](db);
		c.data[section] = d;
	}
	return d as ReturnType<Loaders[K]>;
}
