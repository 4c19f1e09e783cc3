import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db';
import {
	agentSkills,
	extendedSessions,
	languageRoster,
	matters,
	rosterEntries,
	scheduleAssignments,
	schedules,
	sessionMatters,
	settings
} from '../db/schema';
import { DEFAULT_HOURS, type Hours, type Interval } from '../schedule/hours';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
const week = (list: Interval[]) =>
	Object.fromEntries(
		['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d) => [
			d,
			(WEEKDAYS as readonly string[]).includes(d) ? list : []
		])
	);

/**
 * The district's schedules (once; a scheduler's later edits are kept): the district default
 * (the hours stored before schedules existed, if any), the town centres', the foreign-language
 * seats' (Japanese 09:00–21:00 on weekdays), and the Saturday-morning pilot session of 66
 * matters (26 district-level, 40 town-level), starting from the matters the catalogue marks
 * for weekends.
 */
export function seedSchedules(db: Db): void {
	if (
		db
			.select({ n: sql<number>`count(*)` })
			.from(schedules)
			.get()!.n > 0
	)
		return;
	db.transaction((tx) => {
		const stored = tx.select().from(settings).where(eq(settings.key, 'schedule.hours')).get()
			?.value as Hours | undefined;
		const hours = stored ?? DEFAULT_HOURS;
		tx.insert(schedules)
			.values({
				name: '区政务服务中心',
				nameEn: 'District service centre',
				pattern: hours.regular,
				isDefault: true
			})
			.run();
		tx.insert(schedules)
			.values({
				name: '镇街便民服务中心',
				nameEn: 'Town service centres',
				pattern: week([
					['09:00', '12:00'],
					['14:00', '17:30']
				])
			})
			.run();
		const lang = tx
			.insert(schedules)
			.values({
				name: '外语坐席',
				nameEn: 'Foreign-language seats',
				pattern: week([['09:00', '21:00']])
			})
			.returning()
			.get();
		tx.insert(scheduleAssignments)
			.values({ kind: 'language', ref: 'ja', scheduleId: lang.id })
			.run();
		const sat = hours.extended.sat?.length
			? hours.extended.sat
			: ([['09:00', '12:00']] as Interval[]);
		const session = tx
			.insert(extendedSessions)
			.values({
				name: '周六上午延时服务',
				nameEn: 'Saturday morning extended hours',
				weekday: 6,
				intervals: sat
			})
			.returning()
			.get();
		const pick = (level: 'district' | 'town', n: number) =>
			tx
				.select({ id: matters.id })
				.from(matters)
				.where(and(eq(matters.level, level), eq(matters.active, true)))
				.orderBy(
					sql`${matters.weekendExtended} DESC`,
					sql`${matters.popularity} DESC`,
					asc(matters.id)
				)
				.limit(n)
				.all();
		const ids = [...pick('district', 26), ...pick('town', 40)].map((m) => m.id);
		if (ids.length)
			tx.insert(sessionMatters)
				.values(ids.map((matterId) => ({ sessionId: session.id, matterId })))
				.run();
	});
}

const DEMO_ROSTER_WEEKS = 12;

/**
 * The demo's rosters for the coming weeks: the seats speaking a language with its own schedule
 * (外语坐席) on that schedule's days, and up to eight seats skilled in the Saturday session's
 * matters on its Saturdays. Without them the demo's Japanese and Saturday callers would wait.
 */
export function seedDemoRosters(db: Db, now = Date.now()): void {
	const today = new Date(now + 8 * 3600_000).toISOString().slice(0, 10);
	const dates = Array.from({ length: DEMO_ROSTER_WEEKS * 7 }, (_, i) =>
		new Date(Date.parse(`${today}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10)
	);
	const dayOf = (d: string) =>
		['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'][new Date(`${d}T00:00:00Z`).getUTCDay()]!;
	const skilled = (where: ReturnType<typeof eq>) => [
		...new Set(
			db
				.select({ userId: agentSkills.userId })
				.from(agentSkills)
				.where(where)
				.orderBy(asc(agentSkills.userId))
				.all()
				.map((r) => r.userId)
		)
	];
	// (runs inside the demo seed's transaction)
	for (const a of db
		.select()
		.from(scheduleAssignments)
		.where(eq(scheduleAssignments.kind, 'language'))
		.all()) {
		const pattern = db.select().from(schedules).where(eq(schedules.id, a.scheduleId)).get()
			?.pattern as Record<string, Interval[]> | undefined;
		const seats = skilled(and(eq(agentSkills.kind, 'language'), eq(agentSkills.code, a.ref))!);
		const rows = dates
			.filter((d) => pattern?.[dayOf(d)]?.length)
			.flatMap((date) => seats.map((agentId) => ({ date, scheduleId: a.scheduleId, agentId })));
		if (rows.length) db.insert(languageRoster).values(rows).onConflictDoNothing().run();
	}
	for (const session of db.select().from(extendedSessions).all()) {
		const matterIds = db
			.select({ id: sessionMatters.matterId })
			.from(sessionMatters)
			.where(eq(sessionMatters.sessionId, session.id))
			.all()
			.map((r) => r.id);
		if (!matterIds.length) continue;
		const seats = skilled(
			and(eq(agentSkills.kind, 'matter'), inArray(agentSkills.matterId, matterIds))!
		).slice(0, 8);
		const rows = dates
			.filter((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === session.weekday)
			.flatMap((date) => seats.map((agentId) => ({ date, sessionId: session.id, agentId })));
		if (rows.length) db.insert(rosterEntries).values(rows).onConflictDoNothing().run();
	}
}
