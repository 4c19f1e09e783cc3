import type { SQL } from 'drizzle-orm';
import type { AuditItem, AuditKind, AuditPage, AuditQuery } from '$lib/contracts/audit-api';
import { agentStateWindow, displayNames, staffNames } from '../agents/queries';
import { callEventsWindow } from '../calls/queries';
import type { Ctx } from '../context';
import type { Before, HistoryWindow } from '../db/history';
import { badRequest } from '../errors';
import { auditWindow } from '../audit/queries';
import { maskDeep } from '../privacy';
import { boothStateWindow } from '../booths/queries';
import type { StaffUser } from '../auth/auth';
import { scopeOf, type Scope } from './scope';
import { auditScopeSql } from './scope-queries';

/**
 * The audit viewer: the audit log merged with the history that call handling and agent state
 * already write (call events, the agent state log), one stream newest first, paged by a keyset
 * cursor over (time, source, id). Nothing is written on the routing path for it.
 */

/** Equal times are ordered by source, highest first; the cursor carries the source's rank. */
const RANK: Record<AuditKind, number> = { audit: 3, agent_state: 2, call: 1, booth_state: 0 };
/** States only the system sets (a call rang, reached or left the agent). */
const SYSTEM_STATES = new Set(['offered', 'busy', 'wrap_up']);
/** Call events an agent or supervisor does (`agent_id` is who acted); others are the system's. */
const SYSTEM_EVENTS = new Set(['created', 'offered', 'waiting', 'requeued', 'escalated']);

interface Row {
	kind: AuditKind;
	id: number;
	at: string;
	item: Omit<AuditItem, 'actor'> & {
		actor: { kind: AuditItem['actor']['kind']; id: number | null };
	};
}

interface Cursor {
	at: string;
	rank: number;
	id: number;
}

function encodeCursor(c: Cursor): string {
	return Buffer.from(JSON.stringify([c.at, c.rank, c.id])).toString('base64url');
}

function decodeCursor(raw: string): Cursor {
	try {
		const [at, rank, id] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
		if (typeof at === 'string' && Number.isInteger(rank) && Number.isInteger(id)) {
			return { at, rank, id };
		}
	} catch {
		// reported below
	}
	throw badRequest('cursor: not a cursor of this list', 'validation_failed');
}

/** Which rows of a source with `rank` follow the cursor at the cursor's own time. */
function before(c: Cursor | null, rank: number): Before | undefined {
	if (!c) return undefined;
	const sameAt = rank < c.rank ? 'all' : rank === c.rank ? 'below' : 'none';
	return { at: c.at, id: c.id, sameAt };
}

const utc = (iso?: string) => (iso ? new Date(iso).toISOString() : undefined);

function auditRows(ctx: Pick<Ctx, 'db'>, q: AuditQuery, w: HistoryWindow): Row[] | null {
	return auditWindow(ctx.db, { ...w, person: q.actor, target: q.target, action: q.action }).map(
		(r) => ({
			kind: 'audit',
			id: r.id,
			at: r.at,
			item: {
				at: r.at,
				kind: 'audit',
				actor: { kind: r.actorKind, id: r.actorId },
				action: r.action,
				target: r.target,
				detail: r.detail ?? null
			}
		})
	);
}

function callRows(ctx: Pick<Ctx, 'db'>, q: AuditQuery, w: HistoryWindow): Row[] | null {
	let type: string | undefined;
	if (q.action) {
		if (q.action !== 'call' && !q.action.startsWith('call.')) return null;
		type = q.action === 'call' ? undefined : q.action.slice('call.'.length);
	}
	let callId: string | undefined;
	if (q.target) {
		if (!q.target.startsWith('call:')) return null;
		callId = q.target.slice('call:'.length);
	}
	return callEventsWindow(ctx.db, { ...w, callId, agentId: q.actor, type }).map((r) => {
		const byPerson = r.agentId != null && !SYSTEM_EVENTS.has(r.type);
		const actor =
			r.type === 'abandoned'
				? { kind: 'caller' as const, id: null }
				: byPerson
					? { kind: 'user' as const, id: r.agentId }
					: { kind: 'system' as const, id: null };
		const detail: Record<string, unknown> = { ...(r.detail ?? {}) };
		delete detail.at; // the entry's own time
		if (r.fromStatus) detail.from ??= r.fromStatus;
		if (r.toStatus) detail.to ??= r.toStatus;
		if (r.reason) detail.reason ??= r.reason;
		if (r.agentId != null && !byPerson) detail.agentId ??= r.agentId;
		return {
			kind: 'call',
			id: r.id,
			at: r.at,
			item: {
				at: r.at,
				kind: 'call',
				actor,
				action: `call.${r.type}`,
				target: `call:${r.callId}`,
				detail
			}
		};
	});
}

