import {
	agentState,
	prepareAvailable,
	recordState,
	refreshSkills,
	requireActiveAgent,
	silentAgents
} from '../agents/state';
import type { StateChanger } from '../../contracts/events';
import type { Ctx } from '../context';
import { conflict } from '../errors';
import * as live from '../routing/live';
import { releaseOffer } from './offers';
import { routeAgent } from './route';

/**
 * What an agent's state change does to calls: leaving while an offer is pending withdraws it and
 * re-routes the call; becoming available looks for a waiting call at once.
 */

/**
 * Sets an agent's state (available, break, offline), by the agent or, with `by`, by a
 * supervisor on the agent's behalf. Going available reloads the agent's
 * skills (so a skill change takes effect now) and looks for a waiting call; leaving while an
 * offer is pending withdraws it and re-routes the call; 409 `in_call` during a call, and during
 * wrap-up unless a supervisor does it.
 */
export async function setAgentState(
	ctx: Ctx,
	agentId: number,
	state: 'available' | 'break' | 'offline',
	reason?: string | null,
	by: StateChanger | null = null
): Promise<{ state: string }> {
	requireActiveAgent(ctx, agentId);
	// Wrap-up lasts until the outcome is recorded; only a supervisor may release the agent sooner.
	if (!by && (await agentState(ctx, agentId)) === 'wrap_up')
		throw conflict('in_call', 'Record the outcome of the call before changing state');
	const now = Date.now();
	const idx = state === 'available' ? await prepareAvailable(ctx, agentId) : '';
	let r = await live.setAgent(ctx, agentId, state, now, idx);
	if (r.result === 'offered') {
		if (state === 'available') return { state: 'offered' };
		await releaseOffer(ctx, r.detail, 'withdrawn', state, reason ?? state);
		r = await live.setAgent(ctx, agentId, state, now, idx);
	}
	if (r.result === 'in_call')
		throw conflict('in_call', 'Finish the current call before changing state');
	// the new state goes out first (one connection keeps the order), the look for a call follows
	let told: Promise<void> = Promise.resolve();
	if (r.detail !== state || state === 'available' || by) {
		told = recordState(ctx, agentId, state, reason, by);
		told.catch(() => {}); // awaited below; this only keeps a failure from going unhandled meanwhile
	}
	if (state === 'available') await routeAgent(ctx, agentId);
	await told;
	return { state: await agentState(ctx, agentId) };
}

/**
 * Sets offline every agent whose console went silent (see `silentAgents`); a pending offer is
 * withdrawn and its call re-routed.
 */
export async function sweepDisconnected(ctx: Ctx): Promise<number[]> {
	const gone: number[] = [];
	for (const agentId of await silentAgents(ctx)) {
		await setAgentState(ctx, agentId, 'offline', 'disconnected').catch(() => {});
		gone.push(agentId);
	}
	return gone;
}

/**
 * A skill change reaches routing at once: each agent's live skills and indexes are rewritten,
 * and an agent who is available looks for a waiting call it now qualifies for.
 */
export async function skillsChanged(ctx: Ctx, agentIds: number[]): Promise<void> {
	for (const agentId of agentIds) {
		const state = await refreshSkills(ctx, agentId);
		if (state === 'available') await routeAgent(ctx, agentId);
	}
}
