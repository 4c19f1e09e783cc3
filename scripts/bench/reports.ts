import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { StaffUser } from '../../src/lib/server/auth/auth';
import { parseConfig } from '../../src/lib/server/config';
import type { Ctx } from '../../src/lib/server/context';
import { openDb } from '../../src/lib/server/db';
import { quarterDays, addDays, today } from '../../src/lib/server/reports/period';
import { callsCsv } from '../../src/lib/server/reports/export';
import { ranking, reportViewer, summary, trend } from '../../src/lib/server/reports/reports';
import { REBUILD_SQL, TRIGGERS_SQL, TRIGGER_NAMES } from '../../src/lib/server/reports/sql';
import { instantOf } from '../../src/lib/server/schedule/hours';
import { rng } from '../../src/lib/server/seed/generate';
import { writeHistory } from '../../src/lib/server/seed/history';
import { seedCatalogue } from '../../src/lib/server/seed/seed';
import { pct, row } from './lib';

/**
 * `npm run bench:reports`: a year of history (1.6 million calls over 40 departments, 16 towns,
 * 150 seats and 110 booths, with ratings and rectification cases in the district's proportions)
 * bulk-loaded into a fresh SQLite file, then each report timed through the reports module: a
 * quarter for all departments, a year for one department, the ranking table, the streamed CSV of
 * a quarter's calls (time and RSS growth); and, in the same run, the same quarter report as a
 * plain GROUP BY over the raw calls (the baseline) and the ratio.
 *
 * Sizes: BENCH_CALLS (1,600,000), BENCH_RUNS (30 timed runs per report, after 3 warm-up runs),
 * BENCH_BASELINE_RUNS (5).
 */
const env = (k: string, d: number) => Number(process.env[k] ?? d);
const CALLS = env('BENCH_CALLS', 1_600_000);
const RUNS = env('BENCH_RUNS', 30);
const BASELINE_RUNS = env('BENCH_BASELINE_RUNS', 5);
const DEPARTMENTS = 40;
const SEATS = 150;
const BOOTHS = 110;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-reports-'));
const file = path.join(dir, 'console.db');
const cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
process.on('SIGINT', () => {
	cleanup();
	process.exit(130);
});

function time<T>(fn: () => T): [T, number] {
	const t = performance.now();
	const r = fn();
	return [r, performance.now() - t];
}

function sample(fn: () => unknown, runs: number): number[] {
	for (let i = 0; i < 3; i++) fn();
	return Array.from({ length: runs }, () => time(fn)[1]);
}

const ms = (x: number) => x.toFixed(1);

