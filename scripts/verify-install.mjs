// Runs after `npm install`: the native SQLite driver must load, or nothing else will.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
try {
	const Database = require('better-sqlite3');
	new Database(':memory:').prepare('select 1').get();
} catch (e) {
	console.error(
		`\nbetter-sqlite3 did not load (${e.message}).\n` +
			'It builds from source: make sure python3, make and g++ are installed, then run\n' +
			'  npm rebuild better-sqlite3\n' +
			'If npm skipped its install script, allow it with: npm install-scripts approve better-sqlite3\n'
	);
	process.exit(1);
}
