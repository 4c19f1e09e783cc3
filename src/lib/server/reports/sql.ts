/**
 * The SQL that keeps `report_calls` and `report_daily` (db/schema.ts) correct under live writes:
 * triggers on the tables the calls, ratings and cases write, so a report's sums change in the
 * same transaction as the call's outcome, rating or case step. The migration holds the same
 * statements (`npm run bench:reports` drops the triggers for its bulk load, then rebuilds).
 * The facts follow `metrics/metrics.ts`'s `lifeOf`: first connection, abandonment before any
 * answer, talk per connected stretch, wrap-up until the end.
 */

/** Epoch milliseconds of an ISO instant. */
const ms = (x: string) => `CAST(round(unixepoch(${x}, 'subsec') * 1000) AS INTEGER)`;

/** T for a department (its own, else the district's setting, else 20 s), in ms. */
const answerMs = (dept: string) =>
	`1000 * coalesce((SELECT answer_seconds FROM departments WHERE id = ${dept}), (SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'metrics.answer_seconds'), 20)`;
const shortMs = `1000 * coalesce((SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'metrics.short_abandon_seconds'), 5)`;

/** The columns of `report_daily` and what one `report_calls` row (alias X) adds to them. */
const SUMS: [string, (x: string) => string][] = [
	['offered', () => '1'],
	['answered', (x) => `(${x}.answered_ms IS NOT NULL)`],
	['abandoned', (x) => `(${x}.abandoned_ms IS NOT NULL)`],
	['short_abandoned', (x) => `${x}.short_abandon`],
	['within_t', (x) => `${x}.within_t`],
	['wait_ms', (x) => `coalesce(${x}.answered_ms - ${x}.arrived_ms, 0)`],
	['handled', (x) => `${x}.ended`],
	['handle_ms', (x) => `(CASE WHEN ${x}.ended THEN ${x}.talk_ms + ${x}.wrap_ms ELSE 0 END)`],
	['rated', (x) => `(${x}.score IS NOT NULL)`],
	['score5', (x) => `coalesce(${x}.score = 5, 0)`],
	['score4', (x) => `coalesce(${x}.score = 4, 0)`],
	['score3', (x) => `coalesce(${x}.score = 3, 0)`],
	['bad', (x) => `coalesce(${x}.score <= 2 AND NOT ${x}.appeal_upheld, 0)`],
	['cases', (x) => `${x}.case_rect`],
	['rectified', (x) => `${x}.rectified`],
	['fed_back', (x) => `${x}.fed_back`],
	['called_back', (x) => `${x}.called_back`],
	['cb_reached', (x) => `${x}.cb_reached`],
	['cb_satisfied', (x) => `${x}.cb_satisfied`],
	['booth_calls', (x) => `(${x}.booth_id IS NOT NULL)`]
];

/** The unit a call counts for in each grouping. */
const DIMS: [string, string][] = [
	['department', 'department_id'],
	['town', 'town_id'],
	['agent', 'agent_id'],
	['booth', 'booth_id']
];

const cols = SUMS.map(([c]) => c).join(', ');

function add(x: string): string[] {
	return DIMS.map(
		([dim, unit]) =>
			`INSERT INTO report_daily (dim, day, unit_id, department_id, ${cols}) SELECT '${dim}', ${x}.day, ${x}.${unit}, ${x}.department_id, ${SUMS.map(([, e]) => e(x)).join(', ')} WHERE ${x}.${unit} IS NOT NULL ON CONFLICT (dim, day, unit_id, department_id) DO UPDATE SET ${SUMS.map(([c]) => `${c} = ${c} + excluded.${c}`).join(', ')};`
	);
}

function subtract(x: string): string[] {
	return DIMS.map(
		([dim, unit]) =>
			`UPDATE report_daily SET ${SUMS.map(([c, e]) => `${c} = ${c} - ${e(x)}`).join(', ')} WHERE dim = '${dim}' AND day = ${x}.day AND unit_id = ${x}.${unit} AND department_id = ${x}.department_id;`
	);
}

const factsOfCall = (c: string) =>
	`SELECT ${c}.id, date(${c}.queued_at, '+8 hours'), (SELECT department_id FROM matters WHERE id = ${c}.matter_id), (SELECT town_id FROM booths WHERE id = ${c}.booth_id), ${c}.booth_id, ${c}.agent_id, ${ms(`${c}.queued_at`)}`;

const at = ms('NEW.at');

