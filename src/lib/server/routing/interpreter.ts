import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Ctx } from '../context';
import * as q from '../calls/queries';
import { conflict, forbidden, notFound } from '../errors';
import { videoAccess } from '../video/access';
import { followCall } from './agents';
import { offerContext, releaseOffer, type Accepted } from './engine';
import { publishAgent } from './notify';
import * as live from './live';
import { COMMON } from './lua';

/**
 * Offers a connected call to one available sign-language seat as its interpreter: the call itself
 * is not touched (the caller is never put on hold). One pending request per call; seats that
 * already had this call's request are not asked again. ARGV: P, call, offer, now, exp, K, exclude.
 */
const OFFER = `${COMMON}
local call, offer, now, exp, K, excl = ARGV[2], ARGV[3], tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6]), ARGV[7]
local ck = P .. 'c:' .. call
if redis.call('HGET', ck, 'st') ~= 'connected' then return {'not_connected', ''} end
local io = redis.call('HGET', ck, 'io')
if io and redis.call('HGET', P .. 'o:' .. io, 'st') == 'pending' then return {'pending', io} end
local tried = ck .. ':it'
for _, a in ipairs(redis.call('ZRANGE', P .. 'av:sign', 0, K - 1)) do
  if a ~= excl and redis.call('SISMEMBER', tried, a) == 0
    and tonumber(redis.call('HGET', P .. 'sk:' .. a, 'sign') or '0') > 0 then
    unAvail(a)
    redis.call('HSET', P .. 'a:' .. a, 'st', 'offered', 'offer', offer, 'call', call, 'since', now)
    redis.call('HSET', ck, 'io', offer)
    redis.call('SADD', tried, a)
    redis.call('EXPIRE', tried, 86400)
    redis.call('HSET', P .. 'o:' .. offer, 'call', call, 'agent', a, 'exp', exp, 'st', 'pending', 'k', 'interpreter')
    redis.call('ZADD', P .. 'oexp', exp, offer)
    return {'offered', a}
  end
end
return {'none', ''}
`;

/** The interpreter takes the request, only while the call is still connected. ARGV: P, offer, agent, now. */
const ACCEPT = `${COMMON}
local offer, agent, now = ARGV[2], ARGV[3], tonumber(ARGV[4])
local ok = P .. 'o:' .. offer
if redis.call('HGET', ok, 'st') ~= 'pending' or redis.call('HGET', ok, 'agent') ~= agent then return {'gone', ''} end
if tonumber(redis.call('HGET', ok, 'exp')) < now then return {'gone', ''} end
local call = redis.call('HGET', ok, 'call')
local ck = P .. 'c:' .. call
if redis.call('HGET', ck, 'st') ~= 'connected' then return {'ended', call} end
redis.call('HSET', ok, 'st', 'accepted')
redis.call('EXPIRE', ok, 86400)
redis.call('ZREM', P .. 'oexp', offer)
redis.call('HDEL', ck, 'io')
local ak = P .. 'a:' .. agent
redis.call('HSET', ak, 'st', 'busy', 'miss', 0, 'since', now, 'call', call)
redis.call('HDEL', ak, 'offer')
return {'accepted', call}
`;

