import { z } from 'zod';
import { queryInt } from './params';

/** Schemas of the quality desk: rectification cases of bad ratings and the 办不成事 queue. */

export const CASE_KINDS = ['rectification', 'not_done'] as const;
export const CASE_STATUSES = [
	'open',
	'verified',
	'rectified',
	'fed_back',
	'called_back',
	'reviewed',
	'closed'
] as const;
export const CASE_STEPS = [
	'verify',
	'triage',
	'rectify',
	'feedback',
	'callback',
	'review'
] as const;
export const TRIAGE_KINDS = ['fix_now', 'complex', 'explain', 'appeal'] as const;

export const CaseListQuery = z
	.object({
		kind: z.enum(CASE_KINDS).optional(),
		/** A status, or `active` for every case not closed. */
		status: z.enum([...CASE_STATUSES, 'active']).optional(),
		ownerId: queryInt(1).optional(),
		/** `true`: only overdue cases; `false`: only those on time. */
		overdue: z.enum(['true', 'false']).optional(),
		offset: queryInt(0, 1_000_000).default(0),
		limit: queryInt(1, 200).default(50)
	})
	.meta({ id: 'CaseListQuery' });
export type CaseListQuery = z.infer<typeof CaseListQuery>;

export const CaseItem = z
	.object({
		id: z.number().int(),
		kind: z.enum(CASE_KINDS),
		callId: z.string(),
		status: z.enum(CASE_STATUSES),
		/** The next step to record; null once the case is closed. */
		step: z.enum(CASE_STEPS).nullable(),
		triage: z.enum(TRIAGE_KINDS).nullable(),
		ownerId: z.number().int().nullable(),
		ownerName: z.string().nullable(),
		/** Local dates (YYYY-MM-DD, Asia/Shanghai): contact the citizen by, rectify by. */
		contactDueAt: z.string().nullable(),
		dueAt: z.string().nullable(),
		overdue: z.boolean(),
		matter: z.string(),
		matterEn: z.string().nullable(),
		department: z.string(),
		departmentEn: z.string().nullable(),
		/** The rating's score (1–2) of a bad-rating case; null for 办不成事. */
		score: z.number().int().nullable(),
		createdAt: z.string(),
		version: z.number().int()
	})
	.meta({ id: 'CaseItem' });
export type CaseItem = z.infer<typeof CaseItem>;

export const CasePage = z
	.object({
		items: z.array(CaseItem),
		total: z.number().int(),
		/** How many of the cases the filter matches are overdue. */
		overdueTotal: z.number().int(),
		/** The offset of the next page, or null after the last. */
		next: z.number().int().nullable()
	})
	.meta({ id: 'CasePage' });
export type CasePage = z.infer<typeof CasePage>;

export const CaseStepRecord = z.object({
	id: z.number().int(),
	step: z.enum(CASE_STEPS),
	detail: z.record(z.string(), z.unknown()),
	note: z.string().nullable(),
	actorId: z.number().int(),
	actorName: z.string().nullable(),
	at: z.string()
});

export const CaseDetail = CaseItem.extend({
	appealDecision: z.enum(['upheld', 'rejected']).nullable(),
	callbackTries: z.number().int(),
	/** Unreached callbacks after which the case may close with the reason recorded. */
	callbackTriesNeeded: z.number().int(),
	milestones: z.object({
		verifiedAt: z.string().nullable(),
		rectifiedAt: z.string().nullable(),
		fedBackAt: z.string().nullable(),
		calledBackAt: z.string().nullable(),
		callbackSatisfied: z.boolean().nullable(),
		closedAt: z.string().nullable()
	}),
	/** The call's facts as its handler saw them; personal data masked, never the rater. */
	call: z.object({
		channel: z.enum(['booth', 'mobile']),
		booth: z.string().nullable(),
		town: z.string().nullable(),
		townEn: z.string().nullable(),
		language: z.string(),
		queuedAt: z.string(),
		connectedAt: z.string().nullable(),
		endedAt: z.string().nullable(),
		callerIdMasked: z.string().nullable(),
		notes: z.string().nullable()
	}),
	outcome: z
		.object({
			outcome: z.string(),
			notes: z.string().nullable(),
			mailResults: z.boolean()
		})
		.nullable(),
	rating: z
		.object({
			score: z.number().int(),
			reasons: z.array(z.string()),
			comment: z.string().nullable()
		})
		.nullable(),
	steps: z.array(CaseStepRecord),
	/** What the viewer may record next: the next step if it is theirs to record. */
	canRecord: z.boolean()
}).meta({ id: 'CaseDetail' });
export type CaseDetail = z.infer<typeof CaseDetail>;

export const CaseStepBody = z
	.object({
		step: z.enum(CASE_STEPS),
		triage: z.enum(TRIAGE_KINDS).optional(),
		/** The reviewer's decision on an appeal. */
		appeal: z.enum(['upheld', 'rejected']).optional(),
		callback: z.object({ reached: z.boolean(), satisfied: z.boolean().optional() }).optional(),
		note: z.string().max(2000).optional(),
		/** The version the form was shown (409 `version_conflict` when the case changed since). */
		version: z.number().int().min(1).optional()
	})
	.meta({ id: 'CaseStepBody' });
export type CaseStepBody = z.infer<typeof CaseStepBody>;

export const CaseCounts = z.object({ open: z.number().int(), overdue: z.number().int() });
export type CaseCounts = z.infer<typeof CaseCounts>;
