import type { Ctx } from '../context';
import type { StateChanger } from '../../contracts/events';
import type { Outgoing } from '../realtime/wire';

/** The reason of the break an agent is put on after letting OFFER_MAX_MISSES offers pass. */
export const NOT_RESPONDING = 'not responding';

/** Supervisors see every agent's and every call's changes. */
export const SUPERVISORS = ['supervisor'];

/** An agent's new state for the agent and supervisors (`changedBy`: a supervisor who set it). */
export function agentEvent(
	agentId: number,
	state: string,
	reason?: string | null,
	changedBy: StateChanger | null = null
): Outgoing {
	return [
		'agent.updated',
		{ agentId, state, reason: reason ?? null, since: new Date().toISOString(), changedBy },
		{ users: [agentId], roles: SUPERVISORS }
	];
}

/** Publishes an agent's new state to the agent and supervisors. */
export async function publishAgent(
	ctx: Ctx,
	agentId: number,
	state: string,
	reason?: string,
	changedBy: StateChanger | null = null
) {
	await ctx.bus.publishMany([agentEvent(agentId, state, reason, changedBy)]);
}
