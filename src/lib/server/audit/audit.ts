import type { Ctx } from '../context';
import { auditLog } from '../db/schema';

export interface AuditEntry {
	actorKind: 'user' | 'booth' | 'caller' | 'system';
	actorId?: number | null;
	action: string;
	target?: string | null;
	detail?: Record<string, unknown>;
	requestId?: string | null;
}

/** Appends to the audit log (personal data must already be masked). */
export function audit(ctx: Pick<Ctx, 'db'>, e: AuditEntry): void {
	ctx.db.insert(auditLog).values(e).run();
}
