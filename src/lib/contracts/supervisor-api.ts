import { z } from 'zod';
import { queryInt } from './params';
import { WallAlert } from './alerts';

/** Schemas of the supervisor wall: one snapshot, kept current by events. */

/** Why a waiting call still waits. */
export const WAIT_REASONS = [
	'no_eligible_online',
	'all_eligible_busy',
	'all_eligible_on_break',
	'cooling_down',
	'outside_hours',
	'being_offered',
	'being_routed'
] as const;
export type WaitReason = (typeof WAIT_REASONS)[number];

export const WALL_LANES = ['urgent', 'green', 'elderly', 'appointment', 'normal'] as const;

export const WallQueue = z
	.object({
		/** `dept:<id>`, `lang:<code>` or `lane:<lane>`: what the queue groups by. */
		key: z.string(),
		kind: z.enum(['department', 'language', 'lane']),
		departmentId: z.number().int().optional(),
		language: z.string().optional(),
		lane: z.enum(WALL_LANES).optional(),
		name: z.string(),
		nameEn: z.string(),
		waiting: z.number().int(),
		longestWaitSeconds: z.number().int(),
		/** When the longest-waiting call arrived (to tick locally), or null. */
		oldestQueuedAt: z.string().nullable(),
		offeredToday: z.number().int(),
		answeredToday: z.number().int(),
		abandonedToday: z.number().int(),
		/** 0..1, null with no calls yet. */
		serviceLevel: z.number().nullable(),
		asaSeconds: z.number().nullable(),
		abandonRate: z.number().nullable(),
		agentsAvailable: z.number().int(),
		agentsEligibleOnline: z.number().int()
	})
	.meta({ id: 'WallQueue' });

export const WallWaitingCall = z
	.object({
		callId: z.string(),
		status: z.enum(['queued', 'offered']),
		channel: z.enum(['booth', 'mobile']),
		boothId: z.number().int().nullable(),
		boothName: z.string().nullable(),
		town: z.string().nullable(),
		/** Masked citizen id, the only personal datum on the wall. */
		callerIdMasked: z.string().nullable(),
		matterId: z.number().int(),
		matterName: z.string(),
		matterNameEn: z.string(),
		departmentId: z.number().int(),
		language: z.string(),
		signLanguage: z.boolean(),
		elderly: z.boolean(),
		lane: z.enum(WALL_LANES),
		queuedAt: z.string(),
		waitSeconds: z.number().int(),
		step: z.number().int(),
		reason: z.object({ code: z.enum(WAIT_REASONS), text: z.string() }),
		/** Eligible seats online now (any state but offline). */
		eligibleAgentIds: z.array(z.number().int())
	})
	.meta({ id: 'WallWaitingCall' });

export const WallAgent = z
	.object({
		id: z.number().int(),
		displayName: z.string(),
		state: z.string(),
		reason: z.string().nullable(),
		since: z.string().nullable(),
		callId: z.string().nullable()
	})
	.meta({ id: 'WallAgent' });

export const WallBooth = z
	.object({
		id: z.number().int(),
		name: z.string(),
		town: z.string(),
		state: z.string(),
		lastSeenAt: z.string().nullable()
	})
	.meta({ id: 'WallBooth' });

export const WallLiveCall = z
	.object({
		callId: z.string(),
		agentId: z.number().int().nullable(),
		agentName: z.string().nullable(),
		matterId: z.number().int(),
		matterName: z.string(),
		matterNameEn: z.string(),
		channel: z.enum(['booth', 'mobile']),
		since: z.string().nullable(),
		interpreterId: z.number().int().nullable(),
		monitoredBy: z.array(z.number().int()),
		/** The duty supervisors in the call now, and how (listening, whispering, barged in). */
		monitors: z.array(
			z.object({
				userId: z.number().int(),
				displayName: z.string(),
				mode: z.enum(['monitor', 'whisper', 'barge'])
			})
		)
	})
	.meta({ id: 'WallLiveCall' });

const dayFigures = {
	offered: z.number().int(),
	answered: z.number().int(),
	abandoned: z.number().int(),
	/** 0..1, or null with nothing to divide by ("no calls yet"). */
	serviceLevel: z.number().nullable()
};

