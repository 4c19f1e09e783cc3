import { z } from 'zod';
import { queryInt } from './params';
import { OUTCOME_CODES } from './outcomes';

/** Request and response schemas of /api/v1: they validate input and generate the OpenAPI document. */

export const ErrorBody = z
	.object({
		error: z.object({ code: z.string(), message: z.string() })
	})
	.meta({ id: 'Error' });

export const LoginBody = z
	.object({
		username: z.string().trim().min(1, 'username is required').max(64),
		password: z.string().min(1, 'password is required').max(200)
	})
	.meta({ id: 'LoginBody' });

export const RoleSchema = z.enum(['agent', 'supervisor', 'scheduler', 'admin']);
const level = z.number().int().min(1).max(5);

export const SkillSchema = z
	.discriminatedUnion('kind', [
		z.object({ kind: z.literal('language'), code: z.string().min(1).max(16), level }),
		z.object({ kind: z.literal('matter'), matterId: z.number().int().positive(), level }),
		z.object({ kind: z.literal('sign_language'), level }),
		z.object({ kind: z.literal('elderly_guidance'), level })
	])
	.meta({ id: 'Skill' });
export type Skill = z.infer<typeof SkillSchema>;

export const CreateAgentBody = z
	.object({
		username: z
			.string()
			.trim()
			.regex(/^[a-z0-9._-]{3,32}$/i, 'username must be 3–32 letters, digits, ".", "_" or "-"'),
		password: z.string().min(8, 'password must be at least 8 characters').max(200),
		displayName: z.string().trim().min(1, 'displayName is required').max(64),
		roles: z.array(RoleSchema).min(1, 'at least one role is required').max(4, 'at most 4 roles'),
		skills: z.array(SkillSchema).max(500).default([])
	})
	.meta({ id: 'CreateAgentBody' });

export const ReplaceSkillsBody = z
	.object({ skills: z.array(SkillSchema).max(500) })
	.meta({ id: 'ReplaceSkillsBody' });

const Ids = (what: string) => z.array(z.number().int().positive()).max(500, `at most 500 ${what}`);

/** The departments and towns a supervisor oversees; both empty: the whole district. */
export const SupervisorScopeBody = z
	.object({ departmentIds: Ids('departments'), townIds: Ids('towns') })
	.meta({ id: 'SupervisorScopeBody' });

/** A department's answer threshold T for its service level; null: the console's default. */
export const DepartmentSettingsBody = z
	.object({ answerSeconds: z.number().int().min(1).max(3600).nullable() })
	.meta({ id: 'DepartmentSettingsBody' });

export const CreateBoothBody = z
	.object({
		name: z.string().trim().min(1, 'name is required').max(64),
		town: z.string().trim().min(1, 'town is required').max(32),
		site: z.string().trim().min(1, 'site is required').max(64)
	})
	.meta({ id: 'CreateBoothBody' });

export const IdResponse = z.object({ id: z.number().int() });
export const BoothCreated = z
	.object({ id: z.number().int(), token: z.string() })
	.meta({ id: 'BoothCreated' });

export const MatterQuery = z.object({
	q: z.string().trim().max(50).optional(),
	departmentId: queryInt(1).optional(),
	offset: queryInt(0, 100_000).default(0),
	limit: queryInt(1, 100).default(20)
});

export const Matter = z
	.object({
		id: z.number().int(),
		code: z.string(),
		name: z.string(),
		nameEn: z.string(),
		departmentId: z.number().int(),
		departmentName: z.string(),
		departmentNameEn: z.string(),
		level: z.enum(['district', 'town']),
		weekendExtended: z.boolean()
	})
	.meta({ id: 'Matter' });

export const MatterList = z.object({
	matters: z.array(Matter),
	total: z.number().int(),
	offset: z.number().int()
});

export const Language = z
	.object({ code: z.string(), name: z.string(), nameEn: z.string(), signed: z.boolean() })
	.meta({ id: 'Language' });
export const LanguageList = z.object({ languages: z.array(Language) });

export const Health = z
	.object({
		status: z.enum(['ok', 'degraded', 'down']),
		checks: z.object({
			sqlite: z.object({ ok: z.boolean(), ms: z.number(), error: z.string().optional() }),
			redis: z.object({ ok: z.boolean(), ms: z.number(), error: z.string().optional() }),
			/** Worker processes heard from in the last 10 s (0: timers and sweeps are not running). */
			worker: z.object({
				ok: z.boolean(),
				ms: z.number(),
				count: z.number().int(),
				error: z.string().optional()
			}),
			livekit: z.object({ ok: z.boolean(), ms: z.number(), error: z.string().optional() })
		})
	})
	.meta({ id: 'Health' });

