import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffUser } from '../../src/lib/server/auth/auth';
import type { Ctx } from '../../src/lib/server/context';
import { figures, lifeOf, totalsOf, type CallHistory } from '../../src/lib/server/metrics/metrics';
import { metricSettings } from '../../src/lib/server/metrics/settings';
import { addSums, figuresOfSums, noSums } from '../../src/lib/server/reports/figures';
import { localParts } from '../../src/lib/server/schedule/hours';
import type { Dim, Sums } from '../../src/lib/server/reports/queries';
import { ranking, reportViewer, summary } from '../../src/lib/server/reports/reports';
import { REBUILD_SQL, TRIGGERS_SQL, TRIGGER_NAMES } from '../../src/lib/server/reports/sql';
import { setScope } from '../../src/lib/server/supervisor/scope';
import { readToday } from '../../src/lib/server/supervisor/today';
import { closeTestContext, testContext } from './helpers';

let ctx: Ctx;
let matters: { id: number; departmentId: number }[];
let booths: number[];
let agents: number[];
const admin = { id: 0, username: 'admin', displayName: 'admin', roles: ['admin'] } as StaffUser;
const NOW = Date.now();
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

beforeAll(async () => {
	ctx = await testContext();
	const db = ctx.db.$client;
	matters = db
		.prepare(
			'SELECT min(id) AS id, department_id AS departmentId FROM matters GROUP BY department_id LIMIT 6'
		)
		.all() as typeof matters;
	const towns = (db.prepare('SELECT id FROM towns LIMIT 3').all() as { id: number }[]).map(
		(t) => t.id
	);
	const booth = db.prepare(
		"INSERT INTO booths (name, town_id, site, token_hash) VALUES (?, ?, 'site', ?) RETURNING id"
	);
	booths = [0, 1, 2, 3].map(
		(i) => (booth.get(`晓屋${i}`, towns[i % 3], `h${i}`) as { id: number }).id
	);
	const user = db.prepare(
		"INSERT INTO users (username, password_hash, display_name, roles) VALUES (?, 'x', ?, '[\"agent\"]') RETURNING id"
	);
	agents = [0, 1, 2].map((i) => (user.get(`rep${i}`, `坐席${i}`) as { id: number }).id);
});
afterAll(() => closeTestContext(ctx));

/** One random call: where it came from, what happened to it, its rating and its case steps. */
const callArb = fc.record({
	ageMs: fc.integer({ min: 60_000, max: 3 * DAY }),
	matter: fc.nat(5),
	booth: fc.option(fc.nat(3)),
	agent: fc.nat(2),
	fate: fc.constantFrom('abandoned', 'short', 'waiting', 'talking', 'wrap', 'done', 'transferred'),
	waitS: fc.integer({ min: 1, max: 90 }),
	talkS: fc.integer({ min: 10, max: 900 }),
	moveTo: fc.option(fc.nat(5)),
	score: fc.option(fc.integer({ min: 1, max: 5 })),
	steps: fc.nat(4),
	satisfied: fc.option(fc.boolean()),
	/** A reviewer's decision on an appeal of the rating (mistaken or malicious), if one was made. */
	appeal: fc.constantFrom(null, 'upheld', 'rejected')
});

