import { z } from 'zod';

/** Caller-side request and response schemas: ratings, booth heartbeats, service status, bookings. */

/** The five rating levels of the national 好差评 rules, best first. */
export const RATING_SCORES = [5, 4, 3, 2, 1] as const;

/** Reason codes a caller may pick, by level: only the bad levels (1–2) ask for reasons. */
export const RATING_REASONS: Record<number, readonly string[]> = {
	5: [],
	4: [],
	3: [],
	2: ['wait_long', 'unclear', 'video_quality', 'not_solved', 'other'],
	1: ['attitude', 'not_solved', 'asked_again', 'wait_long', 'unclear', 'other']
};

/** Every reason code, whatever the level. */
export const RATING_REASON_CODES = [...new Set(Object.values(RATING_REASONS).flat())] as [
	string,
	...string[]
];

const reasonsByLevel = Object.entries(RATING_REASONS)
	.filter(([, r]) => r.length)
	.map(([score, r]) => `score ${score}: ${r.join(', ')}`)
	.join('; ');

export const RatingBody = z
	.object({
		score: z.number().int().min(1, 'score must be 1–5').max(5, 'score must be 1–5'),
		reasons: z
			.array(z.enum(RATING_REASON_CODES))
			.max(10)
			.default([])
			.meta({ description: `Only bad levels take reasons (${reasonsByLevel}); none repeats.` }),
		comment: z.string().trim().max(500, 'comment must be at most 500 characters').optional()
	})
	.superRefine((b, ctx) => {
		const allowed = RATING_REASONS[b.score] ?? [];
		for (const r of b.reasons)
			if (!allowed.includes(r))
				ctx.addIssue({
					code: 'custom',
					path: ['reasons'],
					message: `"${r}" is not a reason for score ${b.score}`
				});
		if (new Set(b.reasons).size !== b.reasons.length)
			ctx.addIssue({ code: 'custom', path: ['reasons'], message: 'reasons repeat' });
	})
	.meta({ id: 'RatingBody' });
export type RatingInput = z.infer<typeof RatingBody>;

export const RatingCreated = z
	.object({
		callId: z.string(),
		score: z.number().int(),
		reasons: z.array(z.string()),
		followUp: z.boolean()
	})
	.meta({ id: 'RatingCreated' });

export const BOOTH_STATES = [
	'idle',
	'in_call',
	'rating',
	'out_of_hours',
	'offline',
	'disinfecting'
] as const;

export const HeartbeatBody = z
	.object({ state: z.enum(BOOTH_STATES) })
	.meta({ id: 'BoothHeartbeatBody' });

export const ServiceStatus = z
	.object({ open: z.boolean(), opensAt: z.string().nullable() })
	.meta({ id: 'ServiceStatus' });

export const HeartbeatResult = z
	.object({
		boothId: z.number().int(),
		name: z.string(),
		state: z.enum(BOOTH_STATES),
		lastSeenAt: z.string(),
		service: ServiceStatus
	})
	.meta({ id: 'BoothHeartbeat' });

export const MatterDetail = z
	.object({
		id: z.number().int(),
		name: z.string(),
		nameEn: z.string(),
		materials: z.array(z.string())
	})
	.meta({ id: 'MatterDetail' });
