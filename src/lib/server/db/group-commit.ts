import type Database from 'better-sqlite3';
import { logger } from '../logger';
import { connectionOf, type OnConnection } from './prepared';

interface Group {
	done: Promise<void>;
	resolve: () => void;
	reject: (e: unknown) => void;
}

const groups = new WeakMap<Database.Database, Group>();

/**
 * Group commit for the routing hot path (`atomic`: the writes of `fn` apply together or not at
 * all). The first grouped write of an event-loop turn opens a
 * write transaction; every grouped write of the same turn, from any concurrent operation, joins
 * it (a nested `db.transaction` becomes a savepoint), and it commits once the turn's work is
 * done. Many calls then share one commit instead of paying one each. Reads on the same
 * connection see the writes at once; other processes see them after the commit, a moment later.
 *
 * Whoever acknowledges a grouped write to a person (an HTTP response, a finished job) awaits
 * `flushed()` first, so nothing acknowledged can be lost in a crash.
 */
export function groupWrite<T>(db: OnConnection, fn: () => T, atomic = false): T {
	const conn = connectionOf(db);
	if (!conn.inTransaction) {
		conn.prepare('BEGIN IMMEDIATE').run();
		let resolve!: () => void, reject!: (e: unknown) => void;
		const done = new Promise<void>((res, rej) => {
			resolve = res;
			reject = rej;
		});
		done.catch(() => {});
		groups.set(conn, { done, resolve, reject });
		setImmediate(() => commit(conn));
	}
	return atomic ? (atomicRunner(conn)(fn) as T) : fn();
}

const runners = new WeakMap<Database.Database, (fn: () => unknown) => unknown>();

/** Runs a function as one unit (a savepoint inside the open transaction), without drizzle's per-transaction objects. */
function atomicRunner(conn: Database.Database) {
	let r = runners.get(conn);
	if (!r) {
		r = conn.transaction((fn: () => unknown) => fn());
		runners.set(conn, r);
	}
	return r;
}

function commit(conn: Database.Database): void {
	const g = groups.get(conn);
	groups.delete(conn);
	try {
		if (conn.inTransaction) conn.prepare('COMMIT').run();
		g?.resolve();
	} catch (e) {
		if (conn.inTransaction) conn.prepare('ROLLBACK').run();
		logger.error({ err: e }, 'group commit failed; the writes of this turn were rolled back');
		g?.reject(e);
	}
}

/** Resolves once the grouped writes made so far on this connection are committed. */
export function flushed(db: OnConnection): Promise<void> {
	return groups.get(connectionOf(db))?.done ?? Promise.resolve();
}

/** Commits the open group now (before closing the connection). */
export function commitPending(db: OnConnection): void {
	const conn = connectionOf(db);
	if (groups.has(conn)) commit(conn);
}
