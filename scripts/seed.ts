import { config, ConfigError } from '../src/lib/server/config';
import { DEMO_PASSWORD } from '../src/lib/server/seed/seed';
import { prepareDatabase } from './lib/prepare';

/** `npm run seed`: migrate, then load the catalogue and demo data (safe to run again). */
try {
	const cfg = config();
	const res = await prepareDatabase(cfg);
	console.log(`Database ready at ${cfg.databasePath}`);
	if (res.adminPassword)
		console.log(`Created admin "admin" with password ${res.adminPassword} (shown once)`);
	if (res.demo) console.log(`Demo accounts: ${res.demo.length}, password ${DEMO_PASSWORD}`);
} catch (e) {
	console.error(
		e instanceof ConfigError ? e.message : `seed failed: ${e instanceof Error ? e.message : e}`
	);
	process.exit(1);
}
