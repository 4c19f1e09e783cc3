import { listDepartments } from '../catalog/queries';
import type { Ctx } from '../context';
import type { MetricSettings } from './metrics';
import { storeThresholds } from './queries';

/**
 * The thresholds the figures are computed with now: T per department (the department's own, or
 * SERVICE_LEVEL_SECONDS) and the short-abandon threshold S (SHORT_ABANDON_SECONDS).
 */
export function metricSettings(ctx: Pick<Ctx, 'db' | 'cfg'>): MetricSettings {
	const own = new Map(
		listDepartments(ctx.db).flatMap((d) =>
			d.answerSeconds != null ? [[d.id, d.answerSeconds] as const] : []
		)
	);
	return {
		answerSeconds: (departmentId) => own.get(departmentId) ?? ctx.cfg.SERVICE_LEVEL_SECONDS,
		shortAbandonSeconds: ctx.cfg.SHORT_ABANDON_SECONDS
	};
}

/**
 * Writes SERVICE_LEVEL_SECONDS and SHORT_ABANDON_SECONDS where the reports' triggers read them
 * (a call's facts are fixed against the thresholds in force when it is answered or abandoned).
 */
export function syncThresholds(ctx: Pick<Ctx, 'db' | 'cfg'>): void {
	storeThresholds(ctx.db, ctx.cfg.SERVICE_LEVEL_SECONDS, ctx.cfg.SHORT_ABANDON_SECONDS);
}
