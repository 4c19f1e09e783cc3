import { config, ConfigError } from '../src/lib/server/config';
import { restoreDatabase } from '../src/lib/server/db/backup';

/**
 * `npm run restore -- <backup file>`: puts a backup in place of the database. Stop the console
 * first; on the next start the worker rebuilds live state from the restored record.
 */
try {
	const cfg = config();
	const file = process.argv[2];
	if (!file) throw new Error('name the backup file: npm run restore -- <file>');
	const info = restoreDatabase(file, cfg.databasePath);
	console.log(
		`Restored ${file} to ${info.path} (${info.calls} calls); the replaced file is ${info.path}.before-restore`
	);
} catch (e) {
	console.error(
		e instanceof ConfigError ? e.message : `restore failed: ${e instanceof Error ? e.message : e}`
	);
	process.exit(1);
}
