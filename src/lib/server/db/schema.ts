import { sql } from 'drizzle-orm';
import { OUTCOME_CODES } from '../../contracts/outcomes';
import {
	index,
	integer,
	primaryKey,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';

const createdAt = () =>
	text('created_at')
		.notNull()
		.default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

export const towns = sqliteTable('towns', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	name: text('name').notNull().unique(),
	nameEn: text('name_en')
});

export const departments = sqliteTable('departments', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	code: text('code').notNull().unique(),
	name: text('name').notNull(),
	nameEn: text('name_en').notNull(),
	/** Answer threshold T of the department's service level, in seconds (null: SERVICE_LEVEL_SECONDS). */
	answerSeconds: integer('answer_seconds')
});

export const matters = sqliteTable(
	'matters',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		code: text('code').notNull().unique(),
		departmentId: integer('department_id')
			.notNull()
			.references(() => departments.id),
		name: text('name').notNull(),
		nameEn: text('name_en').notNull(),
		level: text('level', { enum: ['district', 'town'] }).notNull(),
		weekendExtended: integer('weekend_extended', { mode: 'boolean' }).notNull().default(false),
		/** Minimum agent proficiency (1–5) needed to serve this matter. */
		minLevel: integer('min_level').notNull().default(1),
		/** Relative popularity, used to order the booth's quick buttons. */
		popularity: integer('popularity').notNull().default(0),
		guideUrl: text('guide_url'),
		/** JSON array of documents the caller should prepare. */
		materials: text('materials', { mode: 'json' }).$type<string[]>().notNull().default([]),
		active: integer('active', { mode: 'boolean' }).notNull().default(true)
	},
	(t) => [index('matters_department').on(t.departmentId)]
);

export const languages = sqliteTable('languages', {
	code: text('code').primaryKey(),
	name: text('name').notNull(),
	nameEn: text('name_en').notNull(),
	/** Sign languages are served by sign-language seats, not spoken-language skills. */
	signed: integer('signed', { mode: 'boolean' }).notNull().default(false),
	sortOrder: integer('sort_order').notNull().default(0)
});

export const booths = sqliteTable(
	'booths',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		name: text('name').notNull(),
		townId: integer('town_id')
			.notNull()
			.references(() => towns.id),
		site: text('site').notNull(),
		tokenHash: text('token_hash').notNull().unique(),
		state: text('state', {
			enum: ['idle', 'in_call', 'rating', 'out_of_hours', 'offline', 'disinfecting']
		})
			.notNull()
			.default('offline'),
		lastSeenAt: text('last_seen_at'),
		active: integer('active', { mode: 'boolean' }).notNull().default(true),
		createdAt: createdAt()
	},
	(t) => [index('booths_town').on(t.townId)]
);

export const ROLES = ['admin', 'agent', 'supervisor', 'scheduler'] as const;
export type Role = (typeof ROLES)[number];

/** Every change of a booth's screen state (idle, in call, rating, offline…), for the audit trail. */
export const boothStateLog = sqliteTable(
	'booth_state_log',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		boothId: integer('booth_id')
			.notNull()
			.references(() => booths.id, { onDelete: 'cascade' }),
		state: text('state').notNull(),
		fromState: text('from_state'),
		at: text('at').notNull()
	},
	(t) => [index('booth_state_log_at').on(t.at), index('booth_state_log_booth').on(t.boothId, t.at)]
);

export const users = sqliteTable('users', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	username: text('username').notNull().unique(),
	passwordHash: text('password_hash').notNull(),
	displayName: text('display_name').notNull(),
	roles: text('roles', { mode: 'json' }).$type<Role[]>().notNull(),
	/** Home town of a town-centre seat (null for district hall and department seats). */
	townId: integer('town_id').references(() => towns.id),
	departmentId: integer('department_id').references(() => departments.id),
	active: integer('active', { mode: 'boolean' }).notNull().default(true),
	createdAt: createdAt()
});

/**
 * The departments and towns a supervisor oversees, set by an admin. A supervisor without rows
 * oversees the whole district.
 */
