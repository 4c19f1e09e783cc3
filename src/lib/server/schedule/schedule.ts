import { asc, eq } from 'drizzle-orm';
import { audit } from '../audit/audit';
import type { Ctx } from '../context';
import type { Db } from '../db';
import { reference } from '../db/reference';
import { scheduleExceptions, settings } from '../db/schema';
import { badRequest, notFound } from '../errors';
import {
	DEFAULT_HOURS,
	formatShanghai,
	isOpen,
	minutesOf,
	nextOpening,
	type ExceptionKind,
	type Hours,
	type Interval
} from './hours';

export const HOURS_KEY = 'schedule.hours';

/** The stored service hours (the seeded defaults when none are stored). */
export function getHours(db: Db): Hours {
	return (reference(db, 'settings').get(HOURS_KEY) as Hours | undefined) ?? DEFAULT_HOURS;
}

/** Replaces the service hours; takes effect for the next call. */
export function putHours(ctx: Ctx, actorId: number, hours: Hours): Hours {
	for (const [day, list] of [...Object.entries(hours.regular), ...Object.entries(hours.extended)]) {
		const sorted = [...(list ?? [])].sort((a, b) => minutesOf(a[0]) - minutesOf(b[0]));
		for (let i = 0; i < sorted.length; i++) {
			const [a, b] = sorted[i]!;
			if (minutesOf(a) >= minutesOf(b))
				throw badRequest(`${day}: ${a}–${b} ends before it starts`, 'invalid_hours');
			if (i > 0 && minutesOf(a) < minutesOf(sorted[i - 1]![1]))
				throw badRequest(`${day}: ${a}–${b} overlaps another interval`, 'invalid_hours');
		}
	}
	const value = { ...hours, timezone: 'Asia/Shanghai' as const };
	ctx.db
		.insert(settings)
		.values({ key: HOURS_KEY, value })
		.onConflictDoUpdate({
			target: settings.key,
			set: { value, updatedAt: new Date().toISOString() }
		})
		.run();
	audit(ctx, { actorKind: 'user', actorId, action: 'schedule.hours', target: HOURS_KEY });
	return value;
}

/** Holiday and make-up workday exceptions by date. */
export function exceptionMap(db: Db): ReadonlyMap<string, ExceptionKind> {
	return reference(db, 'exceptions');
}

/** Every exception, by date. */
export function listExceptions(db: Db) {
	return db.select().from(scheduleExceptions).orderBy(asc(scheduleExceptions.date)).all();
}

/** Sets a date as a holiday or a make-up workday. */
export function putException(
	ctx: Ctx,
	actorId: number,
	date: string,
	input: { kind: ExceptionKind; note?: string | null }
) {
	const row = { date, kind: input.kind, note: input.note ?? null };
	ctx.db
		.insert(scheduleExceptions)
		.values(row)
		.onConflictDoUpdate({ target: scheduleExceptions.date, set: row })
		.run();
	audit(ctx, { actorKind: 'user', actorId, action: 'schedule.exception', target: date });
	return row;
}

/** Removes an exception; 404 when there is none for that date. */
export function deleteException(ctx: Ctx, actorId: number, date: string): void {
	const n = ctx.db
		.delete(scheduleExceptions)
		.where(eq(scheduleExceptions.date, date))
		.run().changes;
	if (!n) throw notFound(`no exception on ${date}`);
	audit(ctx, { actorKind: 'user', actorId, action: 'schedule.exception.delete', target: date });
}

const ALL_DAY: Interval[] = [['00:00', '24:00']];
/** Every day around the clock: the hours of SERVICE_HOURS=always. */
export const ALWAYS_HOURS: Hours = {
	timezone: 'Asia/Shanghai',
	regular: {
		sun: ALL_DAY,
		mon: ALL_DAY,
		tue: ALL_DAY,
		wed: ALL_DAY,
		thu: ALL_DAY,
		fri: ALL_DAY,
		sat: ALL_DAY
	},
	extended: {}
};

/**
 * Whether a matter is served now, and if not when it next opens (ISO with +08:00).
 * SERVICE_HOURS=always opens everything around the clock (demos and end-to-end runs at any
 * hour), except on dates a scheduler marked as holidays, so the closed path stays testable.
 */
export function matterHours(
	ctx: Ctx,
	weekendExtended: boolean,
	now = Date.now()
): { open: true } | { open: false; opensAt: string | null } {
	const hours = ctx.cfg.SERVICE_HOURS === 'always' ? ALWAYS_HOURS : getHours(ctx.db);
	const ex = exceptionMap(ctx.db);
	if (isOpen(hours, ex, weekendExtended, now)) return { open: true };
	const next = nextOpening(hours, ex, weekendExtended, now);
	return { open: false, opensAt: next === null ? null : formatShanghai(next) };
}
