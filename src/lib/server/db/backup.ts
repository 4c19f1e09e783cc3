import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/** What a backup or a check of one found. */
export interface BackupInfo {
	path: string;
	bytes: number;
	calls: number;
}

/** Opens a copy read-only and checks it is a whole console database; throws saying what is wrong. */
export function checkBackup(file: string): BackupInfo {
	if (!fs.existsSync(file)) throw new Error(`${file} does not exist`);
	const db = new Database(file, { readonly: true, fileMustExist: true });
	try {
		const integrity = db.pragma('integrity_check', { simple: true });
		if (integrity !== 'ok') throw new Error(`${file} is damaged: ${integrity}`);
		const table = db
			.prepare(`select name from sqlite_master where type = 'table' and name = 'calls'`)
			.get();
		if (!table) throw new Error(`${file} is not a console database (no calls table)`);
		const { n } = db.prepare('select count(*) as n from calls').get() as { n: number };
		return { path: file, bytes: fs.statSync(file).size, calls: n };
	} finally {
		db.close();
	}
}

/**
 * A consistent copy of the live database, taken online (SQLite's backup API: web and worker keep
 * writing meanwhile; the copy is the database as of one moment), written to `dest` and checked.
 */
export async function backupDatabase(source: string, dest: string): Promise<BackupInfo> {
	fs.mkdirSync(path.dirname(dest), { recursive: true });
	const partial = `${dest}.partial`;
	const db = new Database(source, { fileMustExist: true });
	try {
		db.pragma('busy_timeout = 5000');
		await db.backup(partial);
	} finally {
		db.close();
	}
	const info = checkBackup(partial);
	fs.renameSync(partial, dest);
	return { ...info, path: dest };
}

/**
 * Puts a backup in place of the database (the console must be stopped): the backup is checked,
 * copied beside the target and renamed over it, and the old write-ahead log is removed so it
 * cannot be replayed onto the restored file. The replaced file is kept as `<target>.before-restore`.
 */
export function restoreDatabase(backup: string, target: string): BackupInfo {
	const info = checkBackup(backup);
	fs.mkdirSync(path.dirname(target), { recursive: true });
	const incoming = `${target}.restoring`;
	fs.copyFileSync(backup, incoming);
	if (fs.existsSync(target)) fs.copyFileSync(target, `${target}.before-restore`);
	for (const ext of ['-wal', '-shm']) fs.rmSync(target + ext, { force: true });
	fs.renameSync(incoming, target);
	return { ...info, path: target };
}
