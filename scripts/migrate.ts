import { config, ConfigError } from '../src/lib/server/config';
import { openDb } from '../src/lib/server/db';

/** `npm run migrate`: applies pending SQL migrations to the configured database. */
try {
	const cfg = config();
	openDb(cfg.databasePath).$client.close();
	console.log(`Migrations applied to ${cfg.databasePath}`);
} catch (e) {
	console.error(
		e instanceof ConfigError ? e.message : `migrate failed: ${e instanceof Error ? e.message : e}`
	);
	process.exit(1);
}
