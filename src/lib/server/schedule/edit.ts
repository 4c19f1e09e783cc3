/**
 * A scheduler's edits: every one versioned (a stale version is refused with 409
 * `version_conflict`, nothing changed), audited, and seen at once by every process (the
 * `ref_version` triggers move on each write).
 */
import { and, eq, inArray } from 'drizzle-orm';
import { audit } from '../audit/audit';
import type { Ctx } from '../context';
import {
	extendedSessions,
	scheduleAssignments,
	scheduleExceptions,
	schedules,
	sessionMatters
} from '../db/schema';
import { badRequest, conflict, notFound } from '../errors';
import { DAYS, minutesOf, type Hours, type Interval } from './hours';
import * as q from './queries';

/** 400 unless every list of intervals is well-formed, ordered and free of overlaps. */
export function checkIntervals(label: string, list: readonly Interval[]): void {
	const sorted = [...list].sort((a, b) => minutesOf(a[0]) - minutesOf(b[0]));
	for (let i = 0; i < sorted.length; i++) {
		const [a, b] = sorted[i]!;
		if (minutesOf(a) >= minutesOf(b))
			throw badRequest(`${label}: ${a}–${b} ends before it starts`, 'invalid_hours');
		if (i > 0 && minutesOf(a) < minutesOf(sorted[i - 1]![1]))
			throw badRequest(`${label}: ${a}–${b} overlaps another interval`, 'invalid_hours');
	}
}

const stale = (what: string, current: number) =>
	conflict(
		'version_conflict',
		`${what} was changed by someone else meanwhile; reload and apply your change again`,
		{
			currentVersion: current
		}
	);

export interface ScheduleInput {
	name: string;
	nameEn?: string;
	pattern: Record<string, Interval[]>;
	assign?: { departmentIds?: number[]; townIds?: number[]; languages?: string[] };
	version?: number;
}

/** Creates (id null) or updates a named schedule and what it is assigned to. */
export function saveSchedule(ctx: Ctx, actorId: number, id: number | null, input: ScheduleInput) {
	const pattern = Object.fromEntries(DAYS.map((d) => [d, input.pattern[d] ?? []]));
	for (const d of DAYS) checkIntervals(d, pattern[d]!);
	return ctx.db.transaction((tx) => {
		let row;
		if (id === null) {
			if (tx.select().from(schedules).where(eq(schedules.name, input.name)).get())
				throw conflict('name_taken', `A schedule named ${input.name} exists`);
			row = tx
				.insert(schedules)
				.values({ name: input.name, nameEn: input.nameEn ?? '', pattern })
				.returning()
				.get();
		} else {
			const cur = tx.select().from(schedules).where(eq(schedules.id, id)).get();
			if (!cur) throw notFound(`no schedule ${id}`);
			if (input.version !== undefined && input.version !== cur.version)
				throw stale('This schedule', cur.version);
			if (
				input.name !== cur.name &&
				tx.select().from(schedules).where(eq(schedules.name, input.name)).get()
			)
				throw conflict('name_taken', `A schedule named ${input.name} exists`);
			row = tx
				.update(schedules)
				.set({
					name: input.name,
					nameEn: input.nameEn ?? cur.nameEn,
					pattern,
					version: cur.version + 1,
					updatedAt: new Date().toISOString()
				})
				.where(eq(schedules.id, id))
				.returning()
				.get();
		}
		if (input.assign) {
			const targets = [
				...(input.assign.departmentIds ?? []).map((r) => ({
					kind: 'department' as const,
					ref: String(r)
				})),
				...(input.assign.townIds ?? []).map((r) => ({ kind: 'town' as const, ref: String(r) })),
				...(input.assign.languages ?? []).map((r) => ({ kind: 'language' as const, ref: r }))
			];
			tx.delete(scheduleAssignments).where(eq(scheduleAssignments.scheduleId, row.id)).run();
			for (const t of targets)
				tx.insert(scheduleAssignments)
					.values({ ...t, scheduleId: row.id })
					.onConflictDoUpdate({
						target: [scheduleAssignments.kind, scheduleAssignments.ref],
						set: { scheduleId: row.id }
					})
					.run();
		}
		audit(ctx, {
			actorKind: 'user',
			actorId,
			action: id === null ? 'schedule.create' : 'schedule.update',
			target: `schedule:${row.id}`,
			detail: { name: row.name, version: row.version, pattern, assign: input.assign ?? null }
		});
		return row;
	});
}

