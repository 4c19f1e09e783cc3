import type { BusMessage } from '../realtime/bus';
import { audit } from '../audit/audit';
import type { StaffUser } from '../auth/auth';
import type { Ctx } from '../context';
import { badRequest, DomainError, notFound } from '../errors';
import * as q from './scope-queries';

/**
 * What a supervisor oversees: departments and towns, set by an admin. `null` is the whole
 * district (an admin, or a supervisor without a scope).
 * - a call is in scope when its matter belongs to one of the departments, or it came from a
 *   booth in one of the towns;
 * - an agent is in scope when they belong to one of the departments or towns, or hold a matter
 *   skill of one of the departments (the seats that can serve its calls);
 * - a booth is in scope when it stands in one of the towns.
 */
export interface Scope {
	departmentIds: number[];
	townIds: number[];
}

/** The scope a staff user acts in: null for admins and for supervisors without one. */
export function scopeOf(ctx: Pick<Ctx, 'db'>, user: StaffUser): Scope | null {
	if (user.roles.includes('admin')) return null;
	const s = q.scopeRows(ctx.db, user.id);
	return s.departmentIds.length || s.townIds.length ? s : null;
}

/** The scope an admin set for a supervisor (empty lists: the whole district). */
export function storedScope(ctx: Pick<Ctx, 'db'>, userId: number): Scope {
	if (!q.isSupervisor(ctx.db, userId)) throw notFound(`supervisor ${userId} does not exist`);
	return q.scopeRows(ctx.db, userId);
}

/** An admin sets a supervisor's scope (empty lists: the whole district); audited. */
export function setScope(ctx: Pick<Ctx, 'db'>, adminId: number, userId: number, scope: Scope) {
	if (!q.isSupervisor(ctx.db, userId)) throw notFound(`supervisor ${userId} does not exist`);
	const departmentIds = [...new Set(scope.departmentIds)];
	const townIds = [...new Set(scope.townIds)];
	const unknownDept = departmentIds.find((id) => !q.departmentExists(ctx.db, id));
	if (unknownDept !== undefined)
		throw badRequest(`departmentIds: unknown department ${unknownDept}`, 'unknown_department');
	const unknownTown = townIds.find((id) => !q.townExists(ctx.db, id));
	if (unknownTown !== undefined)
		throw badRequest(`townIds: unknown town ${unknownTown}`, 'unknown_town');
	q.replaceScope(ctx.db, userId, { departmentIds, townIds });
	audit(ctx, {
		actorKind: 'user',
		actorId: adminId,
		action: 'admin.supervisor_scope',
		target: `user:${userId}`,
		detail: { departmentIds, townIds }
	});
	return { id: userId, departmentIds, townIds };
}

/** The scope with the names the wall shows. */
export function describeScope(ctx: Pick<Ctx, 'db'>, scope: Scope | null) {
	if (!scope) return null;
	return q.scopeNames(ctx.db, scope);
}

const outOfScope = (what: string) =>
	new DomainError(403, 'out_of_scope', `${what} is outside the departments and towns you oversee`);

/** 403 `out_of_scope` unless the call is in scope (missing calls are left to the action's 404). */
export function assertCallInScope(ctx: Pick<Ctx, 'db'>, scope: Scope | null, callId: string) {
	if (scope && q.callPlace(ctx.db, callId) && !q.callInScope(ctx.db, scope, callId))
		throw outOfScope(`call ${callId}`);
}

/** 403 `out_of_scope` unless the agent is in scope. */
export function assertAgentInScope(ctx: Pick<Ctx, 'db'>, scope: Scope | null, agentId: number) {
	if (scope && !q.agentInScope(ctx.db, scope, agentId)) throw outOfScope(`agent ${agentId}`);
}

/** Whether an alert (by its key: `wait:dept:3`, `agent:12:…`, `booth:5:…`, `interpreter:<call>`) is in scope. */
export function alertInScope(ctx: Pick<Ctx, 'db'>, scope: Scope | null, key: string): boolean {
	if (!scope) return true;
	const [kind, a = '', b = ''] = key.split(':');
	if (kind === 'wait' || kind === 'sl') return scope.departmentIds.includes(Number(b));
	if (kind === 'agent') return q.agentInScope(ctx.db, scope, Number(a));
	if (kind === 'booth') return q.boothInScope(scope, q.boothTown(ctx.db, Number(a)));
	if (kind === 'interpreter') return q.callInScope(ctx.db, scope, key.slice('interpreter:'.length));
	return false;
}

/** 403 `out_of_scope` unless the alert is in scope. */
export function assertAlertInScope(ctx: Pick<Ctx, 'db'>, scope: Scope | null, key: string) {
	if (!alertInScope(ctx, scope, key)) throw outOfScope(`alert ${key}`);
}

/** The agents in scope, or null for all. */
export function agentIdsInScope(ctx: Pick<Ctx, 'db'>, scope: Scope | null): Set<number> | null {
	return scope ? q.agentIdsInScope(ctx.db, scope) : null;
}

/**
 * Which live events a scoped supervisor's stream forwards: calls, agents and booths outside
 * the scope are left out (events addressed to the supervisor in person always pass). Null when
 * the user sees the whole district.
 */
export function scopeFilter(
	ctx: Pick<Ctx, 'db'>,
	user: StaffUser
): ((m: BusMessage) => boolean) | null {
	if (!user.roles.includes('supervisor')) return null;
	const scope = scopeOf(ctx, user);
	if (!scope) return null;
	return (m) => {
		if (m.audience.users?.includes(user.id)) return true;
		const d = m.data as Record<string, unknown>;
		switch (m.type) {
			case 'call.updated':
			case 'monitors.updated':
				return q.callInScope(ctx.db, scope, String(d.callId));
			case 'agent.updated':
				return q.agentInScope(ctx.db, scope, Number(d.agentId));
			case 'booth.updated':
				return q.boothInScope(scope, q.boothTown(ctx.db, Number(d.boothId)));
			case 'alert.updated':
				return alertInScope(ctx, scope, String(d.key ?? (d.alert as { key?: string })?.key));
			default:
				return true;
		}
	};
}

export { boothInScope } from './scope-queries';
