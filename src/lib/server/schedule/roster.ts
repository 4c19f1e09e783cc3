/**
 * Rosters: which seats work an extended session, or a language's own seat hours (外语坐席), on
 * a date; copy a week, repeat weekly.
 */
import { and, between, eq } from 'drizzle-orm';
import { audit } from '../audit/audit';
import type { Ctx } from '../context';
import { badRequest, notFound } from '../errors';
import { localParts, type Interval } from './hours';
import { scheduleDay, weekdayOf } from './plan';
import * as q from './queries';
import type { RosterKind, RosterTarget } from './queries';

const addDays = (date: string, n: number) =>
	new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

function checkAgents(ctx: Ctx, agentIds: number[]): void {
	const known = new Set(q.rosterableAgents(ctx.db).map((a) => a.id));
	const bad = agentIds.filter((a) => !known.has(a));
	if (bad.length) throw badRequest(`not active agents: ${bad.join(', ')}`, 'unknown_agent');
}

/** The languages a schedule is assigned to (a language schedule has at least one). */
export function languagesOf(ctx: Pick<Ctx, 'db'>, scheduleId: number): string[] {
	return q
		.listAssignments(ctx.db)
		.filter((a) => a.kind === 'language' && a.scheduleId === scheduleId)
		.map((a) => a.ref);
}

/** 404 for an unknown target; the rule a rostered date must follow (400 when it does not). */
function targetRule(ctx: Ctx, target: RosterTarget): (date: string) => void {
	if (target.kind === 'session') {
		const session = q.sessionById(ctx.db, target.id);
		if (!session) throw notFound(`no session ${target.id}`);
		return (date) => {
			if (weekdayOf(date) !== session.weekday)
				throw badRequest(`${date} is not on this session's weekday`, 'wrong_weekday');
		};
	}
	if (!q.scheduleById(ctx.db, target.id)) throw notFound(`no schedule ${target.id}`);
	if (!languagesOf(ctx, target.id).length)
		throw badRequest(
			'only a schedule assigned to a language has seats rostered',
			'not_language_schedule'
		);
	return (date) => {
		if (!scheduleDay(q.planData(ctx.db), target.id, date).length)
			throw badRequest(`this schedule has no hours on ${date}`, 'wrong_weekday');
	};
}

const auditTarget = (t: RosterTarget) => `${t.kind === 'session' ? 'session' : 'schedule'}:${t.id}`;

/**
 * Sets the seats of a session (or language hours) on a date, replacing that day's list, and on
 * the same weekday for `repeatWeeks` more weeks. Each date must be one the target runs on.
 */
export function setRoster(
	ctx: Ctx,
	actorId: number,
	input: { date: string; agentIds: number[]; repeatWeeks?: number } & (
		{ sessionId: number } | { target: RosterTarget }
	)
) {
	const target: RosterTarget =
		'target' in input ? input.target : { kind: 'session', id: input.sessionId };
	const check = targetRule(ctx, target);
	const agentIds = [...new Set(input.agentIds)];
	checkAgents(ctx, agentIds);
	const dates = Array.from({ length: (input.repeatWeeks ?? 0) + 1 }, (_, i) =>
		addDays(input.date, 7 * i)
	);
	// Repeating skips the weeks the target does not run (a holiday), but the first date must.
	check(input.date);
	const runs = dates.filter((d) => {
		try {
			check(d);
			return true;
		} catch {
			return false;
		}
	});
	const { table, target: col } = q.rosterTable(target.kind);
	ctx.db.transaction(() => {
		for (const date of runs) {
			ctx.db
				.delete(table)
				.where(and(eq(table.date, date), eq(col, target.id)))
				.run();
			if (agentIds.length)
				ctx.db
					.insert(table)
					.values(agentIds.map((agentId) => q.rosterRow(target.kind, date, target.id, agentId)))
					.run();
		}
		audit(ctx, {
			actorKind: 'user',
			actorId,
			action: 'schedule.roster',
			target: auditTarget(target),
			detail: { dates: runs, agentIds }
		});
	});
	return { dates: runs, agentIds };
}

/**
 * Copies every roster entry (sessions and language hours) of the week starting `fromMonday` to
 * the week starting `toMonday`, replacing it.
 */
export function copyWeek(ctx: Ctx, actorId: number, fromMonday: string, toMonday: string) {
	if (weekdayOf(fromMonday) !== 1 || weekdayOf(toMonday) !== 1)
		throw badRequest('weeks start on a Monday', 'not_monday');
	if (fromMonday === toMonday) throw badRequest('choose another week to copy to', 'same_week');
	const shift = Math.round((Date.parse(toMonday) - Date.parse(fromMonday)) / 86_400_000);
	let copied = 0;
	ctx.db.transaction(() => {
		for (const kind of ['session', 'language'] as const) {
			const src = q.rosterBetween(ctx.db, fromMonday, addDays(fromMonday, 6), undefined, kind);
			const { table } = q.rosterTable(kind);
			ctx.db
				.delete(table)
				.where(between(table.date, toMonday, addDays(toMonday, 6)))
				.run();
			if (src.length)
				ctx.db
					.insert(table)
					.values(src.map((r) => q.rosterRow(kind, addDays(r.date, shift), r.sessionId, r.agentId)))
					.onConflictDoNothing()
					.run();
			copied += src.length;
		}
		audit(ctx, {
			actorKind: 'user',
			actorId,
			action: 'schedule.roster.copy',
			target: `${fromMonday}→${toMonday}`,
			detail: { entries: copied }
		});
	});
	return { copied };
}