/** Deletes a schedule (never the default); what followed it falls back to the default. */
export function deleteSchedule(ctx: Ctx, actorId: number, id: number, version?: number): void {
	const cur = q.scheduleById(ctx.db, id);
	if (!cur) throw notFound(`no schedule ${id}`);
	if (cur.isDefault)
		throw conflict('default_schedule', 'The district default schedule cannot be deleted');
	if (version !== undefined && version !== cur.version) throw stale('This schedule', cur.version);
	ctx.db.transaction((tx) => {
		tx.delete(schedules).where(eq(schedules.id, id)).run();
		audit(ctx, {
			actorKind: 'user',
			actorId,
			action: 'schedule.delete',
			target: `schedule:${id}`,
			detail: { name: cur.name }
		});
	});
}

export interface SessionInput {
	name: string;
	nameEn?: string;
	weekday: number;
	intervals: Interval[];
	active?: boolean;
	matterIds?: number[];
	version?: number;
}

/** Creates (id null) or updates an extended session and the matters it covers. */
export function saveSession(ctx: Ctx, actorId: number, id: number | null, input: SessionInput) {
	checkIntervals(input.name, input.intervals);
	const ids = input.matterIds ? [...new Set(input.matterIds)] : undefined;
	if (ids) {
		const known = new Set(q.existingMatterIds(ctx.db, ids));
		const missing = ids.filter((m) => !known.has(m));
		if (missing.length)
			throw badRequest(`unknown matters ${missing.slice(0, 5).join(', ')}`, 'unknown_matter');
	}
	return ctx.db.transaction((tx) => {
		const values = {
			name: input.name,
			nameEn: input.nameEn ?? '',
			weekday: input.weekday,
			intervals: input.intervals,
			active: input.active ?? true
		};
		let row;
		if (id === null) row = tx.insert(extendedSessions).values(values).returning().get();
		else {
			const cur = tx.select().from(extendedSessions).where(eq(extendedSessions.id, id)).get();
			if (!cur) throw notFound(`no session ${id}`);
			if (input.version !== undefined && input.version !== cur.version)
				throw stale('This session', cur.version);
			row = tx
				.update(extendedSessions)
				.set({ ...values, version: cur.version + 1, updatedAt: new Date().toISOString() })
				.where(eq(extendedSessions.id, id))
				.returning()
				.get();
		}
		if (ids) {
			tx.delete(sessionMatters).where(eq(sessionMatters.sessionId, row.id)).run();
			for (let i = 0; i < ids.length; i += 200)
				tx.insert(sessionMatters)
					.values(ids.slice(i, i + 200).map((matterId) => ({ sessionId: row.id, matterId })))
					.run();
		}
		audit(ctx, {
			actorKind: 'user',
			actorId,
			action: id === null ? 'schedule.session.create' : 'schedule.session.update',
			target: `session:${row.id}`,
			detail: { ...values, version: row.version, matters: ids?.length ?? null }
		});
		return row;
	});
}

/** Deletes an extended session with its matters and roster. */
export function deleteSession(ctx: Ctx, actorId: number, id: number, version?: number): void {
	const cur = q.sessionById(ctx.db, id);
	if (!cur) throw notFound(`no session ${id}`);
	if (version !== undefined && version !== cur.version) throw stale('This session', cur.version);
	ctx.db.transaction((tx) => {
		tx.delete(extendedSessions).where(eq(extendedSessions.id, id)).run();
		audit(ctx, {
			actorKind: 'user',
			actorId,
			action: 'schedule.session.delete',
			target: `session:${id}`,
			detail: { name: cur.name }
		});
	});
}

export interface ExceptionInput {
	kind: 'holiday' | 'workday' | 'closed' | 'extra';
	note?: string | null;
	weekday?: number | null;
	intervals?: Interval[] | null;
	version?: number;
}

/** Sets a date's exception: holiday, make-up workday (with the weekday it follows), closed or extra hours. */
export function putException(ctx: Ctx, actorId: number, date: string, input: ExceptionInput) {
	if (input.intervals) checkIntervals(date, input.intervals);
	if (input.kind === 'extra' && !input.intervals?.length)
		throw badRequest('extra hours need at least one interval', 'invalid_hours');
	const cur = q.exceptionRow(ctx.db, date);
	if (cur && input.version !== undefined && input.version !== cur.version)
		throw stale(`The exception of ${date}`, cur.version);
	const row = {
		date,
		kind: input.kind,
		note: input.note ?? null,
		weekday: input.kind === 'workday' ? (input.weekday ?? 1) : null,
		intervals: input.kind === 'closed' || input.kind === 'extra' ? (input.intervals ?? null) : null,
		source: 'manual' as const
	};
	const saved = ctx.db
		.insert(scheduleExceptions)
		.values(row)
		.onConflictDoUpdate({
			target: scheduleExceptions.date,
			set: { ...row, version: (cur?.version ?? 0) + 1 }
		})
		.returning()
		.get();
	audit(ctx, {
		actorKind: 'user',
		actorId,
		action: 'schedule.exception',
		target: date,
		detail: row
	});
	return saved;
}