/** Today's figures over all queues (Asia/Shanghai day, the metrics' definitions). */
export const WallDay = z.object(dayFigures).meta({ id: 'WallDay' });

/** Today's figures for one Asia/Shanghai hour, by arrival (the metrics' definitions). */
export const WallHour = z
	.object({
		hour: z.number().int().min(0).max(23),
		offered: z.number().int(),
		answered: z.number().int(),
		abandoned: z.number().int(),
		/** 0..1, or null with nothing to divide by ("no calls yet"). */
		serviceLevel: z.number().nullable()
	})
	.meta({ id: 'WallHour' });

/** Callers waiting for a first answer at one instant. */
export const WallWaitingSample = z
	.object({ at: z.string(), waiting: z.number().int() })
	.meta({ id: 'WallWaitingSample' });

/** A page of the waiting calls, oldest first: all of them, or one queue's. */
export const WallWaitingQuery = z
	.object({
		/** A queue key as the wall's queues carry it: `dept:<id>`, `lang:<code>` or `lane:<lane>`. */
		queue: z
			.string()
			.regex(
				/^(dept:\d{1,9}|lang:[a-z-]{2,16}|lane:(urgent|green|elderly|appointment|normal))$/,
				'queue: dept:<id>, lang:<code> or lane:<lane>'
			)
			.optional(),
		/** The `next` of the previous page. */
		after: z.string().max(200).optional(),
		limit: queryInt(1, 1000).default(200)
	})
	.meta({ id: 'WallWaitingQuery' });

export const WallWaitingPage = z
	.object({
		items: z.array(WallWaitingCall),
		/** How many calls wait in the queue asked for (all queues without one). */
		total: z.number().int(),
		/** The cursor of the next page, or null after the last. */
		next: z.string().nullable()
	})
	.meta({ id: 'WallWaitingPage' });

export type WallWaitingQuery = z.infer<typeof WallWaitingQuery>;
export type WallWaitingPage = z.infer<typeof WallWaitingPage>;

const Named = z.object({ id: z.number().int(), name: z.string(), nameEn: z.string().nullable() });

/** What a supervisor oversees (set by an admin). */
export const WallScope = z
	.object({ departments: z.array(Named), towns: z.array(Named) })
	.meta({ id: 'WallScope' });

export const WallSnapshot = z
	.object({
		at: z.string(),
		/** The event stream's resume point for this snapshot (send as Last-Event-ID). */
		eventsFrom: z.string(),
		queues: z.array(WallQueue),
		/** The oldest waiting calls (at most `waitingLimit`); `waitingTotal` counts them all. */
		waiting: z.array(WallWaitingCall),
		waitingTotal: z.number().int(),
		waitingLimit: z.number().int(),
		/** Where the next page of waiting calls starts (`GET /supervisor/wall/waiting?after=`), or null. */
		waitingNext: z.string().nullable(),
		agents: z.array(WallAgent),
		booths: z.array(WallBooth),
		live: z.array(WallLiveCall),
		/** Today over all queues. */
		day: WallDay,
		/** Today's 24 hours, hour 0 first. */
		hours: z.array(WallHour),
		/** Callers waiting, sampled once a minute over the last hour, oldest first. */
		waitingTrend: z.array(WallWaitingSample),
		/** The departments and towns this supervisor oversees; null for the whole district. */
		scope: WallScope.nullable(),
		/** Open alerts: unacknowledged first, then critical first, then newest first. */
		alerts: z.array(WallAlert)
	})
	.meta({ id: 'WallSnapshot' });

export type WallSnapshot = z.infer<typeof WallSnapshot>;
export type WallQueue = z.infer<typeof WallQueue>;
export type WallDay = z.infer<typeof WallDay>;
export type WallHour = z.infer<typeof WallHour>;
export type WallWaitingSample = z.infer<typeof WallWaitingSample>;
export type WallWaitingCall = z.infer<typeof WallWaitingCall>;
export type WallAgent = z.infer<typeof WallAgent>;
export type WallBooth = z.infer<typeof WallBooth>;
export type WallLiveCall = z.infer<typeof WallLiveCall>;
export type WallScope = z.infer<typeof WallScope>;