/** The triggers, each one statement. */
export const TRIGGERS_SQL: string[] = [
	`CREATE TRIGGER report_calls_added AFTER INSERT ON report_calls BEGIN ${add('NEW').join(' ')} END;`,
	`CREATE TRIGGER report_calls_changed AFTER UPDATE ON report_calls BEGIN ${subtract('OLD').join(' ')} ${add('NEW').join(' ')} END;`,
	`CREATE TRIGGER report_calls_removed AFTER DELETE ON report_calls BEGIN ${subtract('OLD').join(' ')} END;`,
	`CREATE TRIGGER report_call_created AFTER INSERT ON calls BEGIN INSERT INTO report_calls (call_id, day, department_id, town_id, booth_id, agent_id, arrived_ms) ${factsOfCall('NEW')}; END;`,
	`CREATE TRIGGER report_call_moved AFTER UPDATE OF matter_id, agent_id, booth_id ON calls BEGIN UPDATE report_calls SET department_id = (SELECT department_id FROM matters WHERE id = NEW.matter_id), town_id = (SELECT town_id FROM booths WHERE id = NEW.booth_id), booth_id = NEW.booth_id, agent_id = NEW.agent_id WHERE call_id = NEW.id AND (department_id IS NOT (SELECT department_id FROM matters WHERE id = NEW.matter_id) OR booth_id IS NOT NEW.booth_id OR agent_id IS NOT NEW.agent_id); END;`,
	`CREATE TRIGGER report_call_deleted AFTER DELETE ON calls BEGIN DELETE FROM report_calls WHERE call_id = OLD.id; END;`,
	`CREATE TRIGGER report_call_step AFTER INSERT ON call_events WHEN NEW.type IN ('connected', 'transferred', 'wrap_up', 'ended', 'abandoned') BEGIN UPDATE report_calls SET ` +
		[
			`within_t = CASE WHEN NEW.type = 'connected' AND answered_ms IS NULL THEN (${at} - arrived_ms) <= ${answerMs('report_calls.department_id')} ELSE within_t END`,
			`answered_ms = CASE WHEN NEW.type = 'connected' THEN coalesce(answered_ms, ${at}) ELSE answered_ms END`,
			`talk_ms = CASE WHEN NEW.type IN ('transferred', 'wrap_up') AND talk_from_ms IS NOT NULL THEN talk_ms + ${at} - talk_from_ms ELSE talk_ms END`,
			`talk_from_ms = CASE NEW.type WHEN 'connected' THEN ${at} WHEN 'transferred' THEN NULL WHEN 'wrap_up' THEN NULL ELSE talk_from_ms END`,
			`wrap_ms = CASE WHEN NEW.type = 'ended' AND wrap_from_ms IS NOT NULL THEN wrap_ms + ${at} - wrap_from_ms ELSE wrap_ms END`,
			`wrap_from_ms = CASE NEW.type WHEN 'wrap_up' THEN ${at} WHEN 'ended' THEN NULL ELSE wrap_from_ms END`,
			`ended = CASE WHEN NEW.type = 'ended' THEN 1 ELSE ended END`,
			`short_abandon = CASE WHEN NEW.type = 'abandoned' AND answered_ms IS NULL THEN (${at} - arrived_ms) <= ${shortMs} ELSE short_abandon END`,
			`abandoned_ms = CASE WHEN NEW.type = 'abandoned' AND answered_ms IS NULL THEN ${at} ELSE abandoned_ms END`
		].join(', ') +
		` WHERE call_id = NEW.call_id; END;`,
	`CREATE TRIGGER report_rating_added AFTER INSERT ON ratings BEGIN UPDATE report_calls SET score = NEW.score WHERE call_id = NEW.call_id; END;`,
	`CREATE TRIGGER report_rating_changed AFTER UPDATE OF score ON ratings BEGIN UPDATE report_calls SET score = NEW.score WHERE call_id = NEW.call_id; END;`,
	`CREATE TRIGGER report_rating_removed AFTER DELETE ON ratings BEGIN UPDATE report_calls SET score = NULL WHERE call_id = OLD.call_id; END;`,
	`CREATE TRIGGER report_case_removed AFTER DELETE ON follow_ups WHEN OLD.kind = 'rectification' BEGIN UPDATE report_calls SET case_rect = 0, rectified = 0, fed_back = 0, called_back = 0, cb_reached = 0, cb_satisfied = 0, appeal_upheld = 0 WHERE call_id = OLD.call_id; END;`,
	...['INSERT', 'UPDATE'].map(
		(op) =>
			`CREATE TRIGGER report_case_${op === 'INSERT' ? 'opened' : 'stepped'} AFTER ${op} ON follow_ups WHEN NEW.kind = 'rectification' BEGIN UPDATE report_calls SET ${caseCols('NEW')} WHERE call_id = NEW.call_id; END;`
	)
];