export const supervisorScopes = sqliteTable(
	'supervisor_scopes',
	{
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: ['department', 'town'] }).notNull(),
		refId: integer('ref_id').notNull()
	},
	(t) => [primaryKey({ columns: [t.userId, t.kind, t.refId] })]
);

export const sessions = sqliteTable(
	'sessions',
	{
		/** SHA-256 of the cookie token: a leaked database cannot be replayed as cookies. */
		id: text('id').primaryKey(),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('sessions_user').on(t.userId)]
);

export const SKILL_KINDS = ['language', 'matter', 'sign_language', 'elderly_guidance'] as const;
export type SkillKind = (typeof SKILL_KINDS)[number];

export const agentSkills = sqliteTable(
	'agent_skills',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: SKILL_KINDS }).notNull(),
		/** Language code for kind=language; empty otherwise. */
		code: text('code').notNull().default(''),
		/** Matter for kind=matter; 0 otherwise (keeps the unique index simple). */
		matterId: integer('matter_id').notNull().default(0),
		level: integer('level').notNull()
	},
	(t) => [
		uniqueIndex('agent_skills_unique').on(t.userId, t.kind, t.code, t.matterId),
		index('agent_skills_matter').on(t.matterId)
	]
);

export const AGENT_STATES = [
	'available',
	'offered',
	'busy',
	'wrap_up',
	'break',
	'offline'
] as const;
export type AgentState = (typeof AGENT_STATES)[number];

export const agentStateLog = sqliteTable(
	'agent_state_log',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id),
		state: text('state', { enum: AGENT_STATES }).notNull(),
		reason: text('reason'),
		/** The supervisor who set this state for the agent; null when the agent or the system did. */
		changedBy: integer('changed_by').references(() => users.id),
		at: createdAt()
	},
	(t) => [index('agent_state_log_user').on(t.userId, t.at)]
);

export const CALL_STATUSES = [
	'queued',
	'offered',
	'connected',
	'wrap_up',
	'ended',
	'abandoned'
] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];
export const PRIORITY_LANES = ['none', 'green', 'urgent'] as const;

export const calls = sqliteTable(
	'calls',
	{
		id: text('id').primaryKey(),
		channel: text('channel', { enum: ['booth', 'mobile'] }).notNull(),
		boothId: integer('booth_id').references(() => booths.id),
		matterId: integer('matter_id')
			.notNull()
			.references(() => matters.id),
		language: text('language')
			.notNull()
			.references(() => languages.code),
		signLanguage: integer('sign_language', { mode: 'boolean' }).notNull().default(false),
		elderly: integer('elderly', { mode: 'boolean' }).notNull().default(false),
		priorityLane: text('priority_lane', { enum: PRIORITY_LANES }).notNull().default('none'),
		appointmentId: integer('appointment_id'),
		status: text('status', { enum: CALL_STATUSES }).notNull(),
		callerTokenHash: text('caller_token_hash').notNull(),
		/** Masked citizen ID (e.g. 4401**********1234); the full number is never stored. */
		callerIdMasked: text('caller_id_masked'),
		agentId: integer('agent_id').references(() => users.id),
		interpreterId: integer('interpreter_id').references(() => users.id),
		roomName: text('room_name'),
		escalationStep: integer('escalation_step').notNull().default(0),
		/** Why the call went to its agent, or why it still waits (JSON). */
		routingReason: text('routing_reason', { mode: 'json' }).$type<Record<string, unknown>>(),
		notes: text('notes'),
		queuedAt: text('queued_at').notNull(),
		offeredAt: text('offered_at'),
		connectedAt: text('connected_at'),
		wrapUpAt: text('wrap_up_at'),
		endedAt: text('ended_at'),
		abandonedAt: text('abandoned_at'),
		endReason: text('end_reason'),
		/**
		 * Version of the live (Redis) state this row reflects: several processes record changes
		 * of one call, and only a newer version may overwrite the status.
		 */
		liveVersion: integer('live_version').notNull().default(0)
	},
	(t) => [
		index('calls_status').on(t.status),
		index('calls_agent').on(t.agentId, t.queuedAt),
		index('calls_booth').on(t.boothId, t.status),
		index('calls_queued_at').on(t.queuedAt),
		// Callers authenticate with their token: find their call without scanning every call.
		index('calls_caller_token').on(t.callerTokenHash)
	]
);

