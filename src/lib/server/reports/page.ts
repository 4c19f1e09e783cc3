import { GROUP_BYS, RANKED, type GroupBy } from '../../contracts/reports-api';
import type { StaffUser } from '../auth/auth';
import type { Ctx } from '../context';
import { describeScope } from '../supervisor/scope';
import { addDays, quarterDays, quarterOf, today, isDate, type Period } from './period';
import { ranking, reportViewer, summary, trend } from './reports';

export const PERIOD_KINDS = ['day', 'week', 'month', 'quarter', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** The days of a period kind around a date (weeks run Monday to Sunday). */
export function periodAround(kind: Exclude<PeriodKind, 'custom'>, at: string): Period {
	switch (kind) {
		case 'day':
			return { from: at, to: at };
		case 'week': {
			const dow = (new Date(`${at}T00:00:00Z`).getUTCDay() + 6) % 7;
			return { from: addDays(at, -dow), to: addDays(at, 6 - dow) };
		}
		case 'month': {
			const from = `${at.slice(0, 8)}01`;
			const next = addDays(from, 32).slice(0, 8) + '01';
			return { from, to: addDays(next, -1) };
		}
		case 'quarter':
			return quarterDays(quarterOf(at));
	}
}

const pick = <T extends string>(v: string | null, all: readonly T[], d: T): T =>
	v && (all as readonly string[]).includes(v) ? (v as T) : d;

/** Everything the /reports page shows for its query string. */
export function reportsPage(
	ctx: Ctx,
	user: StaffUser,
	url: URL,
	lang: 'zh-CN' | 'en',
	now = Date.now()
) {
	const sp = url.searchParams;
	const t = today(now);
	const kind = pick(sp.get('period'), PERIOD_KINDS, 'month');
	const at = isDate(sp.get('at') ?? '') ? sp.get('at')! : t;
	const groupBy: GroupBy = pick(sp.get('groupBy'), GROUP_BYS, 'department');
	let p: Period =
		kind === 'custom'
			? {
					from: isDate(sp.get('from') ?? '') ? sp.get('from')! : `${t.slice(0, 8)}01`,
					to: isDate(sp.get('to') ?? '') ? sp.get('to')! : t
				}
			: periodAround(kind, at);
	if (p.to < p.from) p = { from: p.to, to: p.from };
	const quarter = /^\d{4}Q[1-4]$/.test(sp.get('quarter') ?? '') ? sp.get('quarter')! : quarterOf(t);
	const of = pick(sp.get('of'), RANKED, 'department');
	const viewer = reportViewer(ctx, user);
	// this quarter and the five before it
	const n = Number(t.slice(0, 4)) * 4 + Math.floor((Number(t.slice(5, 7)) - 1) / 3);
	const quarters = Array.from(
		{ length: 6 },
		(_, i) => `${Math.floor((n - i) / 4)}Q${((n - i) % 4) + 1}`
	);
	return {
		kind,
		at,
		groupBy,
		summary: summary(ctx, viewer, { groupBy, ...p, lang }, now),
		trend: trend(ctx, viewer, p),
		ranking: ranking(ctx, viewer, { quarter, of, lang }, now),
		quarters,
		scope: describeScope(ctx, viewer.scope)
	};
}
