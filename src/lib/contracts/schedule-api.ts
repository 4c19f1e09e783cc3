import { z } from 'zod';

/** `GET /schedule/preview` query: a matter, an instant (ISO 8601 with offset), optionally a booth. */
export const PreviewQuery = z
	.object({
		matterId: z.coerce.number().int().positive(),
		at: z.iso.datetime({ offset: true }),
		boothId: z.coerce.number().int().positive().optional()
	})
	.meta({ id: 'SchedulePreviewQuery' });

/** What a caller would see at that instant. */
export const Preview = z
	.object({
		open: z.boolean(),
		opensAt: z.string().nullable(),
		session: z.object({ id: z.number().int(), name: z.string(), nameEn: z.string() }).nullable(),
		rosteredAgentIds: z.array(z.number().int()),
		bookingOffered: z.boolean()
	})
	.meta({ id: 'SchedulePreview' });

/* ---- What the scheduler pages edit: schedules, extended sessions, rosters, holiday import ---- */

const hhmm = z
	.string()
	.regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'times are "HH:MM" (00:00–24:00)');
const Intervals = z.array(z.tuple([hhmm, hhmm])).max(12);
const Day = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are YYYY-MM-DD')
	.refine(
		(d) =>
			!Number.isNaN(Date.parse(`${d}T00:00:00Z`)) &&
			new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
		'not a calendar date'
	);
const Id = z.number().int().positive();
const Name = z.string().trim().min(1).max(80);
const Version = z.number().int().min(1);
const WEEK = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** The intervals of each weekday (a missing day is closed). */
const Pattern = z.object(
	Object.fromEntries(WEEK.map((d) => [d, Intervals.optional()])) as {
		[K in (typeof WEEK)[number]]: z.ZodOptional<typeof Intervals>;
	}
);

/** What a schedule is assigned to; when given, it replaces every assignment of the schedule. */
const Assign = z.object({
	departmentIds: z.array(Id).max(200).optional(),
	townIds: z.array(Id).max(200).optional(),
	languages: z
		.array(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/))
		.max(50)
		.optional()
});

export const ScheduleCreateBody = z
	.object({
		name: Name,
		nameEn: z.string().trim().max(80).optional(),
		pattern: Pattern,
		assign: Assign.optional()
	})
	.meta({ id: 'ScheduleCreateBody' });

export const ScheduleUpdateBody = ScheduleCreateBody.extend({
	/** The version read before editing; a stale one gets 409 `version_conflict`. */
	version: Version
}).meta({ id: 'ScheduleUpdateBody' });

export const Schedule = z
	.object({
		id: z.number().int(),
		name: z.string(),
		nameEn: z.string(),
		pattern: z.record(z.string(), z.array(z.tuple([z.string(), z.string()]))),
		isDefault: z.boolean(),
		version: z.number().int(),
		updatedAt: z.string(),
		departmentIds: z.array(z.number().int()),
		townIds: z.array(z.number().int()),
		languages: z.array(z.string())
	})
	.meta({ id: 'Schedule' });

export const ScheduleList = z.object({ schedules: z.array(Schedule) }).meta({ id: 'ScheduleList' });

/** `?version=` of a delete: the version read before; a stale one gets 409. */
export const VersionQuery = z
	.object({ version: z.coerce.number().int().min(1).optional() })
	.meta({ id: 'VersionQuery' });

const SessionFields = {
	name: Name,
	nameEn: z.string().trim().max(80).optional(),
	/** 0 Sunday … 6 Saturday. */
	weekday: z.number().int().min(0).max(6),
	intervals: Intervals,
	active: z.boolean().optional(),
	/** The matters the session covers (replacing its list; omitted on update: kept). */
	matterIds: z.array(Id).max(2000).optional(),
	/** Every active matter of these departments is added to the list. */
	departmentIds: z.array(Id).max(100).optional()
};

export const SessionCreateBody = z.object(SessionFields).meta({ id: 'SessionCreateBody' });

export const SessionUpdateBody = z
	.object({ ...SessionFields, version: Version })
	.meta({ id: 'SessionUpdateBody' });