/** Every lifecycle transition of a call, with its reason. */
export const callEvents = sqliteTable(
	'call_events',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		callId: text('call_id')
			.notNull()
			.references(() => calls.id),
		type: text('type').notNull(),
		fromStatus: text('from_status'),
		toStatus: text('to_status'),
		agentId: integer('agent_id'),
		reason: text('reason'),
		detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>(),
		at: text('at').notNull()
	},
	(t) => [index('call_events_call').on(t.callId, t.id)]
);

export const offers = sqliteTable(
	'offers',
	{
		id: text('id').primaryKey(),
		callId: text('call_id')
			.notNull()
			.references(() => calls.id),
		agentId: integer('agent_id')
			.notNull()
			.references(() => users.id),
		kind: text('kind', { enum: ['call', 'interpreter'] })
			.notNull()
			.default('call'),
		status: text('status', {
			enum: ['pending', 'accepted', 'declined', 'expired', 'withdrawn']
		}).notNull(),
		createdAt: text('created_at').notNull(),
		expiresAt: text('expires_at').notNull(),
		respondedAt: text('responded_at'),
		/** The supervisor who assigned the call to this agent (null: routing offered it). */
		assignedBy: integer('assigned_by').references(() => users.id),
		/** The supervisor sent the call to a seat that lacks one of its requirements. */
		override: integer('override', { mode: 'boolean' }).notNull().default(false)
	},
	(t) => [index('offers_call').on(t.callId), index('offers_agent').on(t.agentId, t.createdAt)]
);

export { OUTCOME_CODES };

export const outcomes = sqliteTable('outcomes', {
	callId: text('call_id')
		.primaryKey()
		.references(() => calls.id),
	agentId: integer('agent_id')
		.notNull()
		.references(() => users.id),
	outcome: text('outcome', { enum: OUTCOME_CODES }).notNull(),
	/** The matter actually handled, when the caller picked the wrong one. */
	matterId: integer('matter_id').references(() => matters.id),
	notes: text('notes'),
	mailResults: integer('mail_results', { mode: 'boolean' }).notNull().default(false),
	mailAddress: text('mail_address'),
	createdAt: createdAt()
});

export const ratings = sqliteTable('ratings', {
	callId: text('call_id')
		.primaryKey()
		.references(() => calls.id),
	score: integer('score').notNull(),
	reasons: text('reasons', { mode: 'json' }).$type<string[]>().notNull().default([]),
	comment: text('comment'),
	createdAt: createdAt()
});

/** Supervisor follow-up: bad ratings (rectification) and 办不成事 cases. */
export const followUps = sqliteTable(
	'follow_ups',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		kind: text('kind', { enum: ['rectification', 'not_done'] }).notNull(),
		callId: text('call_id')
			.notNull()
			.references(() => calls.id),
		ownerId: integer('owner_id').references(() => users.id),
		status: text('status', {
			enum: ['open', 'verified', 'rectified', 'fed_back', 'called_back', 'reviewed', 'closed']
		})
			.notNull()
			.default('open'),
		triage: text('triage', { enum: ['fix_now', 'fix_by_deadline', 'explain', 'appeal'] }),
		contactDueAt: text('contact_due_at'),
		dueAt: text('due_at'),
		/** Milestones of the case (ISO instants), read by the reports. */
		verifiedAt: text('verified_at'),
		rectifiedAt: text('rectified_at'),
		fedBackAt: text('fed_back_at'),
		calledBackAt: text('called_back_at'),
		/** The citizen's satisfaction with the fix at the callback; null when not reached. */
		callbackSatisfied: integer('callback_satisfied', { mode: 'boolean' }),
		closedAt: text('closed_at'),
		/** The reviewer's decision on an appeal: upheld closes the case as not counted. */
		appealDecision: text('appeal_decision', { enum: ['upheld', 'rejected'] }),
		/** Callback attempts that did not reach the citizen. */
		callbackTries: integer('callback_tries').notNull().default(0),
		/** Optimistic concurrency: every change increments it. */
		version: integer('version').notNull().default(1),
		notes: text('notes'),
		createdAt: createdAt()
	},
	(t) => [
		index('follow_ups_status').on(t.status, t.dueAt),
		index('follow_ups_created').on(t.createdAt),
		index('follow_ups_owner').on(t.ownerId, t.status)
	]
);