let seq = 0;
/** Writes a call the way the call core does: the row, then its events, rating and case as they happen. */
function write(c: typeof callArb extends fc.Arbitrary<infer T> ? T : never) {
	const db = ctx.db.$client;
	const id = `r${++seq}-${Math.random().toString(36).slice(2, 8)}`;
	const t0 = NOW - c.ageMs;
	const matter = matters[c.matter]!;
	const boothId = c.booth === null ? null : booths[c.booth]!;
	db.prepare(
		"INSERT INTO calls (id, channel, booth_id, matter_id, language, status, caller_token_hash, queued_at) VALUES (?, ?, ?, ?, 'zh', 'queued', ?, ?)"
	).run(id, boothId ? 'booth' : 'mobile', boothId, matter.id, `tok-${id}`, iso(t0));
	const ev = db.prepare('INSERT INTO call_events (call_id, type, at) VALUES (?, ?, ?)');
	ev.run(id, 'created', iso(t0));
	let t = t0 + c.waitS * 1000;
	if (c.fate === 'abandoned' || c.fate === 'short') {
		ev.run(id, 'abandoned', iso(c.fate === 'short' ? t0 + 2000 : t));
		return;
	}
	if (c.fate === 'waiting') return;
	db.prepare("UPDATE calls SET agent_id = ?, status = 'connected' WHERE id = ?").run(
		agents[c.agent],
		id
	);
	ev.run(id, 'connected', iso(t));
	if (c.fate === 'talking') return;
	if (c.fate === 'transferred') {
		t += c.talkS * 500;
		ev.run(id, 'transferred', iso(t));
		if (c.moveTo !== null)
			db.prepare('UPDATE calls SET matter_id = ? WHERE id = ?').run(matters[c.moveTo]!.id, id);
		db.prepare('UPDATE calls SET agent_id = ? WHERE id = ?').run(agents[(c.agent + 1) % 3], id);
		t += 7000;
		ev.run(id, 'connected', iso(t));
	}
	t += c.talkS * 1000;
	ev.run(id, 'wrap_up', iso(t));
	if (c.fate === 'wrap') return;
	t += 30_000;
	ev.run(id, 'ended', iso(t));
	if (c.score === null) return;
	db.prepare('INSERT INTO ratings (call_id, score) VALUES (?, ?)').run(id, c.score);
	if (c.score > 2) return;
	const f = db
		.prepare(
			"INSERT INTO follow_ups (kind, call_id, owner_id) VALUES ('rectification', ?, ?) RETURNING id"
		)
		.get(id, agents[c.agent]) as { id: number };
	const step = (col: string, extra = '') =>
		db
			.prepare(`UPDATE follow_ups SET ${col} = ?, version = version + 1${extra} WHERE id = ?`)
			.run(iso(t), f.id);
	if (c.steps >= 1) step('verified_at');
	if (c.steps >= 1 && c.appeal === 'upheld') {
		// an upheld appeal closes the case at once: the rating is not counted as bad
		step('closed_at', ", appeal_decision = 'upheld', status = 'closed'");
		return;
	}
	if (c.steps >= 1 && c.appeal === 'rejected')
		db.prepare(
			"UPDATE follow_ups SET appeal_decision = 'rejected', version = version + 1 WHERE id = ?"
		).run(f.id);
	if (c.steps >= 2) step('rectified_at');
	if (c.steps >= 3) step('fed_back_at');
	if (c.steps >= 4)
		db.prepare('UPDATE follow_ups SET called_back_at = ?, callback_satisfied = ? WHERE id = ?').run(
			iso(t),
			c.satisfied === null ? null : c.satisfied ? 1 : 0,
			f.id
		);
}

/** The same report computed from the raw rows: histories through metrics/, ratings and cases counted. */
function raw(dim: Dim, from: string, to: string): Map<number, Sums> {
	const db = ctx.db.$client;
	const calls = db
		.prepare(
			`SELECT c.id, c.queued_at, c.booth_id, c.agent_id, m.department_id, b.town_id, r.score,
			  f.rectified_at, f.fed_back_at, f.called_back_at, f.callback_satisfied, f.appeal_decision
			 FROM calls c JOIN matters m ON m.id = c.matter_id LEFT JOIN booths b ON b.id = c.booth_id
			 LEFT JOIN ratings r ON r.call_id = c.id
			 LEFT JOIN follow_ups f ON f.call_id = c.id AND f.kind = 'rectification'`
		)
		.all() as Record<string, string | number | null>[];
	const events = db.prepare('SELECT call_id, type, at FROM call_events ORDER BY id').all() as {
		call_id: string;
		type: string;
		at: string;
	}[];
	const settings = metricSettings(ctx);
	const out = new Map<number, Sums>();
	for (const c of calls) {
		const arrivedAt = Date.parse(String(c.queued_at));
		const day = localParts(arrivedAt).date;
		const unit = {
			department: c.department_id,
			town: c.town_id,
			agent: c.agent_id,
			booth: c.booth_id
		}[dim];
		if (day < from || day > to || unit === null) continue;
		const h: CallHistory = {
			callId: String(c.id),
			departmentId: Number(c.department_id),
			arrivedAt,
			steps: events
				.filter((e) => e.call_id === c.id)
				.map((e) => ({ type: e.type, at: Date.parse(e.at) }))
		};
		const t = totalsOf([lifeOf(h)], settings);
		const score = c.score === null ? null : Number(c.score);
		const s: Sums = {
			...noSums(),
			offered: 1,
			answered: t.answered,
			abandoned: t.abandoned,
			shortAbandoned: t.shortAbandoned,
			withinT: t.answeredWithinThreshold,
			waitMs: t.waitMs,
			handled: t.handled,
			handleMs: t.handleMs,
			rated: score === null ? 0 : 1,
			score5: +(score === 5),
			score4: +(score === 4),
			score3: +(score === 3),
			bad: +(score !== null && score <= 2 && c.appeal_decision !== 'upheld'),
			boothCalls: +(c.booth_id !== null)
		};
		if (s.bad) {
			s.cases = 1;
			s.rectified = +(c.rectified_at !== null);
			s.fedBack = +(c.fed_back_at !== null);
			s.calledBack = +(c.called_back_at !== null);
			s.cbReached = +(c.called_back_at !== null && c.callback_satisfied !== null);
			s.cbSatisfied = +(c.called_back_at !== null && c.callback_satisfied === 1);
		}
		const id = Number(unit);
		out.set(id, addSums(out.get(id) ?? noSums(), s));
	}
	return out;
}