export const Session = z
	.object({
		id: z.number().int(),
		name: z.string(),
		nameEn: z.string(),
		weekday: z.number().int(),
		intervals: z.array(z.tuple([z.string(), z.string()])),
		active: z.boolean(),
		version: z.number().int(),
		updatedAt: z.string()
	})
	.meta({ id: 'ExtendedSession' });

export const SessionList = z
	.object({ sessions: z.array(Session.extend({ matterCount: z.number().int() })) })
	.meta({ id: 'ExtendedSessionList' });

export const SessionDetail = z
	.object({
		session: Session,
		matters: z.array(
			z.object({
				id: z.number().int(),
				name: z.string(),
				nameEn: z.string(),
				level: z.enum(['district', 'town']),
				departmentName: z.string(),
				departmentNameEn: z.string()
			})
		)
	})
	.meta({ id: 'ExtendedSessionDetail' });

/** `GET /schedule/sessions/{id}/roster` query: a date range of at most 92 days. */
export const RosterQuery = z
	.object({ from: Day, to: Day })
	.refine((q) => q.from <= q.to, 'from is after to')
	.refine(
		(q) => Date.parse(q.to) - Date.parse(q.from) <= 92 * 86_400_000,
		'a roster range is at most 92 days'
	)
	.meta({ id: 'RosterQuery' });

export const Roster = z
	.object({
		sessionId: z.number().int(),
		from: z.string(),
		to: z.string(),
		/** Each date in the range on the session's weekday, with its seats. */
		dates: z.array(
			z.object({
				date: z.string(),
				seats: z.array(z.object({ agentId: z.number().int(), displayName: z.string() }))
			})
		),
		/** The seats that may be rostered (active agents). */
		agents: z.array(z.object({ id: z.number().int(), displayName: z.string() }))
	})
	.meta({ id: 'Roster' });

export const LanguageRoster = Roster.omit({ sessionId: true })
	.extend({
		/** The language schedule (外语坐席); its dates are those it has hours on. */
		scheduleId: z.number().int()
	})
	.meta({ id: 'LanguageRoster' });

export const RosterBody = z
	.object({
		/** A date on the session's weekday. */
		date: Day,
		/** The seats of that date (replacing its list; empty clears it). */
		agentIds: z.array(Id).max(200),
		/** The same seats on the same weekday for this many more weeks. */
		repeatWeeks: z.number().int().min(0).max(26).optional()
	})
	.meta({ id: 'RosterBody' });

export const RosterSaved = z
	.object({ dates: z.array(z.string()), agentIds: z.array(z.number().int()) })
	.meta({ id: 'RosterSaved' });

export const CopyWeekBody = z
	.object({
		/** The Monday of the week copied. */
		from: Day,
		/** The Monday of the week replaced by the copy. */
		to: Day
	})
	.meta({ id: 'CopyWeekBody' });

export const CopyWeekResult = z.object({ copied: z.number().int() }).meta({ id: 'CopyWeekResult' });

/** A holiday import's source: the holiday package's year, or an uploaded ICS or JSON file's text. */
export const HolidayPreviewBody = z
	.object({
		year: z.number().int().min(2000).max(2100).optional(),
		/** The text of an ICS calendar or of a JSON list (at most 256 KB). */
		file: z
			.string()
			.min(1)
			.max(256 * 1024)
			.optional(),
		filename: z.string().max(60).optional()
	})
	.refine((b) => (b.year === undefined) !== (b.file === undefined), 'give either year or file')
	.meta({ id: 'HolidayPreviewBody' });

const ImportDay = z.object({
	date: Day,
	kind: z.enum(['holiday', 'workday']),
	note: z.string().max(80).nullable(),
	/** The weekday a make-up workday follows (0 Sunday … 6 Saturday). */
	weekday: z.number().int().min(0).max(6).nullable()
});

export const HolidayPreview = z
	.object({ source: z.string(), days: z.array(ImportDay) })
	.meta({ id: 'HolidayPreview' });

/** A confirmed preview: the days as shown, and where they came from. */
export const HolidayImportBody = z
	.object({
		source: z.string().trim().min(1).max(80),
		days: z.array(ImportDay).min(1).max(400)
	})
	.meta({ id: 'HolidayImportBody' });

export const HolidayImported = z
	.object({ added: z.number().int(), kept: z.number().int() })
	.meta({ id: 'HolidayImported' });