/** Every step recorded on a follow-up case: who, when, what (its timeline). */
export const followUpSteps = sqliteTable(
	'follow_up_steps',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		followUpId: integer('follow_up_id')
			.notNull()
			.references(() => followUps.id),
		step: text('step', {
			enum: ['verify', 'triage', 'rectify', 'feedback', 'callback', 'review']
		}).notNull(),
		/** What the step decided: a triage kind, an appeal decision, a callback result. */
		detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
		note: text('note'),
		actorId: integer('actor_id')
			.notNull()
			.references(() => users.id),
		at: text('at').notNull()
	},
	(t) => [index('follow_up_steps_case').on(t.followUpId, t.id)]
);
export const APPOINTMENT_STATUSES = [
	'booked',
	'checked_in',
	'served',
	'cancelled',
	'missed'
] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

export const appointments = sqliteTable(
	'appointments',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		matterId: integer('matter_id')
			.notNull()
			.references(() => matters.id),
		slotStart: text('slot_start').notNull(),
		slotEnd: text('slot_end').notNull(),
		boothId: integer('booth_id').references(() => booths.id),
		status: text('status', { enum: APPOINTMENT_STATUSES }).notNull().default('booked'),
		contactMasked: text('contact_masked'),
		/** What the caller keys in at a booth to check in (random, unguessable, unique). */
		code: text('code'),
		/** Hash of the secret the booking device keeps to see, cancel and check in. */
		tokenHash: text('token_hash'),
		checkedInAt: text('checked_in_at'),
		createdAt: createdAt()
	},
	(t) => [index('appointments_slot').on(t.slotStart), uniqueIndex('appointments_code').on(t.code)]
);

/** A scheduler's capacity for one slot and matter group (department), over the computed one. */
export const bookingCapacity = sqliteTable(
	'booking_capacity',
	{
		departmentId: integer('department_id')
			.notNull()
			.references(() => departments.id),
		slotStart: text('slot_start').notNull(),
		capacity: integer('capacity').notNull(),
		updatedBy: integer('updated_by'),
		updatedAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.departmentId, t.slotStart] })]
);

/** Key/value settings edited by schedulers and admins (hours, escalation, deadlines). */
export const settings = sqliteTable('settings', {
	key: text('key').primaryKey(),
	value: text('value', { mode: 'json' }).$type<unknown>().notNull(),
	updatedAt: createdAt()
});

export const scheduleExceptions = sqliteTable('schedule_exceptions', {
	date: text('date').primaryKey(),
	/** holiday: closed; workday: 调休 make-up day; closed: hours taken away; extra: hours added. */
	kind: text('kind', { enum: ['holiday', 'workday', 'closed', 'extra'] }).notNull(),
	note: text('note'),
	/** A make-up day follows this weekday's hours (0 Sunday … 6 Saturday; null: Monday). */
	weekday: integer('weekday'),
	/** The hours a closed or extra exception takes away or adds (null with closed: all day). */
	intervals: text('intervals', { mode: 'json' }).$type<[string, string][]>(),
	source: text('source', { enum: ['manual', 'import'] })
		.notNull()
		.default('manual'),
	version: integer('version').notNull().default(1)
});

/** Named weekly patterns (区政务服务中心, 镇街便民服务中心, 外语坐席); one is the district default. */
export const schedules = sqliteTable('schedules', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	name: text('name').notNull().unique(),
	nameEn: text('name_en').notNull().default(''),
	/** Day (sun…sat) → intervals of "HH:MM". */
	pattern: text('pattern', { mode: 'json' }).$type<Record<string, [string, string][]>>().notNull(),
	isDefault: integer('is_default', { mode: 'boolean' }).notNull().default(false),
	version: integer('version').notNull().default(1),
	updatedAt: createdAt()
});

