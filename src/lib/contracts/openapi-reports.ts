import { z } from 'zod';
import { err, staffOnly, type Op } from './openapi-op';
import { PeriodQuery, Ranking, RankingQuery, Summary, SummaryQuery } from './reports-api';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const invalid = err(
	'Invalid query, or a period that is reversed or longer than 400 days',
	'validation_failed',
	'invalid_period'
);
const who = staffOnly('a supervisor or admin');

const summaryText =
	'Figures per department, town, agent or booth for the Asia/Shanghai days [from, to] (default: this month so far): cases handled, ratings, active rating rate, good rate, bad ratings, reply, rectification and callback rates, callback satisfaction, ASA, service level, abandonment, AHT, booth usage (definitions in the README). A department head (a supervisor scoped to departments) sees their departments only';
const rankingText =
	'The quarterly ranking of departments or towns by composite score (service quality, bad-rating rectification, active rating rate, callback coverage; weights REPORT_RANKING_WEIGHTS), rank 1 first, ties broken by service quality, ratings received, cases handled. Ranks are the district’s; a scoped supervisor sees their own units’ rows';

/** The reports' operations of /api/v1. */
export const reportsOperations: Op[] = [
	{
		method: 'get',
		path: '/reports/summary',
		summary: summaryText,
		tag: 'reports',
		auth: 'staff',
		query: SummaryQuery,
		responses: {
			200: { description: 'One row per unit, and the total', schema: Summary },
			400: invalid,
			...who
		}
	},
	...(['csv', 'xlsx'] as const).map((ext): Op => ({
		method: 'get',
		path: `/reports/summary.${ext}`,
		summary: `The summary as ${ext.toUpperCase()} (the same query; Chinese column headers unless \`lang=en\` or the UI is in English; the total last)`,
		tag: 'reports',
		auth: 'staff',
		query: SummaryQuery,
		responses: {
			200: {
				description: 'The table',
				schema: z.string(),
				type: ext === 'csv' ? 'text/csv' : XLSX
			},
			400: invalid,
			...who
		}
	})),
	{
		method: 'get',
		path: '/reports/ranking',
		summary: rankingText,
		tag: 'reports',
		auth: 'staff',
		query: RankingQuery,
		responses: { 200: { description: 'The ranking table', schema: Ranking }, 400: invalid, ...who }
	},
	...(['csv', 'xlsx'] as const).map((ext): Op => ({
		method: 'get',
		path: `/reports/ranking.${ext}`,
		summary: `The ranking as ${ext.toUpperCase()} (rank, name, score, components), as the district newsletter prints it`,
		tag: 'reports',
		auth: 'staff',
		query: RankingQuery,
		responses: {
			200: {
				description: 'The table',
				schema: z.string(),
				type: ext === 'csv' ? 'text/csv' : XLSX
			},
			400: invalid,
			...who
		}
	})),
	{
		method: 'get',
		path: '/reports/calls.csv',
		summary:
			'Every call that arrived in the period as CSV, streamed (a quarter is never held in memory): arrival, department, town, booth, agent, answered or abandoned, wait, handle time, rating score, rectified, called back. No free text and nothing about the citizen',
		tag: 'reports',
		auth: 'staff',
		query: PeriodQuery,
		responses: {
			200: { description: 'The calls', schema: z.string(), type: 'text/csv' },
			400: invalid,
			...who
		}
	}
];
