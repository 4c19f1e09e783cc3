import type { Ctx } from '../context';
import { conflict, notFound } from '../errors';
import * as live from '../routing/live';
import { requirementOf, scoreOf } from '../routing/policy';
import { publishCall, pushPositions } from './events';
import { factsOf } from './facts';
import * as q from './queries';
import { routeCall } from './route';

/** The lanes a supervisor may put a waiting call in. */
export type SupervisorLane = 'urgent' | 'green' | 'elderly' | 'normal';

/**
 * A waiting call moves to another lane on a supervisor's decision (urgent is only ever theirs):
 * it is re-placed by its original arrival with the lane's head start, and routed again. `elderly`
 * also marks the caller as needing elderly guidance; `normal` clears a priority lane (an elderly
 * caller keeps the elderly lane). 409 `not_waiting` unless the call is queued.
 */
export async function changeLane(
	ctx: Ctx,
	callId: string,
	lane: SupervisorLane,
	by: number
): Promise<{ callId: string; lane: SupervisorLane; position: number | null }> {
	const call = q.callById(ctx.db, callId);
	if (!call) throw notFound('No such call');
	if (call.status !== 'queued')
		throw conflict('not_waiting', `The call is ${call.status}, not waiting`);
	const next: q.CallRow = {
		...call,
		priorityLane: lane === 'urgent' || lane === 'green' ? lane : 'none',
		elderly: call.elderly || lane === 'elderly'
	};
	const facts = factsOf(ctx, next);
	const req = requirementOf(ctx, facts, call.escalationStep);
	const before = await live.call(ctx, callId);
	const r = await live.enqueue(
		ctx,
		callId,
		req.bucket,
		scoreOf(ctx, facts, call.queuedAt),
		facts.elderly,
		'requeue'
	);
	if (r.status !== 'queued') throw conflict('not_waiting', 'The call is no longer waiting');
	q.recordTransition(ctx.db, {
		callId,
		type: 'lane_changed',
		agentId: by,
		reason: lane,
		detail: { from: call.priorityLane, to: next.priorityLane, elderly: next.elderly, by },
		at: new Date().toISOString(),
		patch: { priorityLane: next.priorityLane, elderly: next.elderly },
		version: r.version
	});
	// the callers of the old and the new queue move; the call itself may now be taken
	if (before.bucket && before.bucket !== req.bucket) await pushPositions(ctx, before.bucket);
	await pushPositions(ctx, req.bucket);
	const routed = await routeCall(ctx, callId);
	if (routed.kind !== 'offered') await publishCall(ctx, callId, 'queued');
	return { callId, lane, position: await live.position(ctx, callId) };
}
