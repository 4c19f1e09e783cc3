import type { Ctx } from '../context';
import { auditLog } from '../db/schema';
import { maskDeep, maskText } from '../privacy';

export interface AuditEntry {
	actorKind: 'user' | 'booth' | 'caller' | 'system';
	actorId?: number | null;
	action: string;
	target?: string | null;
	detail?: Record<string, unknown>;
	requestId?: string | null;
}

/** Appends to the audit log; ID card and mobile numbers in its free text are masked. */
export function audit(ctx: Pick<Ctx, 'db'>, e: AuditEntry): void {
	ctx.db
		.insert(auditLog)
		.values({
			...e,
			target: e.target ? maskText(e.target) : e.target,
			detail: e.detail ? maskDeep(e.detail) : e.detail
		})
		.run();
}
