import { and, eq } from 'drizzle-orm';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentState } from '../../src/lib/server/agents/state';
import { callView, createCall, leaveCall } from '../../src/lib/server/calls/calls';
import { endCall, transferCall, wrapUp } from '../../src/lib/server/calls/handling';
import { leaveInterpreting, requestInterpreter } from '../../src/lib/server/calls/interpreter';
import { acceptOffer, currentOffer } from '../../src/lib/server/calls/offers';
import * as q from '../../src/lib/server/calls/queries';
import { setAgentState } from '../../src/lib/server/calls/seats';
import { refreshVideo } from '../../src/lib/server/calls/video';
import type { Ctx } from '../../src/lib/server/context';
import { auditLog } from '../../src/lib/server/db/schema';
import { deskCall } from '../../src/lib/server/desk/desk';
import { closeRouting, makeAgent, routingContext, someMatters } from './routing-helpers';

let ctx: Ctx;
let m: ReturnType<typeof someMatters>;
let signers = 0;

beforeAll(async () => {
	ctx = await routingContext({ WRAP_UP_SECONDS: '0' });
	m = someMatters(ctx);
});
afterAll(() => closeRouting(ctx));

const seat = (id: number) => ({
	user: { id, username: `u${id}`, displayName: `u${id}`, roles: ['agent' as const] },
	isCaller: false
});

/** A connected call of matter `a` with a sign-language interpreter in its room. */
async function callWithInterpreter() {
	const agent = await makeAgent(ctx, [
		{ kind: 'matter', matterId: m.a.id, level: 3 },
		{ kind: 'language', code: 'zh', level: 5 }
	]);
	await setAgentState(ctx, agent, 'available');
	const { callId } = await createCall(ctx, {
		channel: 'mobile',
		matterId: m.a.id,
		language: 'zh',
		signLanguage: false,
		elderly: false,
		priorityLane: 'none'
	});
	await acceptOffer(ctx, agent, (await currentOffer(ctx, agent))!.offerId);
	const signer = await makeAgent(ctx, [{ kind: 'sign_language', level: 4 }], `手语${++signers}`);
	await setAgentState(ctx, signer, 'available');
	await requestInterpreter(ctx, agent, callId);
	await acceptOffer(ctx, signer, (await currentOffer(ctx, signer))!.offerId);
	expect((await callView(ctx, callId, 'caller'))!.interpreterJoined).toBe(true);
	return { agent, signer, callId };
}

async function finish(agent: number, callId: string, others: number[]) {
	if ((await callView(ctx, callId))!.status === 'connected') await endCall(ctx, agent, callId);
	if ((await callView(ctx, callId))!.status === 'wrap_up')
		await wrapUp(ctx, agent, callId, { outcome: 'info', mailResults: false });
	for (const a of [agent, ...others]) await setAgentState(ctx, a, 'offline');
}

describe('the call agent releases the interpreter', () => {
	it('frees the interpreter, tells the caller, audits it; agent and caller stay connected', async () => {
		const { agent, signer, callId } = await callWithInterpreter();
		const stranger = await makeAgent(ctx, [{ kind: 'language', code: 'zh', level: 5 }]);
		await expect(leaveInterpreting(ctx, stranger, callId)).rejects.toMatchObject({ status: 403 });
		expect(q.callById(ctx.db, callId)!.interpreterId).toBe(signer);

		expect(await leaveInterpreting(ctx, agent, callId)).toEqual({ callId, status: 'left' });
		expect(await agentState(ctx, signer)).toBe('available');
		expect(await agentState(ctx, agent)).toBe('busy');
		expect(q.callById(ctx.db, callId)!.interpreterId).toBeNull();
		const caller = (await callView(ctx, callId, 'caller'))!;
		expect(caller.status).toBe('connected');
		expect(caller.interpreterJoined).toBe(false);
		// the released interpreter no longer gets into the room
		await expect(refreshVideo(ctx, callId, seat(signer))).rejects.toMatchObject({ status: 403 });
		const logged = ctx.db
			.select()
			.from(auditLog)
			.where(
				and(eq(auditLog.action, 'call.interpreter_release'), eq(auditLog.target, `call:${callId}`))
			)
			.all();
		expect(logged).toHaveLength(1);
		expect(logged[0]).toMatchObject({ actorId: agent, detail: { agentId: signer } });

		// Nothing left to release; the agent may ask for an interpreter again.
		await expect(leaveInterpreting(ctx, agent, callId)).rejects.toMatchObject({
			status: 409,
			code: 'no_interpreter'
		});
		await finish(agent, callId, [signer, stranger]);
	});
});

describe('the interpreter follows a transfer', () => {
	it('stays in the call’s room while it waits and with the colleague who takes it over', async () => {
		const { agent, signer, callId } = await callWithInterpreter();
		const colleague = await makeAgent(
			ctx,
			[
				{ kind: 'matter', matterId: m.a.id, level: 3 },
				{ kind: 'language', code: 'zh', level: 5 }
			],
			`同事${signers}`
		);
		await setAgentState(ctx, colleague, 'available');
		await transferCall(ctx, agent, callId, { agentId: colleague });
		// While the colleague is being offered the call, the interpreter is still on it.
		expect(await agentState(ctx, signer)).toBe('busy');
		expect(q.callById(ctx.db, callId)!.interpreterId).toBe(signer);
		expect(await agentState(ctx, agent)).toBe('available');

		const offer = (await currentOffer(ctx, colleague))!;
		expect(offer.callId).toBe(callId);
		const acc = await acceptOffer(ctx, colleague, offer.offerId);
		expect(decodeJwt(acc.video.token)).toMatchObject({ video: { room: `call-${callId}` } });
		// The interpreter's token is for the same room; the new agent's desk names them.
		const theirs = await refreshVideo(ctx, callId, seat(signer));
		expect(decodeJwt(theirs.token)).toMatchObject({
			sub: `interpreter-${signer}`,
			video: { room: `call-${callId}` }
		});
		expect(deskCall(ctx, colleague, callId)).toMatchObject({
			role: 'agent',
			interpreterName: `手语${signers}`
		});
		expect(deskCall(ctx, signer, callId).role).toBe('interpreter');
		expect(() => deskCall(ctx, agent, callId)).toThrow(expect.objectContaining({ status: 403 }));
		expect((await callView(ctx, callId, 'caller'))!.interpreterJoined).toBe(true);

		// The colleague may release the interpreter; the one who transferred may not.
		await expect(leaveInterpreting(ctx, agent, callId)).rejects.toMatchObject({ status: 403 });
		await leaveInterpreting(ctx, colleague, callId);
		expect(await agentState(ctx, signer)).toBe('available');
		await finish(colleague, callId, [agent, signer]);
	});

	it('is freed when the caller leaves while waiting for the colleague', async () => {
		const { agent, signer, callId } = await callWithInterpreter();
		await transferCall(ctx, agent, callId, { matterId: m.sameDept.id });
		expect((await callView(ctx, callId))!.status).toBe('queued');
		expect(await agentState(ctx, signer)).toBe('busy');
		await leaveCall(ctx, callId);
		expect((await callView(ctx, callId))!.status).toBe('abandoned');
		expect(await agentState(ctx, signer)).toBe('available');
		await finish(agent, callId, [signer]);
	});
});
