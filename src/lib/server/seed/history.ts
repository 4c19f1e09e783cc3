import { randomUUID } from 'node:crypto';
import { connectionOf, type OnConnection } from '../db/prepared';
import { instantOf } from '../schedule/hours';
import { siteProfiles } from './site-profiles';

/**
 * Past calls in the district's proportions, written straight to the tables the call core writes
 * (calls, their events, ratings, rectification cases): the demo's history for the reports, and
 * the benchmark's year. Weekdays 09:00–17:00 and Saturday mornings; about 4 % abandoned, 85 %
 * of the handled calls rated, 97 % of ratings good, 1 % bad, each bad rating with its case.
 */
export interface HistoryPlan {
	/** The days (YYYY-MM-DD, Asia/Shanghai) to fill, oldest first. */
	days: string[];
	/** Calls on a weekday (a Saturday gets a fifth of it). */
	callsPerDay: number;
	matters: { id: number; departmentId: number }[];
	boothIds: number[];
	agentIds: number[];
	rng: () => number;
	/** Cases whose bad rating came in after this instant are still being worked on. */
	openCasesAfter?: number;
	/** What each booth's callers mostly ask for (60 % of its calls), by booth id. */
	boothMatters?: Map<number, { id: number; departmentId: number }[]>;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Writes the plan's calls (in the caller's transaction, if any); returns how many. */
export function writeHistory(db: OnConnection, plan: HistoryPlan): number {
	const c = connectionOf(db);
	const call = c.prepare(
		`INSERT INTO calls (id, channel, booth_id, matter_id, language, status, caller_token_hash, agent_id, queued_at, connected_at, wrap_up_at, ended_at, abandoned_at, end_reason)
		 VALUES (?, ?, ?, ?, 'zh', ?, 'history', ?, ?, ?, ?, ?, ?, ?)`
	);
	const event = c.prepare(
		'INSERT INTO call_events (call_id, type, agent_id, at) VALUES (?, ?, ?, ?)'
	);
	const rating = c.prepare('INSERT INTO ratings (call_id, score, created_at) VALUES (?, ?, ?)');
	const kase = c.prepare(
		`INSERT INTO follow_ups (kind, call_id, owner_id, status, verified_at, rectified_at, fed_back_at, called_back_at, callback_satisfied, closed_at, created_at)
		 VALUES ('rectification', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const r = plan.rng;
	const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
	// a few matters take most calls
	const weighted = plan.matters.flatMap((m, i) => Array<typeof m>(i < 20 ? 6 : 1).fill(m));
	let n = 0;
	for (const day of plan.days) {
		const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
		if (dow === 0) continue;
		const count = Math.round(plan.callsPerDay * (dow === 6 ? 0.2 : 1) * (0.8 + r() * 0.4));
		const [open, close] = dow === 6 ? [540, 720] : [540, 1020];
		for (let i = 0; i < count; i++, n++) {
			const id = randomUUID();
			let matter = pick(weighted);
			const booth = r() < 0.7 ? pick(plan.boothIds) : null;
			const local = booth === null ? undefined : plan.boothMatters?.get(booth);
			if (local?.length && r() < 0.6) matter = pick(local);
			const agent =
				plan.agentIds[(matter.departmentId * 7 + Math.floor(r() * 6)) % plan.agentIds.length]!;
			const t0 = instantOf(day, open) + Math.floor(r() * (close - open) * 60_000);
			const wait = r() < 0.85 ? 2_000 + r() * 18_000 : 20_000 + r() * 100_000;
			if (r() < 0.04) {
				const left = t0 + (r() < 0.25 ? 1_000 + r() * 3_000 : wait);
				call.run(
					id,
					booth ? 'booth' : 'mobile',
					booth,
					matter.id,
					'abandoned',
					null,
					iso(t0),
					null,
					null,
					null,
					iso(left),
					'caller_left'
				);
				event.run(id, 'abandoned', null, iso(left));
				continue;
			}
			const connected = t0 + wait;
			const wrap = connected + 120_000 + r() * 600_000;
			const ended = wrap + 15_000 + r() * 60_000;
			call.run(
				id,
				booth ? 'booth' : 'mobile',
				booth,
				matter.id,
				'ended',
				agent,
				iso(t0),
				iso(connected),
				iso(wrap),
				iso(ended),
				null,
				'handled'
			);
			event.run(id, 'connected', agent, iso(connected));
			event.run(id, 'wrap_up', agent, iso(wrap));
			event.run(id, 'ended', agent, iso(ended));
			if (r() >= 0.85) continue;
			const x = r();
			const score = x < 0.88 ? 5 : x < 0.97 ? 4 : x < 0.99 ? 3 : x < 0.996 ? 2 : 1;
			rating.run(id, score, iso(ended + 30_000));
			if (score > 2) continue;
			const step = (days: number) => iso(ended + days * 86_400_000);
			if (plan.openCasesAfter !== undefined && ended > plan.openCasesAfter) {
				kase.run(id, agent, 'verified', step(0.2), null, null, null, null, null, step(0));
				continue;
			}
			const reached = r() < 0.9;
			const satisfied = reached ? (r() < 0.85 ? 1 : 0) : null;
			kase.run(
				id,
				agent,
				'closed',
				step(0.2),
				step(2),
				step(2.5),
				step(3),
				satisfied,
				step(4),
				step(0)
			);
		}
	}
	return n;
}

/**
 * The demo's history: the last 120 days up to yesterday, 36 calls a weekday over the demo's
 * booths and agents, so the reports and this quarter's ranking have figures from the first start.
 */
export function seedDemoHistory(db: OnConnection, now: number, rng: () => number): number {
	const c = connectionOf(db);
	const matters = c
		.prepare(
			'SELECT id, department_id AS departmentId FROM matters WHERE active = 1 ORDER BY popularity DESC, id'
		)
		.all() as { id: number; departmentId: number }[];
	const boothIds = (c.prepare('SELECT id FROM booths ORDER BY id').all() as { id: number }[]).map(
		(b) => b.id
	);
	const agentIds = (
		c.prepare(`SELECT id FROM users WHERE roles LIKE '%"agent"%' ORDER BY id`).all() as {
			id: number;
		}[]
	).map((u) => u.id);
	if (!matters.length || !boothIds.length || !agentIds.length) return 0;
	const byName = new Map(
		(
			c
				.prepare(
					'SELECT id, name, department_id AS departmentId FROM matters WHERE active = 1 ORDER BY id DESC'
				)
				.all() as {
				id: number;
				name: string;
				departmentId: number;
			}[]
		).map((m) => [m.name, { id: m.id, departmentId: m.departmentId }])
	);
	const boothMatters = new Map(
		(c.prepare('SELECT id, site FROM booths').all() as { id: number; site: string }[]).map((b) => [
			b.id,
			(siteProfiles[b.site] ?? []).flatMap((name) => byName.get(name) ?? [])
		])
	);
	const today = new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);
	const days = Array.from({ length: 120 }, (_, i) =>
		new Date(Date.parse(`${today}T00:00:00Z`) - (120 - i) * 86_400_000).toISOString().slice(0, 10)
	);
	return writeHistory(db, {
		days,
		callsPerDay: 36,
		matters,
		boothIds,
		agentIds,
		rng,
		openCasesAfter: now - 7 * 86_400_000,
		boothMatters
	});
}