function caseCols(f: string): string {
	return [
		`case_rect = (${f}.appeal_decision IS NOT 'upheld')`,
		`appeal_upheld = (${f}.appeal_decision IS 'upheld')`,
		`rectified = (${f}.rectified_at IS NOT NULL)`,
		`fed_back = (${f}.fed_back_at IS NOT NULL)`,
		`called_back = (${f}.called_back_at IS NOT NULL)`,
		`cb_reached = (${f}.called_back_at IS NOT NULL AND ${f}.callback_satisfied IS NOT NULL)`,
		`cb_satisfied = coalesce(${f}.called_back_at IS NOT NULL AND ${f}.callback_satisfied = 1, 0)`
	].join(', ');
}

/**
 * Rebuilds both tables from the raw rows (triggers must be absent: they would count twice):
 * the migration runs it for the calls recorded before it, the benchmark after its bulk load.
 */
export const REBUILD_SQL: string[] = [
	`DELETE FROM report_daily;`,
	`DELETE FROM report_calls;`,
	`INSERT INTO report_calls (call_id, day, department_id, town_id, booth_id, agent_id, arrived_ms) ${factsOfCall('c')} FROM calls c;`,
	`WITH ev AS (SELECT call_id, id, type, ${ms('at')} AS t, lead(type) OVER w AS next_type, lead(${ms('at')}) OVER w AS next_t FROM call_events WHERE type IN ('connected', 'transferred', 'wrap_up', 'ended', 'abandoned') WINDOW w AS (PARTITION BY call_id ORDER BY id)), ` +
		`first AS (SELECT call_id, min(CASE WHEN type = 'connected' THEN id END) AS conn_id FROM ev GROUP BY call_id), ` +
		`per AS (SELECT ev.call_id, min(CASE WHEN type = 'connected' THEN t END) AS answered, ` +
		`sum(CASE WHEN type = 'connected' AND next_type IN ('transferred', 'wrap_up') THEN next_t - t ELSE 0 END) AS talk, ` +
		`max(CASE WHEN type = 'connected' AND next_type IS NULL THEN t END) AS talk_from, ` +
		`sum(CASE WHEN type = 'wrap_up' AND next_type = 'ended' THEN next_t - t ELSE 0 END) AS wrap, ` +
		`max(CASE WHEN type = 'wrap_up' AND next_type IS NULL THEN t END) AS wrap_from, ` +
		`max(type = 'ended') AS ended, ` +
		`max(CASE WHEN type = 'abandoned' AND (first.conn_id IS NULL OR ev.id < first.conn_id) THEN t END) AS abandoned ` +
		`FROM ev JOIN first ON first.call_id = ev.call_id GROUP BY ev.call_id) ` +
		`UPDATE report_calls SET answered_ms = per.answered, talk_ms = per.talk, talk_from_ms = per.talk_from, wrap_ms = per.wrap, wrap_from_ms = per.wrap_from, ended = per.ended, abandoned_ms = per.abandoned, ` +
		`within_t = coalesce(per.answered - report_calls.arrived_ms <= ${answerMs('report_calls.department_id')}, 0), ` +
		`short_abandon = coalesce(per.abandoned - report_calls.arrived_ms <= ${shortMs}, 0) ` +
		`FROM per WHERE per.call_id = report_calls.call_id;`,
	`UPDATE report_calls SET score = r.score FROM ratings r WHERE r.call_id = report_calls.call_id;`,
	`UPDATE report_calls SET ${caseCols('f')} FROM follow_ups f WHERE f.call_id = report_calls.call_id AND f.kind = 'rectification';`,
	...DIMS.map(
		([dim, unit]) =>
			`INSERT INTO report_daily (dim, day, unit_id, department_id, ${cols}) SELECT '${dim}', day, ${unit}, department_id, ${SUMS.map(([, e]) => `sum(${e('x')})`).join(', ')} FROM report_calls x WHERE ${unit} IS NOT NULL GROUP BY day, ${unit}, department_id;`
	)
];

/** The trigger names, for dropping them around a bulk load. */
export const TRIGGER_NAMES = TRIGGERS_SQL.map((s) => /CREATE TRIGGER (\w+)/.exec(s)![1]!);