/** Which schedule a department, town or language follows (one per target). */
export const scheduleAssignments = sqliteTable(
	'schedule_assignments',
	{
		kind: text('kind', { enum: ['department', 'town', 'language'] }).notNull(),
		/** Department or town id, or language code. */
		ref: text('ref').notNull(),
		scheduleId: integer('schedule_id')
			.notNull()
			.references(() => schedules.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.kind, t.ref] })]
);

/** Extended sessions (云窗口延时服务): a weekday's extra hours for the matters they cover. */
export const extendedSessions = sqliteTable('extended_sessions', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	name: text('name').notNull(),
	nameEn: text('name_en').notNull().default(''),
	/** 0 Sunday … 6 Saturday. */
	weekday: integer('weekday').notNull(),
	intervals: text('intervals', { mode: 'json' }).$type<[string, string][]>().notNull(),
	active: integer('active', { mode: 'boolean' }).notNull().default(true),
	version: integer('version').notNull().default(1),
	updatedAt: createdAt()
});

export const sessionMatters = sqliteTable(
	'session_matters',
	{
		sessionId: integer('session_id')
			.notNull()
			.references(() => extendedSessions.id, { onDelete: 'cascade' }),
		matterId: integer('matter_id')
			.notNull()
			.references(() => matters.id)
	},
	(t) => [primaryKey({ columns: [t.sessionId, t.matterId] })]
);

/** Seats rostered for an extended session on a date (regular days need no entry). */
export const rosterEntries = sqliteTable(
	'roster_entries',
	{
		date: text('date').notNull(),
		sessionId: integer('session_id')
			.notNull()
			.references(() => extendedSessions.id, { onDelete: 'cascade' }),
		agentId: integer('agent_id')
			.notNull()
			.references(() => users.id)
	},
	(t) => [
		primaryKey({ columns: [t.date, t.sessionId, t.agentId] }),
		index('roster_agent_date').on(t.agentId, t.date)
	]
);

/**
 * Seats rostered for a language schedule's hours on a date (e.g. 外语坐席, Japanese 09:00–21:00):
 * in those hours only they take that language's calls.
 */
export const languageRoster = sqliteTable(
	'language_roster',
	{
		date: text('date').notNull(),
		scheduleId: integer('schedule_id')
			.notNull()
			.references(() => schedules.id, { onDelete: 'cascade' }),
		agentId: integer('agent_id')
			.notNull()
			.references(() => users.id)
	},
	(t) => [
		primaryKey({ columns: [t.date, t.scheduleId, t.agentId] }),
		index('language_roster_agent_date').on(t.agentId, t.date)
	]
);

/**
 * A scheduler's places per slot for a matter group (department) in an extended session, or in
 * regular hours (no session), over the computed capacity; one slot's own setting wins over it.
 */
export const capacityRules = sqliteTable(
	'capacity_rules',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		departmentId: integer('department_id')
			.notNull()
			.references(() => departments.id),
		sessionId: integer('session_id').references(() => extendedSessions.id, {
			onDelete: 'cascade'
		}),
		capacity: integer('capacity').notNull(),
		updatedBy: integer('updated_by'),
		updatedAt: createdAt()
	},
	(t) => [index('capacity_rules_department').on(t.departmentId, t.sessionId)]
);

export const auditLog = sqliteTable(
	'audit_log',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		at: createdAt(),
		actorId: integer('actor_id'),
		actorKind: text('actor_kind', { enum: ['user', 'booth', 'caller', 'system'] }).notNull(),
		action: text('action').notNull(),
		target: text('target'),
		detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>(),
		requestId: text('request_id')
	},
	(t) => [index('audit_log_at').on(t.at)]
);

/** LiveKit webhook ids already handled (de-duplication). */
export const webhookEvents = sqliteTable(
	'webhook_events',
	{
		id: text('id').notNull(),
		source: text('source').notNull(),
		receivedAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.source, t.id] })]
);

