import type { Ctx } from '../context';
import { callContext } from '../calls/context';
import * as cq from '../calls/queries';
import { conflict, forbidden, notFound } from '../errors';
import { availableAgents } from '../agents/state';
import { monitorsToldToAgent } from '../calls/monitor';
import { currentOffer } from '../calls/offers';
import * as live from '../routing/live';
import { averageScore, dayStartIso, secondsBetween } from './day';
import * as q from './queries';

/** The agent's calls today (Asia/Shanghai), newest first: outcome, duration and rating. */
export function todayCalls(ctx: Ctx, agentId: number, now = Date.now()) {
	return q.callsSince(ctx.db, agentId, dayStartIso(now)).map((r) => ({
		callId: r.callId,
		status: r.status,
		channel: r.channel,
		matterName: r.matterName,
		matterNameEn: r.matterNameEn,
		connectedAt: r.connectedAt,
		durationSeconds: secondsBetween(r.connectedAt, r.wrapUpAt),
		outcome: r.outcome ?? null,
		mailResults: r.mailResults ?? false,
		rating: r.score ?? null
	}));
}

/** Everything the agent desk shows at a glance: state and since when, today's figures, offer, live call. */
export async function deskSnapshot(ctx: Ctx, agentId: number, now = Date.now()) {
	// taken first: whatever happens while the snapshot is read is replayed after it
	const eventsFrom = await ctx.bus.lastId();
	const a = await live.agent(ctx, agentId);
	const state = a.state;
	const last = q.lastStateEntry(ctx.db, agentId);
	const calls = todayCalls(ctx, agentId, now);
	const ended = calls.filter((c) => c.status === 'ended');
	const rated = ended.map((c) => c.rating).filter((r): r is number => r !== null);
	const liveCalls = q.liveCallOf(ctx.db, agentId);
	const connected = liveCalls.find((c) => c.status === 'connected' && c.agentId === agentId);
	return {
		eventsFrom,
		state,
		since: a.since ? new Date(a.since).toISOString() : (last?.at ?? null),
		reason: last?.state === state ? (last.reason ?? null) : null,
		changedBy:
			last?.state === state && last.changedBy
				? { userId: last.changedBy, displayName: last.changedByName ?? '' }
				: null,
		handledToday: ended.length,
		averageRating: averageScore(rated),
		ratedToday: rated.length,
		offer: await currentOffer(ctx, agentId),
		liveCallId:
			liveCalls.find((c) => c.status === 'connected' || c.agentId === agentId)?.id ?? null,
		pendingWrapUps: liveCalls.filter((c) => c.status === 'wrap_up').map((c) => c.id),
		monitors: connected ? await monitorsToldToAgent(ctx, connected.id) : []
	};
}

/** A call as its agent (or interpreter) sees it; 404 unknown, 403 someone else's. */
export function deskCall(ctx: Ctx, agentId: number, callId: string) {
	const c = cq.callById(ctx.db, callId);
	if (!c) throw notFound('No such call');
	const role = c.agentId === agentId ? 'agent' : c.interpreterId === agentId ? 'interpreter' : null;
	if (!role) throw forbidden('This call is not yours');
	const names = new Map(
		q
			.namesOf(
				ctx.db,
				[c.agentId, c.interpreterId].filter((x): x is number => !!x)
			)
			.map((u) => [u.id, u.displayName])
	);
	const o = q.outcomeOf(ctx.db, callId);
	const wrapUpEndsAt =
		c.wrapUpAt && ctx.cfg.WRAP_UP_SECONDS > 0
			? new Date(Date.parse(c.wrapUpAt) + ctx.cfg.WRAP_UP_SECONDS * 1000).toISOString()
			: null;
	return {
		callId: c.id,
		role,
		status: c.status,
		context: callContext(ctx, c),
		connectedAt: c.connectedAt,
		wrapUpAt: c.wrapUpAt,
		wrapUpEndsAt,
		notes: role === 'agent' ? (c.notes ?? '') : '',
		agentName: c.agentId ? (names.get(c.agentId) ?? null) : null,
		interpreterName: c.interpreterId ? (names.get(c.interpreterId) ?? null) : null,
		outcome: o
			? {
					outcome: o.outcome,
					matterId: o.matterId,
					notes: o.notes,
					mailResults: o.mailResults,
					mailAddress: o.mailAddress
				}
			: null
	};
}

/** The agent's working notes during the call and wrap-up (only the call's own agent). */
export function saveNotes(ctx: Ctx, agentId: number, callId: string, notes: string) {
	const c = cq.callById(ctx.db, callId);
	if (!c) throw notFound('No such call');
	if (c.agentId !== agentId)
		throw forbidden('Only the agent handling this call may write its notes');
	if (c.status !== 'connected' && c.status !== 'wrap_up')
		throw conflict('call_closed', `Notes can no longer change: the call is ${c.status}`);
	q.setCallNotes(ctx.db, callId, notes);
	return { callId, savedAt: new Date().toISOString() };
}

/**
 * Colleagues available right now (for a transfer to a named agent), by name, with the languages
 * they speak and the departments whose matters they handle; the username tells equal names apart.
 */
export async function availableColleagues(ctx: Ctx, agentId: number) {
	const ids = (await availableAgents(ctx)).filter((id) => id !== agentId);
	return q
		.colleagueDetails(ctx.db, ids)
		.sort(
			(a, b) =>
				a.displayName.localeCompare(b.displayName, 'zh-CN') || a.username.localeCompare(b.username)
		)
		.map(({ id, ...u }) => ({ agentId: id, ...u }));
}