try {
	const db = openDb(file);
	const c = db.$client;
	seedCatalogue(db);
	const r = rng(2026);

	// the district's units: the catalogue's departments and towns, padded to 40 departments
	const have = (c.prepare('SELECT count(*) AS n FROM departments').get() as { n: number }).n;
	const dept = c.prepare(
		'INSERT INTO departments (code, name, name_en) VALUES (?, ?, ?) RETURNING id'
	);
	const matter = c.prepare(
		"INSERT INTO matters (code, department_id, name, name_en, level) VALUES (?, ?, ?, ?, 'district')"
	);
	for (let i = have; i < DEPARTMENTS; i++) {
		const { id } = dept.get(`bench-${i}`, `部门${i + 1}`, `Department ${i + 1}`) as { id: number };
		for (let j = 0; j < 5; j++)
			matter.run(`bench-${i}-${j}`, id, `事项${i}-${j}`, `Matter ${i}-${j}`);
	}
	const towns = (c.prepare('SELECT id FROM towns ORDER BY id').all() as { id: number }[]).map(
		(t) => t.id
	);
	const booth = c.prepare(
		"INSERT INTO booths (name, town_id, site, token_hash) VALUES (?, ?, '社区', ?) RETURNING id"
	);
	const boothIds = Array.from(
		{ length: BOOTHS },
		(_, i) =>
			(booth.get(`晓屋${i + 1}`, towns[i % towns.length], `bench-${i}`) as { id: number }).id
	);
	const user = c.prepare(
		"INSERT INTO users (username, password_hash, display_name, roles) VALUES (?, 'x', ?, '[\"agent\"]') RETURNING id"
	);
	const agentIds = Array.from(
		{ length: SEATS },
		(_, i) => (user.get(`seat${i + 1}`, `坐席${i + 1}`) as { id: number }).id
	);
	const matters = c
		.prepare('SELECT id, department_id AS departmentId FROM matters ORDER BY popularity DESC, id')
		.all() as { id: number; departmentId: number }[];

	// a year up to yesterday; calls per weekday so that the year holds CALLS (Saturdays a fifth)
	const now = Date.now();
	const last = addDays(today(now), -1);
	const days = Array.from({ length: 365 }, (_, i) => addDays(last, i - 364));
	const weight = days.reduce((n, d) => {
		const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
		return n + (dow === 0 ? 0 : dow === 6 ? 0.2 : 1);
	}, 0);

	// bulk load: no triggers (the sums are rebuilt after), one transaction, prepared statements
	for (const n of TRIGGER_NAMES) c.exec(`DROP TRIGGER ${n}`);
	c.pragma('journal_mode = DELETE');
	c.pragma('synchronous = OFF');
	const [loaded, loadMs] = time(() =>
		c.transaction(() =>
			writeHistory(db, { days, callsPerDay: CALLS / weight, matters, boothIds, agentIds, rng: r })
		)()
	);
	const [, rebuildMs] = time(() =>
		c.transaction(() => {
			for (const s of REBUILD_SQL) c.exec(s);
			for (const s of TRIGGERS_SQL) c.exec(s);
		})()
	);
	c.exec('ANALYZE');
	c.pragma('journal_mode = WAL');
	c.pragma('synchronous = NORMAL');
	const count = (t: string, w = '') =>
		(c.prepare(`SELECT count(*) AS n FROM ${t} ${w}`).get() as { n: number }).n;
	console.log(
		`loaded ${count('calls')} calls (${loaded} generated), ${count('call_events')} events, ${count('ratings')} ratings, ${count('follow_ups')} cases over ${count('departments')} departments, ${towns.length} towns, ${SEATS} seats, ${BOOTHS} booths in ${(loadMs / 1000).toFixed(1)} s; report sums rebuilt in ${(rebuildMs / 1000).toFixed(1)} s (${count('report_daily')} rows); file ${(fs.statSync(file).size / 2 ** 20).toFixed(0)} MB`
	);

	const cfg = parseConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' });
	const ctx = { db, cfg } as unknown as Ctx;
	const admin = { id: 0, username: 'admin', displayName: 'admin', roles: ['admin'] } as StaffUser;
	const all = reportViewer(ctx, admin);
	// the last whole quarter of the year
	const lastQ = (() => {
		const y = Number(last.slice(0, 4));
		const q = Math.floor((Number(last.slice(5, 7)) - 1) / 3) + 1;
		const cur = quarterDays(`${y}Q${q}`);
		return cur.to === last ? `${y}Q${q}` : q === 1 ? `${y - 1}Q4` : `${y}Q${q - 1}`;
	})();
	const quarter = quarterDays(lastQ);
	const busiest = c
		.prepare(
			"SELECT unit_id AS id FROM report_daily WHERE dim = 'department' GROUP BY unit_id ORDER BY sum(offered) DESC LIMIT 1"
		)
		.get() as { id: number };
	const head = {
		filter: { departmentIds: [busiest.id], townIds: [], boothIds: [] },
		scope: { departmentIds: [busiest.id], townIds: [] }
	};
	const year = { from: days[0]!, to: last };

	const quarterRun = () => summary(ctx, all, { groupBy: 'department', ...quarter }, now);
	const yearRun = () => {
		summary(ctx, head, { groupBy: 'department', ...year }, now);
		trend(ctx, head, year);
	};
	const rankingRun = () => ranking(ctx, all, { quarter: lastQ, of: 'department' }, now);

	const quarterMs = sample(quarterRun, RUNS);
	const yearMs = sample(yearRun, RUNS);
	const rankingMs = sample(rankingRun, RUNS);

	// the baseline: the same quarter report as one GROUP BY over the raw calls
	const baselineSql = `
		SELECT m.department_id AS id, count(*) AS offered,
		  sum(c.connected_at IS NOT NULL) AS answered, sum(c.abandoned_at IS NOT NULL) AS abandoned,
		  sum(c.abandoned_at IS NOT NULL AND (julianday(c.abandoned_at) - julianday(c.queued_at)) * 86400 <= 5) AS short_abandoned,
		  sum(c.connected_at IS NOT NULL AND (julianday(c.connected_at) - julianday(c.queued_at)) * 86400 <= coalesce(d.answer_seconds, 20)) AS within_t,
		  avg(CASE WHEN c.connected_at IS NOT NULL THEN (julianday(c.connected_at) - julianday(c.queued_at)) * 86400 END) AS asa,
		  sum(c.ended_at IS NOT NULL) AS handled,
		  avg(CASE WHEN c.ended_at IS NOT NULL THEN (julianday(c.ended_at) - julianday(c.connected_at)) * 86400 END) AS aht,
		  count(r.score) AS rated, sum(r.score >= 4) AS good, sum(r.score <= 2) AS bad,
		  sum(f.rectified_at IS NOT NULL) AS rectified, sum(f.fed_back_at IS NOT NULL) AS fed_back,
		  sum(f.called_back_at IS NOT NULL) AS called_back, sum(f.callback_satisfied = 1) AS satisfied
		FROM calls c JOIN matters m ON m.id = c.matter_id JOIN departments d ON d.id = m.department_id
		LEFT JOIN ratings r ON r.call_id = c.id
		LEFT JOIN follow_ups f ON f.call_id = c.id AND f.kind = 'rectification'
		WHERE c.queued_at >= ? AND c.queued_at < ?
		GROUP BY m.department_id`;
	const baseline = c.prepare(baselineSql);
	// the quarter's Asia/Shanghai days as UTC instants, so the raw query uses the calls_queued_at index
	const bounds = [quarter.from, addDays(quarter.to, 1)].map((d) =>
		new Date(instantOf(d, 0)).toISOString()
	);
	const baselineRun = () =>
		baseline.all(...bounds) as {
			id: number;
			handled: number;
			rated: number;
			bad: number;
			rectified: number;
		}[];
	const baselineMs = Array.from({ length: BASELINE_RUNS }, () => time(baselineRun)[1]);

	// the two agree on what they both count
	const mine = quarterRun();
	const raw = baselineRun();
	const agree =
		raw.every((b) => {
			const m = mine.rows.find((x) => x.id === b.id);
			return m && m.handled === b.handled && m.rated === b.rated && m.bad === b.bad;
		}) && raw.length === mine.rows.length;

	// the streamed CSV of the quarter's calls: time and RSS growth while it is read
	global.gc?.();
	const rss0 = process.memoryUsage().rss;
	let peak = rss0;
	let bytes = 0;
	let lines = 0;
	const t0 = performance.now();
	const reader = callsCsv(ctx, all, quarter).getReader();
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		bytes += value.byteLength;
		for (const b of value) if (b === 10) lines++;
		peak = Math.max(peak, process.memoryUsage().rss);
	}
	const csvMs = performance.now() - t0;
	const growthMb = (peak - rss0) / 2 ** 20;

	const w = [34, 10, 10, 10, 8];
	console.log('');
	console.log(row(['report', 'median ms', 'p95 ms', 'target', 'runs'], w));
	console.log(
		row(
			['quarter, all departments', ms(pct(quarterMs, 50)), ms(pct(quarterMs, 95)), '≤ 300', RUNS],
			w
		)
	);
	console.log(
		row(
			['year, one department (+ trend)', ms(pct(yearMs, 50)), ms(pct(yearMs, 95)), '≤ 300', RUNS],
			w
		)
	);
	console.log(
		row(
			['ranking table (quarter)', ms(pct(rankingMs, 50)), ms(pct(rankingMs, 95)), '≤ 500', RUNS],
			w
		)
	);
	console.log(
		row(
			[
				'baseline: GROUP BY raw calls',
				ms(pct(baselineMs, 50)),
				ms(pct(baselineMs, 95)),
				'—',
				BASELINE_RUNS
			],
			w
		)
	);
	console.log('');
	console.log(
		`calls CSV of ${lastQ}: ${lines - 1} rows, ${(bytes / 2 ** 20).toFixed(0)} MB streamed in ${(csvMs / 1000).toFixed(1)} s; RSS growth ${growthMb.toFixed(1)} MB (target ≤ 50)`
	);
	console.log(
		`baseline and report agree on handled, rated and bad per department: ${agree ? 'yes' : 'NO'}`
	);
	const ratio = pct(baselineMs, 50) / pct(quarterMs, 50);
	console.log(
		`reports quarter_p95_ms=${Math.round(pct(quarterMs, 95))} year_dept_p95_ms=${Math.round(pct(yearMs, 95))} ranking_ms=${Math.round(pct(rankingMs, 95))} baseline_ratio=${ratio.toFixed(1)}`
	);
	db.$client.close();
	cleanup();
	if (!agree) process.exit(1);
} catch (e) {
	cleanup();
	throw e;
}
