/** Rosters: which seats work an extended session on a date; copy a week, repeat weekly. */
import { and, between, eq } from 'drizzle-orm';
import { audit } from '../audit/audit';
import type { Ctx } from '../context';
import { rosterEntries } from '../db/schema';
import { badRequest, notFound } from '../errors';
import { weekdayOf } from './plan';
import * as q from './queries';

const addDays = (date: string, n: number) =>
	new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

function checkAgents(ctx: Ctx, agentIds: number[]): void {
	const known = new Set(q.rosterableAgents(ctx.db).map((a) => a.id));
	const bad = agentIds.filter((a) => !known.has(a));
	if (bad.length) throw badRequest(`not active agents: ${bad.join(', ')}`, 'unknown_agent');
}

/**
 * Sets the seats of a session on a date (replacing that day's list), and on the same weekday
 * for `repeatWeeks` more weeks. The date must fall on the session's weekday.
 */
export function setRoster(
	ctx: Ctx,
	actorId: number,
	input: { date: string; sessionId: number; agentIds: number[]; repeatWeeks?: number }
) {
	const session = q.sessionById(ctx.db, input.sessionId);
	if (!session) throw notFound(`no session ${input.sessionId}`);
	if (weekdayOf(input.date) !== session.weekday)
		throw badRequest(`${input.date} is not on this session's weekday`, 'wrong_weekday');
	const agentIds = [...new Set(input.agentIds)];
	checkAgents(ctx, agentIds);
	const dates = Array.from({ length: (input.repeatWeeks ?? 0) + 1 }, (_, i) =>
		addDays(input.date, 7 * i)
	);
	ctx.db.transaction(() => {
		for (const date of dates) {
			ctx.db
				.delete(rosterEntries)
				.where(and(eq(rosterEntries.date, date), eq(rosterEntries.sessionId, input.sessionId)))
				.run();
			if (agentIds.length)
				ctx.db
					.insert(rosterEntries)
					.values(agentIds.map((agentId) => ({ date, sessionId: input.sessionId, agentId })))
					.run();
		}
		audit(ctx, {
			actorKind: 'user',
			actorId,
			action: 'schedule.roster',
			target: `session:${input.sessionId}`,
			detail: { dates, agentIds }
		});
	});
	return { dates, agentIds };
}

/** Copies every roster entry of the week starting `fromMonday` to the week starting `toMonday` (replacing it). */
export function copyWeek(ctx: Ctx, actorId: number, fromMonday: string, toMonday: string) {
	if (weekdayOf(fromMonday) !== 1 || weekdayOf(toMonday) !== 1)
		throw badRequest('weeks start on a Monday', 'not_monday');
	if (fromMonday === toMonday) throw badRequest('choose another week to copy to', 'same_week');
	const shift = Math.round((Date.parse(toMonday) - Date.parse(fromMonday)) / 86_400_000);
	const src = q.rosterBetween(ctx.db, fromMonday, addDays(fromMonday, 6));
	ctx.db.transaction(() => {
		ctx.db
			.delete(rosterEntries)
			.where(between(rosterEntries.date, toMonday, addDays(toMonday, 6)))
			.run();
		if (src.length)
			ctx.db
				.insert(rosterEntries)
				.values(
					src.map((r) => ({
						date: addDays(r.date, shift),
						sessionId: r.sessionId,
						agentId: r.agentId
					}))
				)
				.onConflictDoNothing()
				.run();
		audit(ctx, {
			actorKind: 'user',
			actorId,
			action: 'schedule.roster.copy',
			target: `${fromMonday}→${toMonday}`,
			detail: { entries: src.length }
		});
	});
	return { copied: src.length };
}

/** Removes one seat from a session on a date. */
export function removeFromRoster(
	ctx: Ctx,
	actorId: number,
	input: { date: string; sessionId: number; agentId: number }
) {
	const n = ctx.db
		.delete(rosterEntries)
		.where(
			and(
				eq(rosterEntries.date, input.date),
				eq(rosterEntries.sessionId, input.sessionId),
				eq(rosterEntries.agentId, input.agentId)
			)
		)
		.run().changes;
	if (!n) throw notFound('no such roster entry');
	audit(ctx, {
		actorKind: 'user',
		actorId,
		action: 'schedule.roster.remove',
		target: `session:${input.sessionId}`,
		detail: input
	});
}

/** An agent's own roster for the coming weeks, with session names and hours. */
export function myRoster(ctx: Ctx, agentId: number, from: string, days = 28) {
	const sessions = new Map(q.listSessions(ctx.db).map((s) => [s.id, s]));
	return q.rosterBetween(ctx.db, from, addDays(from, days - 1), agentId).map((r) => {
		const s = sessions.get(r.sessionId);
		return {
			date: r.date,
			sessionId: r.sessionId,
			name: s?.name ?? '',
			nameEn: s?.nameEn ?? '',
			intervals: s?.intervals ?? []
		};
	});
}

/**
 * Whether an agent is off the roster of an extended session running now: what the desk tells a
 * seat that becomes available outside its roster. Null when no session is running.
 */
export function rosterStatus(ctx: Ctx, agentId: number, now = Date.now()) {
	const local = new Date(now + 8 * 3600_000);
	const date = local.toISOString().slice(0, 10);
	const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
	const data = q.planData(ctx.db);
	const ex = data.exceptions.get(date);
	if (ex?.kind === 'holiday') return null;
	const running = data.sessions.find(
		(s) =>
			s.active &&
			s.weekday === weekdayOf(date) &&
			s.intervals.some(([a, b]) => minute >= toMin(a) && minute < toMin(b))
	);
	if (!running) return null;
	const rostered = q.rosteredIds(ctx.db, date, running.id).includes(agentId);
	return { session: { id: running.id, name: running.name, nameEn: running.nameEn }, rostered };
}

const toMin = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
