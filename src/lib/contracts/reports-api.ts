import { z } from 'zod';

/** Schemas of the reports: figures per unit for a period, the quarterly ranking, exports. */

export const GROUP_BYS = ['department', 'town', 'agent', 'booth'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];
export const RANKED = ['department', 'town'] as const;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD (Asia/Shanghai)');

/** The longest period one report covers, in days. */
export const MAX_REPORT_DAYS = 400;

export const PeriodQuery = z.object({
	/** First day, inclusive (Asia/Shanghai); default: the first of this month. */
	from: day.optional(),
	/** Last day, inclusive; default: today. */
	to: day.optional(),
	/** Column headers of the CSV and XLSX variants: Chinese (default) or English. */
	lang: z.enum(['zh-CN', 'en']).optional()
});

export const SummaryQuery = PeriodQuery.extend({
	groupBy: z.enum(GROUP_BYS).default('department')
});
export type SummaryQuery = z.infer<typeof SummaryQuery>;

export const RankingQuery = z.object({
	/** `YYYYQn`; default: the current quarter. */
	quarter: z
		.string()
		.regex(/^\d{4}Q[1-4]$/, 'a quarter such as 2026Q3')
		.optional(),
	of: z.enum(RANKED).default('department'),
	lang: z.enum(['zh-CN', 'en']).optional()
});
export type RankingQuery = z.infer<typeof RankingQuery>;

const rate = z.number().min(0).max(1).nullable();

export const ReportRow = z.object({
	id: z.number().int(),
	name: z.string(),
	/** Calls that arrived (offered to the service). */
	offered: z.number().int(),
	answered: z.number().int(),
	abandoned: z.number().int(),
	/** Calls whose handling is over (cases handled). */
	handled: z.number().int(),
	/** Ratings received. */
	rated: z.number().int(),
	activeRatingRate: rate,
	goodRate: rate,
	bad: z.number().int(),
	replyRate: rate,
	rectificationRate: rate,
	callbackRate: rate,
	callbackSatisfaction: rate,
	asaSeconds: z.number().nullable(),
	serviceLevel: rate,
	abandonRate: rate,
	ahtSeconds: z.number().nullable(),
	/** Calls that came from a booth (booth usage). */
	boothCalls: z.number().int()
});
export type ReportRow = z.infer<typeof ReportRow>;

export const Summary = z.object({
	groupBy: z.enum(GROUP_BYS),
	from: day,
	to: day,
	rows: z.array(ReportRow),
	/** All the rows together. */
	total: ReportRow.omit({ id: true, name: true })
});
export type Summary = z.infer<typeof Summary>;

export const RankingRow = z.object({
	rank: z.number().int().min(1),
	id: z.number().int(),
	name: z.string(),
	score: z.number(),
	components: z.object({
		serviceQuality: z.number(),
		rectification: z.number(),
		activeRating: z.number(),
		coverage: z.number()
	}),
	handled: z.number().int(),
	rated: z.number().int()
});
export type RankingRow = z.infer<typeof RankingRow>;

export const Ranking = z.object({
	quarter: z.string(),
	of: z.enum(RANKED),
	from: day,
	to: day,
	/** Weights of service quality, rectification, active rating rate, coverage. */
	weights: z.array(z.number()).length(4),
	rows: z.array(RankingRow)
});
export type Ranking = z.infer<typeof Ranking>;
