import { isActiveAgent } from '../agents/queries';
import { recordState } from '../agents/state';
import { languageByCode, matterFacts } from '../catalog/queries';
import type { Ctx } from '../context';
import type { OUTCOME_CODES } from '../db/schema';
import { badRequest, conflict, forbidden, notFound } from '../errors';
import * as live from '../routing/live';
import { requirementOf, scoreOf } from '../routing/policy';
import { localParts } from '../schedule/hours';
import { exceptionMap } from '../schedule/schedule';
import { addWorkingDays } from '../schedule/workdays';
import { toWrapUp } from './calls';
import { publishCall } from './events';
import { interpreterWaits } from './interpreter';
import { factsOf } from './facts';
import * as q from './queries';
import { followCall, routeCall } from './route';

/** The call, when this agent holds it; 404 unknown, 403 someone else's. */
function heldCall(ctx: Ctx, agentId: number, callId: string): q.CallRow {
	const c = q.callById(ctx.db, callId);
	if (!c) throw notFound('No such call');
	if (c.agentId !== agentId) throw forbidden('Only the agent handling this call may do this');
	return c;
}

/** The agent ends the conversation: the call goes to wrap-up. */
export async function endCall(ctx: Ctx, agentId: number, callId: string) {
	const c = heldCall(ctx, agentId, callId);
	if (c.status !== 'connected') throw conflict('not_connected', `The call is ${c.status}`);
	await toWrapUp(ctx, c, 'agent_ended');
	return { callId, status: 'wrap_up' };
}

/**
 * The agent records the outcome: the call ends and the agent is available again at once (unless
 * the wrap-up timer already freed them and they are on another call). 包邮 needs an address;
 * 办不成事 opens a follow-up item for supervisors. Bad input changes nothing.
 */
export async function wrapUp(
	ctx: Ctx,
	agentId: number,
	callId: string,
	input: {
		outcome: (typeof OUTCOME_CODES)[number];
		matterId?: number | null;
		notes?: string | null;
		mailResults: boolean;
		mailAddress?: string | null;
	}
) {
	const c = heldCall(ctx, agentId, callId);
	if (c.status !== 'wrap_up') throw conflict('not_in_wrap_up', `The call is ${c.status}`);
	if (input.matterId && !matterFacts(ctx.db, input.matterId))
		throw badRequest(`unknown matter ${input.matterId}`, 'unknown_matter');
	const address = input.mailAddress?.trim() || null;
	if (input.mailResults && !address)
		throw badRequest('mailAddress is required when results are mailed', 'mail_address_required');
	const now = Date.now();
	const at = new Date(now).toISOString();
	q.recordTransition(
		ctx.db,
		{
			callId,
			type: 'ended',
			from: 'wrap_up',
			to: 'ended',
			agentId,
			reason: input.outcome,
			at,
			patch: { status: 'ended', endedAt: at },
			version: 'final'
		},
		(tx) => {
			q.insertOutcome(tx, {
				callId,
				agentId,
				outcome: input.outcome,
				matterId: input.matterId ?? null,
				notes: input.notes ?? null,
				mailResults: input.mailResults,
				mailAddress: input.mailResults ? address : null
			});
			if (input.outcome === 'not_done') {
				// The 办不成事 desk: owned by the agent, with the same working-day deadlines.
				const today = localParts(now).date;
				const ex = exceptionMap(ctx.db);
				q.insertFollowUp(tx, {
					kind: 'not_done',
					callId,
					ownerId: agentId,
					contactDueAt: addWorkingDays(today, ctx.cfg.RECTIFY_CONTACT_WORKDAYS, ex),
					dueAt: addWorkingDays(today, ctx.cfg.RECTIFY_WORKDAYS, ex)
				});
			}
		}
	);
	await live.removeCall(ctx, callId, now);
	if (c.connectedAt) await live.foldHandleTime(ctx, (now - Date.parse(c.connectedAt)) / 1000);
	await publishCall(ctx, callId, 'ended');
	await wrapUpElapsed(ctx, agentId, callId, 'wrap-up done');
	return { callId, status: 'ended' };
}