/** Removes one seat from a session (or language hours) on a date. */
export function removeFromRoster(
	ctx: Ctx,
	actorId: number,
	input: { date: string; sessionId: number; agentId: number; kind?: RosterKind }
) {
	const kind = input.kind ?? 'session';
	const { table, target } = q.rosterTable(kind);
	const n = ctx.db
		.delete(table)
		.where(
			and(eq(table.date, input.date), eq(target, input.sessionId), eq(table.agentId, input.agentId))
		)
		.run().changes;
	if (!n) throw notFound('no such roster entry');
	audit(ctx, {
		actorKind: 'user',
		actorId,
		action: 'schedule.roster.remove',
		target: auditTarget({ kind, id: input.sessionId }),
		detail: input
	});
}

/** An agent's own roster for the coming weeks (sessions and language hours), with names and hours. */
export function myRoster(ctx: Ctx, agentId: number, from: string, days = 28) {
	const to = addDays(from, days - 1);
	const sessions = new Map(q.listSessions(ctx.db).map((s) => [s.id, s]));
	const schedules = new Map(q.listSchedules(ctx.db).map((s) => [s.id, s]));
	const data = q.planData(ctx.db);
	const hhmm = (m: number) =>
		`${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
	const ofSessions = q.rosterBetween(ctx.db, from, to, agentId).map((r) => {
		const s = sessions.get(r.sessionId);
		return {
			date: r.date,
			kind: 'session' as RosterKind,
			sessionId: r.sessionId,
			name: s?.name ?? '',
			nameEn: s?.nameEn ?? '',
			intervals: (s?.intervals ?? []) as Interval[]
		};
	});
	const ofLanguages = q.rosterBetween(ctx.db, from, to, agentId, 'language').map((r) => {
		const s = schedules.get(r.sessionId);
		return {
			date: r.date,
			kind: 'language' as RosterKind,
			sessionId: r.sessionId,
			name: s?.name ?? '',
			nameEn: s?.nameEn ?? '',
			intervals: scheduleDay(data, r.sessionId, r.date).map(([a, b]): Interval => [
				hhmm(a),
				hhmm(b)
			])
		};
	});
	return [...ofSessions, ...ofLanguages].sort(
		(a, b) =>
			a.date.localeCompare(b.date) ||
			a.intervals[0]?.[0].localeCompare(b.intervals[0]?.[0] ?? '') ||
			0
	);
}

/**
 * What the desk tells a seat about the rosters running now: for each extended session running,
 * and each language schedule of a language the seat speaks whose hours are running, whether
 * the seat is rostered (a seat off the roster gets none of those calls). Empty when none runs.
 */
export function rosterStatus(
	ctx: Ctx,
	agentId: number,
	languages: readonly string[],
	now = Date.now()
) {
	const { date, minute } = localParts(now);
	const data = q.planData(ctx.db);
	if (data.exceptions.get(date)?.kind === 'holiday') return [];
	const inside = (spans: [number, number][]) => spans.some(([a, b]) => minute >= a && minute < b);
	const out: {
		kind: RosterKind;
		id: number;
		name: string;
		nameEn: string;
		rostered: boolean;
	}[] = [];
	for (const s of data.sessions) {
		if (!s.active || s.weekday !== weekdayOf(date)) continue;
		if (!s.intervals.some(([a, b]) => minute >= toMin(a) && minute < toMin(b))) continue;
		const rostered = q.rosteredIds(ctx.db, date, { kind: 'session', id: s.id }).includes(agentId);
		out.push({ kind: 'session', id: s.id, name: s.name, nameEn: s.nameEn, rostered });
	}
	const scheduleIds = new Set(
		languages.flatMap((l) => {
			const id = data.assigned.get(`language:${l}`);
			return id === undefined ? [] : [id];
		})
	);
	for (const s of q.listSchedules(ctx.db)) {
		if (!scheduleIds.has(s.id) || !inside(scheduleDay(data, s.id, date))) continue;
		const rostered = q.rosteredIds(ctx.db, date, { kind: 'language', id: s.id }).includes(agentId);
		out.push({ kind: 'language', id: s.id, name: s.name, nameEn: s.nameEn, rostered });
	}
	return out;
}

/** The coming dates a language schedule has hours on, from `from` (at most `count`, within 8 weeks). */
export function languageDates(
	ctx: Pick<Ctx, 'db'>,
	scheduleId: number,
	from: string,
	count: number
) {
	const data = q.planData(ctx.db);
	const out: string[] = [];
	for (let i = 0; i < 56 && out.length < count; i++) {
		const d = addDays(from, i);
		if (scheduleDay(data, scheduleId, d).length) out.push(d);
	}
	return out;
}

const toMin = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