/* ---- Calls and routing ---- */

export const OutcomeCode = z.enum(OUTCOME_CODES);

export const CreateCallBody = z
	.object({
		channel: z.enum(['booth', 'mobile']),
		matterId: z.number().int().positive(),
		language: z.string().trim().min(1).max(16).default('zh'),
		signLanguage: z.boolean().default(false),
		elderly: z.boolean().default(false),
		priorityLane: z.enum(['none', 'green', 'urgent']).default('none'),
		appointmentId: z.number().int().positive().optional()
	})
	.meta({ id: 'CreateCallBody' });

/**
 * What a waiting caller is told: an eligible seat is being rung (`ringing`); eligible seats are
 * busy, with the expected wait from now as a range (`busy`); every eligible seat online is on a
 * break (`all_on_break`); or none is online (`none_online`). The range is null unless busy.
 */
export const WaitView = z
	.object({
		state: z.enum(['ringing', 'busy', 'all_on_break', 'none_online']),
		lowSeconds: z.number().int().nullable(),
		highSeconds: z.number().int().nullable()
	})
	.meta({ id: 'WaitView' });

export const CallCreated = z
	.object({
		callId: z.string(),
		callerToken: z.string(),
		status: z.enum(['queued', 'offered']),
		/** When the caller joined the queue (the waiting screen counts the time waited from it). */
		queuedAt: z.string(),
		position: z.number().int(),
		/** The middle of the expected wait; null when no seat that could answer is working. */
		estimatedWaitSeconds: z.number().int().nullable(),
		wait: WaitView
	})
	.meta({ id: 'CallCreated' });

export const VideoAccess = z.object({ url: z.string(), token: z.string() }).meta({ id: 'Video' });

export const CallView = z
	.object({
		callId: z.string(),
		status: z.enum(['queued', 'offered', 'connected', 'wrap_up', 'ended', 'abandoned']),
		position: z.number().int().nullable(),
		estimatedWaitSeconds: z.number().int().nullable(),
		/** While the call waits (queued or offered): what the caller is told. */
		wait: WaitView.optional(),
		queuedAt: z.string(),
		escalationStep: z.number().int(),
		agent: z.object({ displayName: z.string() }).optional(),
		/** A sign-language interpreter is in the connected call. */
		interpreterJoined: z.boolean().optional(),
		/** Once the agent recorded it: the outcome, the reference to quote, the department. */
		outcome: z
			.object({
				code: z.string(),
				mailResults: z.boolean(),
				reference: z.string(),
				departmentName: z.string().nullable(),
				departmentNameEn: z.string().nullable()
			})
			.optional(),
		video: VideoAccess.nullable()
	})
	.meta({ id: 'CallView' });

export const ClosedError = z
	.object({
		error: z.object({ code: z.literal('closed'), message: z.string(), opensAt: z.string() })
	})
	.meta({ id: 'ClosedError' });

export const AgentStateBody = z
	.object({
		state: z.enum(['available', 'break', 'offline']),
		reason: z.string().trim().max(100).optional()
	})
	.meta({ id: 'AgentStateBody' });

export const AgentStateView = z.object({ state: z.string() }).meta({ id: 'AgentState' });

/** A supervisor sets an agent's state: the reason is required (the agent sees it). */
export const SupervisorAgentStateBody = z
	.object({
		state: z.enum(['available', 'break', 'offline']),
		reason: z.string().trim().min(1).max(200)
	})
	.meta({ id: 'SupervisorAgentStateBody' });

/** A supervisor offers a waiting call to a named agent; `override` sends it to a seat lacking a requirement. */
export const AssignCallBody = z
	.object({ agentId: z.number().int().positive(), override: z.boolean().optional() })
	.meta({ id: 'AssignCallBody' });

export const CallAssigned = z
	.object({
		callId: z.string(),
		agentId: z.number().int(),
		offerId: z.string(),
		override: z.boolean()
	})
	.meta({ id: 'CallAssigned' });

/** A supervisor moves a waiting call to another lane (urgent is only ever a supervisor's decision). */
export const LaneBody = z
	.object({ lane: z.enum(['urgent', 'green', 'elderly', 'normal']) })
	.meta({ id: 'LaneBody' });

