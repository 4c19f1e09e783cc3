import { displayName, isActiveAgent } from '../agents/queries';
import { audit } from '../audit/audit';
import type { StaffUser } from '../auth/auth';
import { setAgentState } from '../calls/seats';
import type { Ctx } from '../context';
import { notFound } from '../errors';

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
	const by = { userId: actor.id, displayName: displayName(ctx.db, actor.id) ?? actor.displayName };
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