/**
 * One row whose `v` goes up whenever reference data routing reads (matters, departments,
 * languages, towns, booth names, service hours, schedule exceptions) changes, in any process:
 * triggers keep it current, so per-process caches know when to reload.
 */
export const refVersion = sqliteTable('ref_version', {
	id: integer('id').primaryKey(),
	v: integer('v').notNull().default(0)
});

/**
 * The reports' facts of one call, kept by triggers (see the migration) from `calls`,
 * `call_events`, `ratings` and `follow_ups` in the same transaction as the write: the unit it
 * counts for (its matter's department, its booth and the booth's town, its handler), its
 * Asia/Shanghai arrival day, what its history means for the service figures (as
 * `metrics/metrics.ts` defines them), its rating and its rectification case's milestones.
 */
export const reportCalls = sqliteTable(
	'report_calls',
	{
		callId: text('call_id').primaryKey(),
		day: text('day').notNull(),
		departmentId: integer('department_id').notNull(),
		townId: integer('town_id'),
		boothId: integer('booth_id'),
		agentId: integer('agent_id'),
		arrivedMs: integer('arrived_ms').notNull(),
		answeredMs: integer('answered_ms'),
		abandonedMs: integer('abandoned_ms'),
		talkFromMs: integer('talk_from_ms'),
		talkMs: integer('talk_ms').notNull().default(0),
		wrapFromMs: integer('wrap_from_ms'),
		wrapMs: integer('wrap_ms').notNull().default(0),
		ended: integer('ended').notNull().default(0),
		/** Answered within the department's threshold T in force when it was answered. */
		withinT: integer('within_t').notNull().default(0),
		/** Abandoned within the short-abandon threshold S in force then. */
		shortAbandon: integer('short_abandon').notNull().default(0),
		score: integer('score'),
		caseRect: integer('case_rect').notNull().default(0),
		rectified: integer('rectified').notNull().default(0),
		fedBack: integer('fed_back').notNull().default(0),
		calledBack: integer('called_back').notNull().default(0),
		cbReached: integer('cb_reached').notNull().default(0),
		cbSatisfied: integer('cb_satisfied').notNull().default(0),
		/** The rating's appeal was upheld (mistaken or malicious): it is not counted as bad. */
		appealUpheld: integer('appeal_upheld').notNull().default(0)
	},
	(t) => [index('report_calls_day').on(t.day, t.arrivedMs)]
);

/** Per Asia/Shanghai day, per unit (department, town, agent, booth) and department: sums of `report_calls`, kept by triggers. */
export const reportDaily = sqliteTable(
	'report_daily',
	{
		dim: text('dim', { enum: ['department', 'town', 'agent', 'booth'] }).notNull(),
		day: text('day').notNull(),
		unitId: integer('unit_id').notNull(),
		departmentId: integer('department_id').notNull(),
		offered: integer('offered').notNull().default(0),
		answered: integer('answered').notNull().default(0),
		abandoned: integer('abandoned').notNull().default(0),
		shortAbandoned: integer('short_abandoned').notNull().default(0),
		withinT: integer('within_t').notNull().default(0),
		waitMs: integer('wait_ms').notNull().default(0),
		handled: integer('handled').notNull().default(0),
		handleMs: integer('handle_ms').notNull().default(0),
		rated: integer('rated').notNull().default(0),
		score5: integer('score5').notNull().default(0),
		score4: integer('score4').notNull().default(0),
		score3: integer('score3').notNull().default(0),
		bad: integer('bad').notNull().default(0),
		cases: integer('cases').notNull().default(0),
		rectified: integer('rectified').notNull().default(0),
		fedBack: integer('fed_back').notNull().default(0),
		calledBack: integer('called_back').notNull().default(0),
		cbReached: integer('cb_reached').notNull().default(0),
		cbSatisfied: integer('cb_satisfied').notNull().default(0),
		boothCalls: integer('booth_calls').notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.dim, t.day, t.unitId, t.departmentId] })]
);