export const LaneChanged = z
	.object({
		callId: z.string(),
		lane: z.enum(['urgent', 'green', 'elderly', 'normal']),
		position: z.number().int().nullable()
	})
	.meta({ id: 'LaneChanged' });

/**
 * A supervisor joins a live call, switches mode, or leaves it: listening hidden (`monitor`),
 * speaking to the agent only (`whisper`), speaking to both (`barge`), or `leave`.
 */
export const MonitorBody = z
	.object({ mode: z.enum(['monitor', 'whisper', 'barge', 'leave']) })
	.meta({ id: 'MonitorBody' });

const JoinToken = z.object({ url: z.string(), token: z.string(), expiresAt: z.string() });

export const MonitorJoined = z
	.object({
		callId: z.string(),
		mode: z.enum(['monitor', 'whisper', 'barge', 'leave']),
		/** The token for the call's room (null after `leave`). */
		video: JoinToken.nullable(),
		/** While whispering: the microphone-only token for the call's whisper room. */
		whisper: JoinToken.nullable()
	})
	.meta({ id: 'MonitorJoined' });

export const SupervisorAgentState = z
	.object({ agentId: z.number().int(), state: z.string() })
	.meta({ id: 'SupervisorAgentState' });

export const OfferView = z
	.object({
		offerId: z.string(),
		callId: z.string(),
		expiresAt: z.string(),
		call: z.record(z.string(), z.unknown())
	})
	.meta({ id: 'Offer' });

export const AcceptResult = z
	.object({ callId: z.string(), video: VideoAccess.nullable() })
	.meta({ id: 'AcceptResult' });

export const WrapUpBody = z
	.object({
		outcome: OutcomeCode,
		matterId: z.number().int().positive().optional(),
		notes: z.string().max(2000).optional(),
		mailResults: z.boolean().default(false),
		/** Where results are mailed; required when mailResults is true. */
		mailAddress: z.string().trim().max(200).optional()
	})
	.meta({ id: 'WrapUpBody' });

export const TransferBody = z
	.object({
		matterId: z.number().int().positive().optional(),
		language: z.string().trim().min(1).max(16).optional(),
		agentId: z.number().int().positive().optional()
	})
	.meta({ id: 'TransferBody' });

export const CallStatusResult = z
	.object({ callId: z.string(), status: z.string() })
	.meta({ id: 'CallStatus' });

export const RoutingExplanation = z
	.object({
		callId: z.string(),
		status: z.string(),
		escalationStep: z.number().int(),
		relaxations: z.array(z.string()),
		requirement: z.string().nullable(),
		decision: z.record(z.string(), z.unknown()).nullable(),
		position: z.number().int().nullable(),
		history: z.array(z.record(z.string(), z.unknown()))
	})
	.meta({ id: 'RoutingExplanation' });

/* ---- Schedule ---- */

const hhmm = z
	.string()
	.regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'times are "HH:MM" (00:00–24:00)');
const intervals = z.array(z.tuple([hhmm, hhmm])).max(12);
const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export const HoursBody = z
	.object({
		timezone: z.literal('Asia/Shanghai').default('Asia/Shanghai'),
		regular: z.object(
			Object.fromEntries(days.map((d) => [d, intervals.default([])])) as {
				[K in (typeof days)[number]]: z.ZodDefault<typeof intervals>;
			}
		),
		extended: z
			.object(
				Object.fromEntries(days.map((d) => [d, intervals.optional()])) as {
					[K in (typeof days)[number]]: z.ZodOptional<typeof intervals>;
				}
			)
			.default({})
	})
	.meta({ id: 'Hours' });

export const ExceptionBody = z
	.object({
		kind: z.enum(['holiday', 'workday', 'closed', 'extra']),
		note: z.string().trim().max(200).optional(),
		/** A make-up workday follows this weekday's hours (0 Sunday … 6 Saturday; default Monday). */
		weekday: z.number().int().min(0).max(6).optional(),
		/** Hours a `closed` exception takes away (none: all day) or an `extra` one adds. */
		intervals: intervals.optional(),
		/** The version read before editing; a stale one gets 409 `version_conflict`. */
		version: z.number().int().min(1).optional()
	})
	.meta({ id: 'ScheduleExceptionBody' });

export const DateParam = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD')
	.refine(
		(d) =>
			!Number.isNaN(Date.parse(`${d}T00:00:00Z`)) &&
			new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
		'not a calendar date'
	);

export const EventsQuery = z.object({
	callerToken: z.string().max(200).optional(),
	lastEventId: z.string().max(64).optional()
});
