/** What the schedule API answers with, read through the scheduler pages' own read models. */
import { listDepartments, listLanguages, listTowns } from '$lib/server/catalog/queries';
import type { Ctx } from '$lib/server/context';
import { badRequest, notFound } from '$lib/server/errors';
import { nextDatesOn, schedulesPage } from '$lib/server/schedule/console';
import {
	rosterableAgents,
	rosterBetween,
	scheduleById,
	sessionById,
	sessionMatterList,
	type RosterTarget
} from '$lib/server/schedule/queries';
import { languageDates } from '$lib/server/schedule/roster';

/** Every schedule with its assignments, as the schedules page reads them. */
export function scheduleList(ctx: Ctx) {
	return schedulesPage(ctx).schedules.map(({ days: _days, ...s }) => s);
}

/** One schedule as the list shows it. */
export function scheduleOf(ctx: Ctx, id: number) {
	const s = scheduleList(ctx).find((x) => x.id === id);
	if (!s) throw notFound(`no schedule ${id}`);
	return s;
}

/**
 * The seats of a session (on each of its dates between `from` and `to`, inclusive) or of a
 * language schedule's hours (on each date it has hours), and the seats that may be rostered.
 */
export function rosterOf(ctx: Ctx, target: RosterTarget, from: string, to: string) {
	let dates: string[];
	if (target.kind === 'session') {
		const session = sessionById(ctx.db, target.id);
		if (!session) throw notFound(`no session ${target.id}`);
		dates = nextDatesOn(session.weekday, from, 14).filter((d) => d <= to);
	} else {
		if (!scheduleById(ctx.db, target.id)) throw notFound(`no schedule ${target.id}`);
		dates = languageDates(ctx, target.id, from, 93).filter((d) => d <= to);
	}
	const entries = rosterBetween(ctx.db, from, to, undefined, target.kind).filter(
		(r) => r.sessionId === target.id
	);
	return {
		...(target.kind === 'session' ? { sessionId: target.id } : { scheduleId: target.id }),
		from,
		to,
		dates: dates.map((date) => ({
			date,
			seats: entries
				.filter((r) => r.date === date)
				.map((r) => ({ agentId: r.agentId, displayName: r.displayName }))
		})),
		agents: rosterableAgents(ctx.db).map((a) => ({ id: a.id, displayName: a.displayName }))
	};
}

/** A session with its matters and version. */
export function sessionOf(ctx: Ctx, id: number) {
	const session = sessionById(ctx.db, id);
	if (!session) throw notFound(`no session ${id}`);
	return { session, matters: sessionMatterList(ctx.db, id) };
}

/** 400 unless every department, town and language named exists (nothing is saved otherwise). */
export function checkTargets(
	ctx: Ctx,
	t: { departmentIds?: number[]; townIds?: number[]; languages?: string[] } | undefined
): void {
	if (!t) return;
	const unknown = <T>(given: T[] | undefined, known: T[], code: string, what: string) => {
		const have = new Set(known);
		const bad = (given ?? []).filter((x) => !have.has(x));
		if (bad.length) throw badRequest(`unknown ${what}: ${bad.slice(0, 5).join(', ')}`, code);
	};
	unknown(
		t.departmentIds,
		listDepartments(ctx.db).map((d) => d.id),
		'unknown_department',
		'departments'
	);
	unknown(
		t.townIds,
		listTowns(ctx.db).map((d) => d.id),
		'unknown_town',
		'towns'
	);
	unknown(
		t.languages,
		listLanguages(ctx.db).map((l) => l.code),
		'unknown_language',
		'languages'
	);
}
