import type { StateChanger } from '../../contracts/events';
import { isActiveAgent, skillFields } from '../agents/queries';
import type { Ctx } from '../context';
import { conflict, notFound } from '../errors';
import { assign } from '../routing/matching';
import { requirementOf } from '../routing/policy';
import { satisfies } from '../routing/rules';
import { factsOf } from './facts';
import { callById } from './queries';
import { offered } from './route';

/**
 * A waiting call is offered to a named available agent on someone's decision (a duty
 * supervisor's), as routing would offer it: it rings on the agent's desk and times out like any
 * other offer. A seat that lacks one of the call's requirements (matter, level, language, sign
 * language) only with `override`, and the agent is shown that. 409 `not_waiting` unless the call
 * is queued, `agent_not_available` unless the agent is free right now, `not_eligible` without
 * override; 404 for an unknown call or agent.
 */
export async function assignCall(
	ctx: Ctx,
	callId: string,
	agentId: number,
	opts: { by: StateChanger; override: boolean }
): Promise<{ callId: string; agentId: number; offerId: string; override: boolean }> {
	const call = callById(ctx.db, callId);
	if (!call) throw notFound('No such call');
	if (call.status !== 'queued')
		throw conflict('not_waiting', `The call is ${call.status}, not waiting`);
	if (!isActiveAgent(ctx.db, agentId)) throw notFound(`agent ${agentId} does not exist`);
	const req = requirementOf(ctx, factsOf(ctx, call), call.escalationStep);
	const eligible = satisfies(skillFields(ctx.db, agentId), req.checks);
	if (!eligible && !opts.override)
		throw conflict(
			'not_eligible',
			"This seat lacks one of the call's requirements; send it anyway with override"
		);
	const now = Date.now();
	const r = await assign(ctx, callId, agentId, now);
	if (r.kind === 'agent_busy')
		throw conflict('agent_not_available', `The agent is ${r.state}, not available`);
	if (r.kind !== 'offered') throw conflict('not_waiting', 'The call is no longer waiting');
	const assignment = { ...opts.by, override: !eligible };
	await offered(ctx, {
		...r,
		callId,
		candidates: 1,
		now,
		rule: eligible ? 'supervisor_assign' : 'supervisor_override',
		requirement: req.bucket,
		assignment
	});
	return { callId, agentId, offerId: r.offerId, override: !eligible };
}
