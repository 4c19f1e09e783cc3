import type Database from 'better-sqlite3';
import { getTableColumns, sql, type Column, type SQL, type Table } from 'drizzle-orm';
import type { Db } from './index';

/** A transaction object shares its connection with the database it came from. */
export type OnConnection = Db | { session: { client: Database.Database } };

const byConnection = new WeakMap<Database.Database, Map<string, unknown>>();

/** The SQLite connection behind a database or transaction object. */
export function connectionOf(db: OnConnection): Database.Database {
	return (db as { session: { client: Database.Database } }).session.client;
}

/**
 * A query built and prepared once per SQLite connection, then run with placeholder values: the
 * hot paths of routing skip building SQL and asking SQLite to compile it on every call. The
 * statement works inside a transaction of the same connection too.
 */
export function prepared<T>(db: OnConnection, key: string, build: () => T): T {
	const conn = connectionOf(db);
	let m = byConnection.get(conn);
	if (!m) {
		m = new Map();
		byConnection.set(conn, m);
	}
	let s = m.get(key) as T | undefined;
	if (s === undefined) {
		s = build();
		m.set(key, s);
	}
	return s;
}

/**
 * Placeholders for some columns, for a prepared insert or update; fill them with
 * `encoded()` (the column's own encoding, so JSON and boolean columns store what drizzle
 * stores, and null stays NULL).
 */
export function slots(keys: string[]): Record<string, SQL> {
	return Object.fromEntries(keys.map((k) => [k, sql`${sql.placeholder(k)}`]));
}

/** Values for `slots()`: each encoded by its column. */
export function encoded(table: Table, values: Record<string, unknown>): Record<string, unknown> {
	const cols = getTableColumns(table) as Record<string, Column>;
	const out: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(values)) {
		const col = cols[k];
		out[k] = v === null || v === undefined || !col ? (v ?? null) : col.mapToDriverValue(v);
	}
	return out;
}