const DIMS: Dim[] = ['department', 'town', 'agent', 'booth'];
const from = localParts(NOW - 4 * DAY).date;
const to = localParts(NOW + DAY).date;

function expectReportEqualsRaw() {
	for (const dim of DIMS) {
		const got = summary(ctx, reportViewer(ctx, admin), { groupBy: dim, from, to }, NOW);
		const want = raw(dim, from, to);
		const gotById = Object.fromEntries(got.rows.map(({ id, name: _n, ...f }) => [id, f]));
		const wantById = Object.fromEntries(
			[...want].map(([id, s]) => [id, figuresOfSums(s, ctx.cfg.REPORT_GOOD_INCLUDES_3)])
		);
		expect(gotById, dim).toEqual(wantById);
	}
}

describe('the reports', () => {
	it('equal the raw computation over calls, events, ratings and cases after random writes', () => {
		fc.assert(
			fc.property(fc.array(callArb, { minLength: 1, maxLength: 25 }), (batch) => {
				ctx.db.$client.transaction(() => batch.forEach(write))();
				expectReportEqualsRaw();
			}),
			{ numRuns: 12 }
		);
	});

	it('rebuilt from the raw rows give the same sums the triggers kept', () => {
		const db = ctx.db.$client;
		const snapshot = () =>
			db
				.prepare(
					'SELECT * FROM report_daily WHERE offered > 0 ORDER BY dim, day, unit_id, department_id'
				)
				.all();
		const kept = snapshot();
		db.transaction(() => {
			for (const n of TRIGGER_NAMES) db.exec(`DROP TRIGGER ${n}`);
			for (const s of REBUILD_SQL) db.exec(s);
			for (const s of TRIGGERS_SQL) db.exec(s);
		})();
		expect(snapshot()).toEqual(kept);
		expectReportEqualsRaw();
	});

	it("the wall's today figures per department equal the report's for today", () => {
		const today = readToday(ctx, NOW, { fresh: true });
		const day = localParts(NOW).date;
		const report = summary(
			ctx,
			reportViewer(ctx, admin),
			{ groupBy: 'department', from: day, to: day },
			NOW
		);
		expect(report.rows.length).toBeGreaterThan(0);
		for (const row of report.rows) {
			const wall = figures(today.byQueue.get(`dept:${row.id}`) ?? [], today.settings);
			expect({
				offered: row.offered,
				answered: row.answered,
				abandoned: row.abandoned,
				serviceLevel: row.serviceLevel,
				asa: row.asaSeconds,
				abandonRate: row.abandonRate
			}).toEqual({
				offered: wall.offered,
				answered: wall.answered,
				abandoned: wall.abandoned,
				serviceLevel: wall.serviceLevel,
				asa: wall.averageSpeedOfAnswer,
				abandonRate: wall.abandonmentRate
			});
		}
	});

	it('a department head sees their department only, and its district rank', () => {
		const db = ctx.db.$client;
		const head = db
			.prepare(
				"INSERT INTO users (username, password_hash, display_name, roles) VALUES ('head', 'x', '科长', '[\"supervisor\"]') RETURNING id"
			)
			.get() as { id: number };
		const dept = matters[0]!.departmentId;
		setScope(ctx, 1, head.id, { departmentIds: [dept], townIds: [] });
		const user = {
			id: head.id,
			username: 'head',
			displayName: '科长',
			roles: ['supervisor']
		} as StaffUser;
		const viewer = reportViewer(ctx, user);
		const mine = summary(ctx, viewer, { groupBy: 'department', from, to }, NOW);
		expect(mine.rows.map((r) => r.id)).toEqual([dept]);
		const all = summary(ctx, reportViewer(ctx, admin), { groupBy: 'department', from, to }, NOW);
		expect(all.rows.length).toBeGreaterThan(1);
		const byAgent = summary(ctx, viewer, { groupBy: 'agent', from, to }, NOW);
		const rawAgents = raw('agent', from, to);
		expect(byAgent.total.offered).toBeLessThan(
			[...rawAgents.values()].reduce((n, s) => n + s.offered, 0)
		);
		const quarter = `${from.slice(0, 4)}Q${Math.floor((Number(from.slice(5, 7)) - 1) / 3) + 1}`;
		const district = ranking(ctx, reportViewer(ctx, admin), { quarter, of: 'department' }, NOW);
		const own = ranking(ctx, viewer, { quarter, of: 'department' }, NOW);
		expect(own.rows).toEqual(district.rows.filter((r) => r.id === dept));
	});
});
