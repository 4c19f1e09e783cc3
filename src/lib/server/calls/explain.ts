import type { StaffUser } from '../auth/auth';
import type { Ctx } from '../context';
import { forbidden, notFound } from '../errors';
import * as live from '../routing/live';
import { requirementOf } from '../routing/policy';
import { factsOf } from './facts';
import * as q from './queries';

const DECISIONS = new Set([
	'offered',
	'waiting',
	'escalated',
	'offer_declined',
	'offer_expired',
	'offer_withdrawn',
	'transferred',
	'requeued',
	'connected'
]);

/**
 * Why a call went to its agent (rule, step, candidates) or why it still waits (no eligible
 * agent online, all busy, outside hours), with the routing history. Supervisors and admins see
 * any call; an agent sees calls offered to them.
 */
export async function explainCall(ctx: Ctx, user: StaffUser, callId: string) {
	const call = q.callById(ctx.db, callId);
	if (!call) throw notFound('No such call');
	const supervising = user.roles.includes('supervisor') || user.roles.includes('admin');
	if (!supervising && !q.offersOf(ctx.db, callId).some((o) => o.agentId === user.id))
		throw forbidden('You may only see the routing of calls offered to you');
	const waiting = call.status === 'queued' || call.status === 'offered';
	const req = waiting ? requirementOf(ctx, factsOf(ctx, call), call.escalationStep) : null;
	return {
		callId,
		status: call.status,
		escalationStep: call.escalationStep,
		relaxations: req?.relaxations ?? [],
		requirement: req?.bucket ?? null,
		decision: call.routingReason ?? null,
		position: call.status === 'queued' ? await live.position(ctx, callId) : null,
		history: q
			.eventsOf(ctx.db, callId)
			.filter((e) => DECISIONS.has(e.type))
			.map((e) => ({
				type: e.type,
				at: e.at,
				agentId: e.agentId,
				reason: e.reason,
				...(e.detail ? { detail: e.detail } : {})
			}))
	};
}
