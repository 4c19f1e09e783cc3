import { and, desc, eq, like, or } from 'drizzle-orm';
import type { Db } from '../db';
import { windowConditions, type HistoryWindow } from '../db/history';
import { auditLog } from '../db/schema';

/** Audit log entries for the viewer, newest first; `action` also matches as a dotted prefix. */
export function auditWindow(
	db: Db,
	f: HistoryWindow & { person?: number; target?: string; action?: string }
) {
	return db
		.select()
		.from(auditLog)
		.where(
			and(
				...windowConditions(auditLog.at, auditLog.id, f),
				f.person
					? or(eq(auditLog.actorId, f.person), eq(auditLog.target, `user:${f.person}`))
					: undefined,
				f.target ? eq(auditLog.target, f.target) : undefined,
				f.action
					? or(eq(auditLog.action, f.action), like(auditLog.action, `${f.action}.%`))
					: undefined
			)
		)
		.orderBy(desc(auditLog.at), desc(auditLog.id))
		.limit(f.limit)
		.all();
}