function stateRows(ctx: Pick<Ctx, 'db'>, q: AuditQuery, w: HistoryWindow): Row[] | null {
	if (q.action && q.action !== 'agent' && q.action !== 'agent.state') return null;
	let userId: number | undefined;
	if (q.target) {
		if (!/^user:\d+$/.test(q.target)) return null;
		userId = Number(q.target.slice('user:'.length));
	}
	return agentStateWindow(ctx.db, { ...w, userId, person: q.actor }).map((r) => {
		const actor =
			r.changedBy != null
				? { kind: 'user' as const, id: r.changedBy }
				: SYSTEM_STATES.has(r.state)
					? { kind: 'system' as const, id: null }
					: { kind: 'user' as const, id: r.userId };
		return {
			kind: 'agent_state',
			id: r.id,
			at: r.at,
			item: {
				at: r.at,
				kind: 'agent_state',
				actor,
				action: 'agent.state',
				target: `user:${r.userId}`,
				detail: { state: r.state, ...(r.reason ? { reason: r.reason } : {}) }
			}
		};
	});
}

function boothRows(ctx: Pick<Ctx, 'db'>, q: AuditQuery, w: HistoryWindow): Row[] | null {
	// a booth's screen changes by itself: no staff member did it, nothing is done to one
	if (q.actor) return null;
	if (q.action && q.action !== 'booth' && q.action !== 'booth.state') return null;
	let boothId: number | undefined;
	if (q.target) {
		if (!/^booth:\d+$/.test(q.target)) return null;
		boothId = Number(q.target.slice('booth:'.length));
	}
	return boothStateWindow(ctx.db, { ...w, boothId }).map((r) => ({
		kind: 'booth_state',
		id: r.id,
		at: r.at,
		item: {
			at: r.at,
			kind: 'booth_state',
			actor: { kind: 'booth', id: r.boothId },
			action: 'booth.state',
			target: `booth:${r.boothId}`,
			detail: { state: r.state, ...(r.fromState ? { from: r.fromState } : {}), booth: r.boothName }
		}
	}));
}

const newestFirst = (a: Row, b: Row) =>
	a.at < b.at ? 1 : a.at > b.at ? -1 : RANK[b.kind] - RANK[a.kind] || b.id - a.id;

/** Who reads the trail: a scoped supervisor sees what their scope covers (null: everything). */
export interface AuditViewer {
	userId: number;
	scope: Scope | null;
}

/** The viewer a staff user reads the trail as. */
export function auditViewer(ctx: Pick<Ctx, 'db'>, user: StaffUser): AuditViewer {
	return { userId: user.id, scope: scopeOf(ctx, user) };
}

/** One page of the merged stream, newest first, with the cursor of the next page. */
export function auditPage(
	ctx: Pick<Ctx, 'db'>,
	q: AuditQuery,
	viewer: AuditViewer | null = null,
	limit = q.limit ?? 50
): AuditPage {
	const cursor = q.cursor ? decodeCursor(q.cursor) : null;
	const scoped = viewer?.scope ? auditScopeSql(ctx.db, viewer.scope, viewer.userId) : null;
	const sources: [AuditKind, typeof auditRows, SQL | undefined][] = [
		['audit', auditRows, scoped?.audit],
		['call', callRows, scoped?.call],
		['agent_state', stateRows, scoped?.agentState],
		['booth_state', boothRows, scoped?.boothState]
	];
	const rows: Row[] = [];
	for (const [kind, read, where] of sources) {
		if (q.kind && q.kind !== kind) continue;
		const w = {
			from: utc(q.from),
			to: utc(q.to),
			before: before(cursor, RANK[kind]),
			limit: limit + 1,
			where
		};
		rows.push(...(read(ctx, q, w) ?? []));
	}
	rows.sort(newestFirst);
	const page = rows.slice(0, limit);
	const last = page.at(-1);
	const next =
		rows.length > limit && last
			? encodeCursor({ at: last.at, rank: RANK[last.kind], id: last.id })
			: null;
	const ids = [
		...new Set(
			page.flatMap((r) =>
				r.item.actor.id != null && r.item.actor.kind === 'user' ? [r.item.actor.id] : []
			)
		)
	];
	const names = displayNames(ctx.db, ids);
	return {
		items: page.map((r) => ({
			...r.item,
			// the history's free text (reasons, notes) as supervisors may read it
			detail: r.item.detail ? maskDeep(r.item.detail) : null,
			actor: {
				...r.item.actor,
				displayName:
					r.item.actor.kind === 'user' && r.item.actor.id != null
						? (names.get(r.item.actor.id) ?? null)
						: null
			}
		})),
		next
	};
}

/** The people the viewer can filter by: every staff account. */
export function auditPeople(ctx: Pick<Ctx, 'db'>) {
	return staffNames(ctx.db);
}