type Script = (...args: (string | number)[]) => Promise<string[]>;
const defined = new WeakSet<Redis>();
function scripts(ctx: Ctx): { rInterpOffer: Script; rInterpAccept: Script } {
	if (!defined.has(ctx.redis)) {
		ctx.redis.defineCommand('rInterpOffer', { numberOfKeys: 0, lua: OFFER });
		ctx.redis.defineCommand('rInterpAccept', { numberOfKeys: 0, lua: ACCEPT });
		defined.add(ctx.redis);
	}
	return ctx.redis as unknown as { rInterpOffer: Script; rInterpAccept: Script };
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Tells the call's agent how the interpreter request stands. */
async function tellAgent(
	ctx: Ctx,
	call: q.CallRow,
	status: 'requested' | 'joined' | 'declined' | 'expired' | 'withdrawn' | 'left',
	displayName: string | null = null
) {
	if (!call.agentId) return;
	await ctx.bus.publish(
		'interpreter.updated',
		{ callId: call.id, status, displayName },
		{ users: [call.agentId] }
	);
}

/**
 * The call's agent asks for a sign-language interpreter: the best available sign-language seat
 * gets an `interpreter` offer for the same room. 409 `no_interpreter_available` when none is free,
 * `interpreter_pending` while one is being asked, `interpreter_present` once one has joined.
 */
export async function requestInterpreter(ctx: Ctx, agentId: number, callId: string) {
	const call = q.callById(ctx.db, callId);
	if (!call) throw notFound('No such call');
	if (call.agentId !== agentId) throw forbidden('Only the agent handling this call may do this');
	if (call.status !== 'connected') throw conflict('not_connected', `The call is ${call.status}`);
	if (call.interpreterId)
		throw conflict('interpreter_present', 'An interpreter has already joined this call');
	const now = Date.now();
	const offerId = randomUUID();
	const expiresAt = now + ctx.cfg.OFFER_TIMEOUT_SECONDS * 1000;
	const [r, who] = await scripts(ctx).rInterpOffer(
		ctx.prefix,
		callId,
		offerId,
		now,
		expiresAt,
		64,
		String(agentId)
	);
	if (r === 'pending')
		throw conflict('interpreter_pending', 'A sign-language seat is already being asked');
	if (r === 'not_connected') throw conflict('not_connected', 'The call is not connected');
	if (r === 'none')
		throw conflict('no_interpreter_available', 'No sign-language seat is available right now');
	const interpreterId = Number(who);
	q.insertOffer(ctx.db, {
		id: offerId,
		callId,
		agentId: interpreterId,
		kind: 'interpreter',
		status: 'pending',
		createdAt: iso(now),
		expiresAt: iso(expiresAt)
	});
	q.logAgentState(ctx.db, interpreterId, 'offered', `interpreting call ${callId}`);
	await Promise.all([
		ctx.bus.publish(
			'offer.created',
			{
				offerId,
				callId,
				expiresAt: iso(expiresAt),
				call: offerContext(ctx, call, 'interpreter')
			},
			{ users: [interpreterId] }
		),
		publishAgent(ctx, interpreterId, 'offered'),
		tellAgent(ctx, call, 'requested')
	]);
	return { callId, status: 'requested' as const, expiresAt: iso(expiresAt) };
}

/** A sign-language seat accepts an interpreter offer: it joins the call's room as `interpreter`. */
export async function acceptInterpreter(
	ctx: Ctx,
	agentId: number,
	offerId: string
): Promise<Accepted> {
	const now = Date.now();
	const [r, callId] = await scripts(ctx).rInterpAccept(ctx.prefix, offerId, String(agentId), now);
	if (r === 'ended') await releaseOffer(ctx, offerId, 'withdrawn', 'available', 'call ended');
	if (r !== 'accepted') throw conflict('offer_gone', 'This offer has expired or was withdrawn');
	const at = iso(now);
	q.recordTransition(
		ctx.db,
		{
			callId: callId!,
			type: 'interpreter_joined',
			agentId,
			reason: 'accepted',
			at,
			patch: { interpreterId: agentId }
		},
		(tx) => q.answerOffer(tx, offerId, 'accepted', at)
	);
	q.logAgentState(ctx.db, agentId, 'busy', `interpreting call ${callId}`);
	const name = q.displayName(ctx.db, agentId) ?? '';
	const call = q.callById(ctx.db, callId!)!;
	await Promise.all([publishAgent(ctx, agentId, 'busy'), tellAgent(ctx, call, 'joined', name)]);
	const video = await videoAccess(ctx, callId!, {
		role: 'interpreter',
		subjectId: agentId,
		displayName: name
	});
	return { callId: callId!, roomName: call.roomName ?? null, video };
}

/** Whether an offer is an interpreter request (it is answered differently from a call offer). */
export function isInterpreterOffer(ctx: Ctx, offerId: string): boolean {
	return q.offerById(ctx.db, offerId)?.kind === 'interpreter';
}

/** Tells the call's agent that their interpreter request was not taken. */
export async function interpreterOfferReleased(
	ctx: Ctx,
	callId: string,
	outcome: 'declined' | 'expired' | 'withdrawn'
) {
	const call = q.callById(ctx.db, callId);
	if (call?.status === 'connected') await tellAgent(ctx, call, outcome);
}

/**
 * Frees the call's interpreter when the call is over or they leave (only if they are still on
 * this call: by then they may be interpreting elsewhere).
 */
export async function releaseInterpreter(ctx: Ctx, callId: string, why: string): Promise<void> {
	const call = q.callById(ctx.db, callId);
	if (!call?.interpreterId) return;
	const a = await live.readHash(ctx, `a:${call.interpreterId}`);
	if (a.st !== 'busy' || a.call !== callId) return;
	await followCall(ctx, call.interpreterId, 'available', why);
	if (call.status === 'connected') await tellAgent(ctx, call, 'left');
}

/** The interpreter leaves the call (the agent and caller stay connected). */
export async function leaveInterpreting(ctx: Ctx, agentId: number, callId: string) {
	const call = q.callById(ctx.db, callId);
	if (!call) throw notFound('No such call');
	if (call.interpreterId !== agentId) throw forbidden('You are not interpreting this call');
	await releaseInterpreter(ctx, callId, 'left interpreting');
	q.recordTransition(ctx.db, {
		callId,
		type: 'interpreter_left',
		agentId,
		reason: 'left',
		at: iso(Date.now()),
		patch: { interpreterId: null }
	});
	return { callId, status: 'left' as const };
}
