// `npm run audit:runtime`: fails on a high or critical advisory in the runtime dependencies.
// When the registry's advisory service cannot be asked (offline, or a mirror that does not
// offer it), it says so plainly and does not fail: nothing was checked, nothing was found.
import { spawnSync } from 'node:child_process';

const r = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
let report;
try {
	report = JSON.parse(r.stdout || '{}');
} catch {
	report = {};
}
const counts = report.metadata?.vulnerabilities;
if (!counts) {
	const why = report.message ?? (r.stderr.trim().split('\n').at(-1) || 'no answer');
	console.warn(
		`npm audit: the advisory service could not be asked (${why}); runtime dependencies were NOT checked.`
	);
	process.exit(0);
}
const serious = (counts.high ?? 0) + (counts.critical ?? 0);
console.log(
	`npm audit (runtime): ${counts.critical ?? 0} critical, ${counts.high ?? 0} high, ${counts.moderate ?? 0} moderate, ${counts.low ?? 0} low`
);
if (serious > 0) {
	for (const [name, v] of Object.entries(report.vulnerabilities ?? {}))
		if (v.severity === 'high' || v.severity === 'critical')
			console.error(`  ${v.severity}: ${name} (${v.range ?? ''})`);
	process.exit(1);
}