/** Wrap-up over (the outcome recorded): the agent becomes available if still wrapping up this call. */
export async function wrapUpElapsed(
	ctx: Ctx,
	agentId: number,
	callId?: string,
	why = 'wrap-up done'
): Promise<void> {
	const a = await live.agent(ctx, agentId);
	if (a.state === 'wrap_up' && (!callId || !a.callId || a.callId === callId))
		await followCall(ctx, agentId, 'available', why);
}

/**
 * The wrap-up time ran out. An outcome not yet recorded keeps the agent in wrap-up (no call is
 * offered) until they submit it or a supervisor releases them; the overrun is logged and shown.
 * A call the record has ended meanwhile frees the agent as before.
 */
export async function wrapUpTimeOver(ctx: Ctx, agentId: number, callId: string): Promise<void> {
	const c = q.callById(ctx.db, callId);
	if (c?.status === 'wrap_up' && c.agentId === agentId) {
		const a = await live.agent(ctx, agentId);
		if (a.state === 'wrap_up') await recordState(ctx, agentId, 'wrap_up', WRAP_UP_OVERRUN);
		return;
	}
	await wrapUpElapsed(ctx, agentId, callId, 'wrap-up time over');
}

/** The state-log reason of an agent kept in wrap-up past its time. */
export const WRAP_UP_OVERRUN = 'wrap-up overrun';

/**
 * The agent hands the call on: it re-enters routing at the front of its lane with its original
 * wait time, optionally for another matter or language, or offered to a named colleague first.
 */
export async function transferCall(
	ctx: Ctx,
	agentId: number,
	callId: string,
	input: { matterId?: number; language?: string; agentId?: number }
) {
	const c = heldCall(ctx, agentId, callId);
	if (c.status !== 'connected') throw conflict('not_connected', `The call is ${c.status}`);
	if (input.matterId && !matterFacts(ctx.db, input.matterId))
		throw badRequest(`unknown matter ${input.matterId}`, 'unknown_matter');
	if (input.language && !languageByCode(ctx.db, input.language))
		throw badRequest(`unknown language "${input.language}"`, 'unknown_language');
	if (input.agentId === agentId) throw badRequest('cannot transfer to yourself', 'same_agent');
	if (input.agentId && !isActiveAgent(ctx.db, input.agentId))
		throw badRequest(`unknown agent ${input.agentId}`, 'unknown_agent');
	const at = new Date().toISOString();
	const next: q.CallRow = {
		...c,
		matterId: input.matterId ?? c.matterId,
		language: input.language ?? c.language,
		status: 'queued',
		agentId: null,
		escalationStep: 0
	};
	q.recordTransition(ctx.db, {
		callId,
		type: 'transferred',
		from: 'connected',
		to: 'queued',
		agentId,
		reason: 'transfer',
		detail: { matterId: next.matterId, language: next.language, toAgentId: input.agentId ?? null },
		at,
		patch: {
			status: 'queued',
			matterId: next.matterId,
			language: next.language,
			agentId: null,
			escalationStep: 0,
			connectedAt: null
		}
	});
	const facts = factsOf(ctx, next);
	const req = requirementOf(ctx, facts, 0);
	await live.enqueue(
		ctx,
		callId,
		req.bucket,
		scoreOf(ctx, facts, c.queuedAt, true),
		facts.elderly,
		'transfer'
	);
	// The transferring agent is not offered the call straight back.
	await live.excludeAgent(ctx, callId, agentId, Date.now());
	await followCall(ctx, agentId, 'available', 'transferred a call');
	const r = await routeCall(ctx, callId, input.agentId);
	if (r.kind !== 'offered') await publishCall(ctx, callId, 'queued');
	// the interpreter stays with the call and its room, and is told it waits for a colleague
	await interpreterWaits(ctx, c);
	return { callId, status: r.kind === 'offered' ? 'offered' : 'queued' };
}
