import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** Finds the migrations folder whether running from source, tsx or the built server. */
export function migrationsFolder(): string {
	const candidates = [
		process.env.MIGRATIONS_DIR,
		path.resolve('migrations'),
		path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../migrations')
	].filter((p): p is string => !!p);
	const found = candidates.find((p) => fs.existsSync(path.join(p, 'meta', '_journal.json')));
	if (!found) throw new Error(`migrations folder not found (looked in ${candidates.join(', ')})`);
	return found;
}

/** Opens (creating if needed) the SQLite file in WAL mode and applies pending migrations. */
export function openDb(file: string, opts: { migrate?: boolean } = {}): Db {
	fs.mkdirSync(path.dirname(file), { recursive: true });
	const sqlite = new Database(file);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = NORMAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	// a WAL that grew under load is cut back to this size once it restarts
	sqlite.pragma('journal_size_limit = 67108864');
	const db = drizzle(sqlite, { schema }) as Db;
	if (opts.migrate !== false) migrate(db, { migrationsFolder: migrationsFolder() });
	return db;
}

export { schema };
