import path from 'node:path';
import { config, ConfigError } from '../src/lib/server/config';
import { backupDatabase } from '../src/lib/server/db/backup';

/**
 * `npm run backup [file]`: a consistent online copy of the SQLite database while the console runs
 * (default `DATA_DIR/backups/console-<UTC time>.db`).
 */
try {
	const cfg = config();
	const stamp = new Date().toISOString().replace(/[:.]/g, '-');
	const dest = path.resolve(
		process.argv[2] ?? path.join(cfg.dataDir, 'backups', `console-${stamp}.db`)
	);
	const info = await backupDatabase(cfg.databasePath, dest);
	console.log(
		`Backup of ${cfg.databasePath} written to ${info.path} (${info.bytes} bytes, ${info.calls} calls)`
	);
} catch (e) {
	console.error(
		e instanceof ConfigError ? e.message : `backup failed: ${e instanceof Error ? e.message : e}`
	);
	process.exit(1);
}
