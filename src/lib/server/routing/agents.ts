import type { Ctx } from '../context';
import * as q from '../calls/queries';
import type { AgentState } from '../db/schema';
import { conflict, forbidden } from '../errors';
import { isPresent, touchPresence } from '../realtime/presence';
import { offerContext, releaseOffer, routeAgent } from './engine';
import { publishAgent } from './notify';
import * as live from './live';
import { agentIndexes } from './rules';

/**
 * Sets an agent's own state (available, break, offline). Going available reloads the agent's
 * skills (so a skill change takes effect now) and looks for a waiting call; leaving while an
 * offer is pending withdraws it and re-routes the call; 409 `in_call` during a call.
 */
export async function setAgentState(
	ctx: Ctx,
	agentId: number,
	state: 'available' | 'break' | 'offline',
	reason?: string | null
): Promise<{ state: string }> {
	if (!q.isActiveAgent(ctx.db, agentId)) throw forbidden('Only active agents take calls');
	const now = Date.now();
	let idx = '';
	if (state === 'available') {
		const fields = q.skillFields(ctx.db, agentId);
		idx = agentIndexes(fields)
			.map((i) => `${i.index}=${i.base}`)
			.join(' ');
		await Promise.all([live.writeSkills(ctx, agentId, fields), touchPresence(ctx, agentId)]);
	}
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
	if (r.detail !== state || state === 'available') {
		q.logAgentState(ctx.db, agentId, state, reason);
		told = publishAgent(ctx, agentId, state, reason ?? undefined);
		told.catch(() => {}); // awaited below; this only keeps a failure from going unhandled meanwhile
	}
	if (state === 'available') await routeAgent(ctx, agentId);
	await told;
	return { state: (await live.readHash(ctx, `a:${agentId}`)).st ?? state };
}

/** System-driven agent state that follows the call (busy, wrap_up) or the wrap-up timer. */
export async function followCall(
	ctx: Ctx,
	agentId: number,
	state: Extract<AgentState, 'busy' | 'wrap_up' | 'available'>,
	reason: string
): Promise<void> {
	const r = await live.setAgent(ctx, agentId, state, Date.now(), '', true);
	if (r.result !== 'ok') return;
	q.logAgentState(ctx.db, agentId, state, reason);
	await publishAgent(ctx, agentId, state, reason);
	if (state === 'available') await routeAgent(ctx, agentId);
}

/** The agent's live state, or offline when unknown. */
export async function agentState(ctx: Ctx, agentId: number): Promise<string> {
	return (await live.readHash(ctx, `a:${agentId}`)).st ?? 'offline';
}

/** The agent's pending offer with the call's context, or null. */
export async function currentOffer(ctx: Ctx, agentId: number) {
	const a = await live.readHash(ctx, `a:${agentId}`);
	if (a.st !== 'offered' || !a.offer) return null;
	const o = await live.readHash(ctx, `o:${a.offer}`);
	if (o.st !== 'pending' || Number(o.exp) < Date.now()) return null;
	const call = q.callById(ctx.db, o.call!);
	if (!call) return null;
	return {
		offerId: a.offer,
		callId: call.id,
		expiresAt: new Date(Number(o.exp)).toISOString(),
		call: offerContext(ctx, call, o.k === 'interpreter' ? 'interpreter' : 'call')
	};
}

/** Heartbeat from an agent console: keeps the agent counted as connected. */
export async function heartbeat(ctx: Ctx, agentId: number): Promise<void> {
	await touchPresence(ctx, agentId);
}

/**
 * Sets offline every agent whose console has not been heard from within the disconnect
 * timeout (no SSE, no heartbeat); a pending offer is withdrawn and its call re-routed. Agents in
 * a call are left alone: the call, not the console, decides when they are free.
 */
export async function sweepDisconnected(ctx: Ctx): Promise<number[]> {
	const gone: number[] = [];
	for (const agentId of await live.onlineAgents(ctx)) {
		if (await isPresent(ctx, agentId)) continue;
		const st = await agentState(ctx, agentId);
		if (st === 'busy' || st === 'wrap_up') continue;
		await setAgentState(ctx, agentId, 'offline', 'disconnected').catch(() => {});
		gone.push(agentId);
	}
	return gone;
}

/**
 * Releases every pending offer more than `graceMs` past its time (the offer-expiry sweep runs this
 * with no grace; recovery after a restart too): each call goes back to its place and is routed
 * again. Returns how many offers expired.
 */
export async function expireOverdueOffers(ctx: Ctx, graceMs = 0): Promise<number> {
	let n = 0;
	for (;;) {
		const ids = await live.overdueOffers(ctx, Date.now(), graceMs);
		const done = await Promise.all(ids.map((id) => releaseOffer(ctx, id, 'expired')));
		n += done.filter(Boolean).length;
		// another process may hold the same batch; stop when nothing here moved
		if (ids.length < 200 || !done.some(Boolean)) return n;
	}
}