/** Removes an exception; 404 when there is none for that date. */
export function deleteException(ctx: Ctx, actorId: number, date: string, version?: number): void {
	const cur = q.exceptionRow(ctx.db, date);
	if (!cur) throw notFound(`no exception on ${date}`);
	if (version !== undefined && version !== cur.version)
		throw stale(`The exception of ${date}`, cur.version);
	ctx.db.delete(scheduleExceptions).where(eq(scheduleExceptions.date, date)).run();
	audit(ctx, { actorKind: 'user', actorId, action: 'schedule.exception.delete', target: date });
}

export interface ImportDay {
	date: string;
	kind: 'holiday' | 'workday';
	note: string | null;
	weekday: number | null;
}

/** Applies a confirmed holiday import; manual exceptions on those dates are kept. */
export function applyImport(ctx: Ctx, actorId: number, days: ImportDay[], source: string) {
	let added = 0;
	let kept = 0;
	ctx.db.transaction((tx) => {
		for (const d of days) {
			const cur = tx
				.select()
				.from(scheduleExceptions)
				.where(eq(scheduleExceptions.date, d.date))
				.get();
			if (cur?.source === 'manual') {
				kept++;
				continue;
			}
			const row = { ...d, intervals: null, source: 'import' as const };
			tx.insert(scheduleExceptions)
				.values(row)
				.onConflictDoUpdate({
					target: scheduleExceptions.date,
					set: { ...row, version: (cur?.version ?? 0) + 1 }
				})
				.run();
			added++;
		}
		audit(ctx, {
			actorKind: 'user',
			actorId,
			action: 'schedule.import',
			target: source,
			detail: { added, kept }
		});
	});
	return { added, kept };
}

/**
 * The contract's PUT hours: `regular` replaces the default schedule's week; `extended` sets the
 * hours of the first session on each weekday (creating one with no matters where none exists;
 * an empty or missing day deactivates that weekday's sessions).
 */
export function putHours(ctx: Ctx, actorId: number, hours: Hours): Hours {
	for (const [day, list] of [...Object.entries(hours.regular), ...Object.entries(hours.extended)])
		checkIntervals(day, list ?? []);
	ctx.db.transaction((tx) => {
		const def = tx.select().from(schedules).where(eq(schedules.isDefault, true)).get();
		const pattern = Object.fromEntries(DAYS.map((d) => [d, hours.regular[d] ?? []]));
		if (def)
			tx.update(schedules)
				.set({ pattern, version: def.version + 1 })
				.where(eq(schedules.id, def.id))
				.run();
		else
			tx.insert(schedules)
				.values({
					name: '区政务服务中心',
					nameEn: 'District service centre',
					pattern,
					isDefault: true
				})
				.run();
		const sessions = tx.select().from(extendedSessions).all();
		DAYS.forEach((d, weekday) => {
			const list = hours.extended[d] ?? [];
			const mine = sessions.filter((s) => s.weekday === weekday);
			if (!list.length) {
				if (mine.length)
					tx.update(extendedSessions)
						.set({ active: false })
						.where(
							and(
								eq(extendedSessions.weekday, weekday),
								inArray(
									extendedSessions.id,
									mine.map((s) => s.id)
								)
							)
						)
						.run();
				return;
			}
			const first = mine[0];
			if (first)
				tx.update(extendedSessions)
					.set({ intervals: list, active: true, version: first.version + 1 })
					.where(eq(extendedSessions.id, first.id))
					.run();
			else
				tx.insert(extendedSessions)
					.values({
						name: `延时服务（${d}）`,
						nameEn: `Extended hours (${d})`,
						weekday,
						intervals: list
					})
					.run();
		});
		audit(ctx, { actorKind: 'user', actorId, action: 'schedule.hours', target: 'schedule.hours' });
	});
	return { timezone: 'Asia/Shanghai', regular: hours.regular, extended: hours.extended };
}
