import { z } from 'zod';
import { queryInt } from './params';

/** Schemas of the audit viewer: one time-ordered stream over the audit log and the history tables. */

/** Where an entry comes from: the audit log, a call's history, an agent's state log. */
export const AUDIT_KINDS = ['audit', 'call', 'agent_state', 'booth_state'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

const isoTime = z.iso.datetime({ offset: true });

export const AuditQuery = z.object({
	/** A staff user id: what they did, and what was done to them. */
	actor: queryInt(1).optional(),
	/** `call:<callId>`, `user:<id>` or another audit target, exactly. */
	target: z.string().min(1).max(200).optional(),
	/** An action (`supervisor.assign`, `call.offered`, `agent.state`…) or its prefix (`supervisor`). */
	action: z.string().min(1).max(100).optional(),
	kind: z.enum(AUDIT_KINDS).optional(),
	/** ISO 8601 with offset; from is inclusive, to exclusive. */
	from: isoTime.optional(),
	to: isoTime.optional(),
	/** The `next` of the previous page. */
	cursor: z.string().max(200).optional(),
	limit: queryInt(1, 200).optional(),
	/** `csv` returns the whole filtered stream as CSV (also with `Accept: text/csv`). */
	format: z.enum(['json', 'csv']).optional()
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditActor = z.object({
	kind: z.enum(['user', 'booth', 'caller', 'system']),
	id: z.number().int().nullable(),
	displayName: z.string().nullable()
});

export const AuditItem = z
	.object({
		at: z.string(),
		kind: z.enum(AUDIT_KINDS),
		actor: AuditActor,
		action: z.string(),
		target: z.string().nullable(),
		detail: z.record(z.string(), z.unknown()).nullable()
	})
	.meta({ id: 'AuditItem' });
export type AuditItem = z.infer<typeof AuditItem>;

export const AuditPage = z
	.object({
		/** Newest first. */
		items: z.array(AuditItem),
		/** The cursor of the next (older) page, or null at the end. */
		next: z.string().nullable()
	})
	.meta({ id: 'AuditPage' });
export type AuditPage = z.infer<typeof AuditPage>;
