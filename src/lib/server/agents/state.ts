import type { StateChanger } from '../../contracts/events';
import type { Ctx } from '../context';
import type { AgentState } from '../db/schema';
import { forbidden } from '../errors';
import * as live from '../routing/live';
import { agentIndexes } from '../routing/rules';
import { publishAgent } from './events';
import { isPresent, touchPresence } from './presence';
import * as q from './queries';

/**
 * An agent's own state and presence. What a state change does to calls (an offer withdrawn, the
 * next call offered) is the calls domain's (calls/seats.ts), which builds on these steps.
 */

/** The agent's live state, or offline when unknown. */
export async function agentState(ctx: Ctx, agentId: number): Promise<string> {
	return (await live.agent(ctx, agentId)).state;
}

/**
 * Gets an agent ready to take calls: reloads its skills into live state (so a skill change
 * takes effect now) and marks it connected. Returns the agent's routing indexes.
 */
export async function prepareAvailable(ctx: Ctx, agentId: number): Promise<string> {
	const fields = q.skillFields(ctx.db, agentId);
	await Promise.all([live.writeSkills(ctx, agentId, fields), touchPresence(ctx, agentId)]);
	return agentIndexes(fields)
		.map((i) => `${i.index}=${i.base}`)
		.join(' ');
}

/**
 * Brings an agent's live skills and routing indexes up to date after a skill change, whatever
 * its state (an available agent keeps its place among idle seats). Returns the live state.
 */
export async function refreshSkills(ctx: Ctx, agentId: number): Promise<string> {
	const fields = q.skillFields(ctx.db, agentId);
	await live.writeSkills(ctx, agentId, fields);
	const idx = agentIndexes(fields)
		.map((i) => `${i.index}=${i.base}`)
		.join(' ');
	return live.reindex(ctx, agentId, idx);
}

/** 403 unless the user is an active agent. */
export function requireActiveAgent(ctx: Ctx, agentId: number): void {
	if (!q.isActiveAgent(ctx.db, agentId)) throw forbidden('Only active agents take calls');
}

/** Logs an agent's new state and tells the agent and supervisors (`by`: a supervisor who set it). */
export async function recordState(
	ctx: Ctx,
	agentId: number,
	state: AgentState,
	reason?: string | null,
	by: StateChanger | null = null
): Promise<void> {
	q.logAgentState(ctx.db, agentId, state, reason, by?.userId ?? null);
	await publishAgent(ctx, agentId, state, reason ?? undefined, by);
}

/** Heartbeat from an agent console: keeps the agent counted as connected. */
export async function heartbeat(ctx: Ctx, agentId: number): Promise<void> {
	await touchPresence(ctx, agentId);
}

/**
 * Agents not offline whose console has not been heard from within the disconnect timeout (no
 * SSE, no heartbeat). Agents in a call are left out: the call, not the console, decides when
 * they are free.
 */
export async function silentAgents(ctx: Ctx): Promise<number[]> {
	const silent: number[] = [];
	for (const agentId of await live.onlineAgents(ctx)) {
		if (await isPresent(ctx, agentId)) continue;
		const st = await agentState(ctx, agentId);
		if (st === 'busy' || st === 'wrap_up') continue;
		silent.push(agentId);
	}
	return silent;
}

/** Agents available right now. */
export async function availableAgents(ctx: Ctx): Promise<number[]> {
	const ids: number[] = [];
	for (const id of await live.onlineAgents(ctx))
		if ((await agentState(ctx, id)) === 'available') ids.push(id);
	return ids;
}

/**
 * Rewrites the routing fields of every agent not offline (returns how many), so a roster change (an extended
 * session's seats) counts for the next routing decision, not the next time they become free.
 */
export async function refreshOnlineFields(ctx: Ctx): Promise<number> {
	const ids = await live.onlineAgents(ctx);
	await Promise.all(ids.map((id) => live.writeSkills(ctx, id, q.skillFields(ctx.db, id))));
	return ids.length;
}
