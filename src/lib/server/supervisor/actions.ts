import { isActiveAgent, staffAs } from '../agents/queries';
import { audit } from '../audit/audit';
import type { StaffUser } from '../auth/auth';
import { assignCall } from '../calls/assign';
import { changeLane, type SupervisorLane } from '../calls/lane';
import { monitorCall, type MonitorAction } from '../calls/monitor';
import { setAgentState } from '../calls/seats';
import type { Ctx } from '../context';
import { notFound } from '../errors';
import { assertAgentInScope, assertCallInScope, scopeOf } from './scope';

/** The supervisor as the agent is shown them (their current display name). */
const changerOf = (ctx: Ctx, actor: StaffUser) => staffAs(ctx.db, actor);

/**
 * A supervisor sets an agent's state with a reason (a break, back to available, offline): the
 * agent's desk shows who did it, and the change is audited. A pending offer is withdrawn and its
 * call routed on; 409 `in_call` while the agent is in a call; 404 for anyone who is not an active
 * agent.
 */
export async function setAgentStateAs(
	ctx: Ctx,
	actor: StaffUser,
	agentId: number,
	input: { state: 'available' | 'break' | 'offline'; reason: string },
	requestId?: string | null
): Promise<{ agentId: number; state: string }> {
	if (!isActiveAgent(ctx.db, agentId)) throw notFound(`agent ${agentId} does not exist`);
	assertAgentInScope(ctx, scopeOf(ctx, actor), agentId);
	const by = changerOf(ctx, actor);
	const r = await setAgentState(ctx, agentId, input.state, input.reason, by);
	audit(ctx, {
		actorKind: 'user',
		actorId: actor.id,
		action: 'supervisor.agent_state',
		target: `user:${agentId}`,
		detail: { state: input.state, reason: input.reason, result: r.state },
		requestId
	});
	return { agentId, state: r.state };
}

/**
 * A supervisor offers a waiting call to a named available agent (see calls/assign.ts); audited
 * with whether the seat's missing requirements were overridden.
 */
export async function assignCallAs(
	ctx: Ctx,
	actor: StaffUser,
	callId: string,
	input: { agentId: number; override?: boolean },
	requestId?: string | null
) {
	const scope = scopeOf(ctx, actor);
	assertCallInScope(ctx, scope, callId);
	if (isActiveAgent(ctx.db, input.agentId)) assertAgentInScope(ctx, scope, input.agentId);
	const by = changerOf(ctx, actor);
	const r = await assignCall(ctx, callId, input.agentId, { by, override: input.override ?? false });
	audit(ctx, {
		actorKind: 'user',
		actorId: actor.id,
		action: 'supervisor.assign',
		target: `call:${callId}`,
		detail: { agentId: input.agentId, override: r.override, offerId: r.offerId },
		requestId
	});
	return r;
}

/** A supervisor moves a waiting call to another lane (see calls/lane.ts); audited. */
export async function changeLaneAs(
	ctx: Ctx,
	actor: StaffUser,
	callId: string,
	lane: SupervisorLane,
	requestId?: string | null
) {
	assertCallInScope(ctx, scopeOf(ctx, actor), callId);
	const r = await changeLane(ctx, callId, lane, actor.id);
	audit(ctx, {
		actorKind: 'user',
		actorId: actor.id,
		action: 'supervisor.lane',
		target: `call:${callId}`,
		detail: { lane },
		requestId
	});
	return r;
}

/** A supervisor listens to, whispers in, speaks in or leaves a live call (calls/monitor.ts); audited. */
export async function monitorCallAs(
	ctx: Ctx,
	actor: StaffUser,
	callId: string,
	mode: MonitorAction,
	requestId?: string | null
) {
	assertCallInScope(ctx, scopeOf(ctx, actor), callId);
	const by = changerOf(ctx, actor);
	const r = await monitorCall(ctx, callId, by, mode);
	audit(ctx, {
		actorKind: 'user',
		actorId: actor.id,
		action: `supervisor.${mode}`,
		target: `call:${callId}`,
		requestId
	});
	return r;
}
