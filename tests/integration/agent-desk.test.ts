import { eq } from 'drizzle-orm';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callView, createCall, leaveCall } from '../../src/lib/server/calls/calls';
import { endCall, wrapUp } from '../../src/lib/server/calls/handling';
import * as q from '../../src/lib/server/calls/queries';
import type { Ctx } from '../../src/lib/server/context';
import { followUps, outcomes, ratings } from '../../src/lib/server/db/schema';
import { deskCall, deskSnapshot, saveNotes, todayCalls } from '../../src/lib/server/desk/desk';
import { agentState } from '../../src/lib/server/agents/state';
import { currentOffer, acceptOffer, declineOffer } from '../../src/lib/server/calls/offers';
import { setAgentState } from '../../src/lib/server/calls/seats';
import { leaveInterpreting, requestInterpreter } from '../../src/lib/server/calls/interpreter';
import { refreshVideo } from '../../src/lib/server/calls/video';
import { closeRouting, makeAgent, routingContext, someMatters } from './routing-helpers';

let ctx: Ctx;
let m: ReturnType<typeof someMatters>;

beforeAll(async () => {
	ctx = await routingContext({ WRAP_UP_SECONDS: '0' });
	m = someMatters(ctx);
});
afterAll(() => closeRouting(ctx));

/** An agent of matter `a`, available, holding a connected call. */
async function connectedCall(extraSkills: Parameters<typeof makeAgent>[1] = []) {
	const agent = await makeAgent(ctx, [
		{ kind: 'matter', matterId: m.a.id, level: 3 },
		{ kind: 'language', code: 'zh', level: 5 },
		...extraSkills
	]);
	await setAgentState(ctx, agent, 'available');
	const c = await createCall(ctx, {
		channel: 'mobile',
		matterId: m.a.id,
		language: 'zh',
		signLanguage: false,
		elderly: false,
		priorityLane: 'none'
	});
	const offer = (await currentOffer(ctx, agent))!;
	expect(offer.callId).toBe(c.callId);
	await acceptOffer(ctx, agent, offer.offerId);
	return { agent, callId: c.callId };
}

async function finish(agent: number, callId: string) {
	const st = (await callView(ctx, callId))!.status;
	if (st === 'connected') await endCall(ctx, agent, callId);
	if (st !== 'ended') await wrapUp(ctx, agent, callId, { outcome: 'info', mailResults: false });
	await setAgentState(ctx, agent, 'offline');
}

describe('call notes', () => {
	it("are saved by the call's agent only, and only while the call is live", async () => {
		const { agent, callId } = await connectedCall();
		const other = await makeAgent(ctx, [{ kind: 'language', code: 'zh', level: 5 }]);
		saveNotes(ctx, agent, callId, '需要营业执照副本');
		expect(() => saveNotes(ctx, other, callId, '不是我的通话')).toThrow(
			expect.objectContaining({ status: 403 })
		);
		expect(q.callById(ctx.db, callId)!.notes).toBe('需要营业执照副本');
		expect(deskCall(ctx, agent, callId).notes).toBe('需要营业执照副本');
		expect(() => deskCall(ctx, other, callId)).toThrow(expect.objectContaining({ status: 403 }));
		await finish(agent, callId);
		expect(() => saveNotes(ctx, agent, callId, '太晚了')).toThrow(
			expect.objectContaining({ status: 409, code: 'call_closed' })
		);
		expect(q.callById(ctx.db, callId)!.notes).toBe('需要营业执照副本');
	});
});

describe('wrap-up', () => {
	it('refuses mailing without an address and changes nothing', async () => {
		const { agent, callId } = await connectedCall();
		await endCall(ctx, agent, callId);
		await expect(
			wrapUp(ctx, agent, callId, { outcome: 'done', mailResults: true, mailAddress: '  ' })
		).rejects.toMatchObject({ status: 400, code: 'mail_address_required' });
		await expect(
			wrapUp(ctx, agent, callId, { outcome: 'done', matterId: 999_999, mailResults: false })
		).rejects.toMatchObject({ status: 400, code: 'unknown_matter' });
		expect((await callView(ctx, callId))!.status).toBe('wrap_up');
		expect(await agentState(ctx, agent)).toBe('wrap_up');
		expect(ctx.db.select().from(outcomes).where(eq(outcomes.callId, callId)).get()).toBeUndefined();

		await wrapUp(ctx, agent, callId, {
			outcome: 'done',
			matterId: m.sameDept.id,
			mailResults: true,
			mailAddress: '番禺区市桥街道 1 号'
		});
		const o = ctx.db.select().from(outcomes).where(eq(outcomes.callId, callId)).get()!;
		expect(o).toMatchObject({
			outcome: 'done',
			matterId: m.sameDept.id,
			mailAddress: '番禺区市桥街道 1 号'
		});
		expect(await agentState(ctx, agent)).toBe('available');
		await setAgentState(ctx, agent, 'offline');
	});

	it('"could not be done" opens a follow-up item for supervisors; other outcomes do not', async () => {
		const a = await connectedCall();
		await endCall(ctx, a.agent, a.callId);
		await wrapUp(ctx, a.agent, a.callId, { outcome: 'not_done', mailResults: false });
		const items = ctx.db.select().from(followUps).where(eq(followUps.callId, a.callId)).all();
		expect(items).toHaveLength(1);
		expect(items[0]).toMatchObject({ kind: 'not_done', status: 'open' });
		await setAgentState(ctx, a.agent, 'offline');

		const b = await connectedCall();
		await finish(b.agent, b.callId);
		expect(ctx.db.select().from(followUps).where(eq(followUps.callId, b.callId)).all()).toEqual([]);
	});
});

describe("the agent's day", () => {
	it("lists today's calls with outcome, duration and rating, and counts them on the desk", async () => {
		const { agent, callId } = await connectedCall();
		expect(todayCalls(ctx, agent)[0]).toMatchObject({ callId, status: 'connected', outcome: null });
		await endCall(ctx, agent, callId);
		await wrapUp(ctx, agent, callId, { outcome: 'booked', mailResults: false });
		ctx.db.insert(ratings).values({ callId, score: 4 }).run();
		const [row] = todayCalls(ctx, agent);
		expect(row).toMatchObject({ callId, status: 'ended', outcome: 'booked', rating: 4 });
		expect(row!.durationSeconds).toBeGreaterThanOrEqual(0);
		const desk = await deskSnapshot(ctx, agent);
		expect(desk).toMatchObject({ state: 'available', handledToday: 1, averageRating: 4 });
		// Another agent's list does not show it.
		const other = await makeAgent(ctx, [{ kind: 'language', code: 'zh', level: 5 }]);
		expect(todayCalls(ctx, other)).toEqual([]);
		await setAgentState(ctx, agent, 'offline');
	});
});

describe('sign-language interpreter', () => {
	it('routes only a sign-language seat into the same room as interpreter, without holding the caller', async () => {
		const { agent, callId } = await connectedCall();
		const speaker = await makeAgent(ctx, [{ kind: 'language', code: 'zh', level: 5 }]);
		await setAgentState(ctx, speaker, 'available');
		await expect(requestInterpreter(ctx, agent, callId)).rejects.toMatchObject({
			status: 409,
			code: 'no_interpreter_available'
		});
		expect(await currentOffer(ctx, speaker)).toBeNull();

		const signer = await makeAgent(ctx, [
			{ kind: 'language', code: 'zh', level: 5 },
			{ kind: 'sign_language', level: 4 }
		]);
		await setAgentState(ctx, signer, 'available');
		await expect(requestInterpreter(ctx, speaker, callId)).rejects.toMatchObject({ status: 403 });
		await requestInterpreter(ctx, agent, callId);
		await expect(requestInterpreter(ctx, agent, callId)).rejects.toMatchObject({
			code: 'interpreter_pending'
		});
		expect(await currentOffer(ctx, speaker)).toBeNull();
		const offer = (await currentOffer(ctx, signer))!;
		expect(offer).toMatchObject({ callId, call: { kind: 'interpreter' } });
		expect((await callView(ctx, callId))!.status).toBe('connected');
		expect((await callView(ctx, callId, 'caller'))!.interpreterJoined).toBe(false);

		const acc = await acceptOffer(ctx, signer, offer.offerId);
		// The caller's screen learns it: "手语翻译已加入".
		expect((await callView(ctx, callId, 'caller'))!.interpreterJoined).toBe(true);
		const claims = decodeJwt(acc.video.token) as { sub: string; video: { room: string } };
		expect(claims.sub).toBe(`interpreter-${signer}`);
		expect(claims.video.room).toBe(`call-${callId}`);
		expect(q.callById(ctx.db, callId)!.interpreterId).toBe(signer);
		expect(await agentState(ctx, signer)).toBe('busy');
		expect((await callView(ctx, callId))!.status).toBe('connected');
		expect(await agentState(ctx, agent)).toBe('busy');
		const again = await refreshVideo(ctx, callId, {
			user: { id: signer, username: 's', displayName: 's', roles: ['agent'] },
			isCaller: false
		});
		expect(decodeJwt(again.token).sub).toBe(`interpreter-${signer}`);
		expect(deskCall(ctx, signer, callId).role).toBe('interpreter');
		await expect(requestInterpreter(ctx, agent, callId)).rejects.toMatchObject({
			code: 'interpreter_present'
		});

		// The call ending frees the interpreter too.
		await endCall(ctx, agent, callId);
		expect(await agentState(ctx, signer)).toBe('available');
		await wrapUp(ctx, agent, callId, { outcome: 'done', mailResults: false });
		for (const a of [agent, speaker, signer]) await setAgentState(ctx, a, 'offline');
	});

	it('a declined request leaves the call connected and the agent may ask again; an interpreter may leave', async () => {
		const { agent, callId } = await connectedCall();
		const s1 = await makeAgent(ctx, [{ kind: 'sign_language', level: 4 }]);
		await setAgentState(ctx, s1, 'available');
		await requestInterpreter(ctx, agent, callId);
		await declineOffer(ctx, s1, (await currentOffer(ctx, s1))!.offerId);
		expect((await callView(ctx, callId))!.status).toBe('connected');
		expect(await agentState(ctx, s1)).toBe('available');

		// The seat that declined is not asked again; a new one is.
		await expect(requestInterpreter(ctx, agent, callId)).rejects.toMatchObject({
			code: 'no_interpreter_available'
		});
		const s2 = await makeAgent(ctx, [{ kind: 'sign_language', level: 4 }]);
		await setAgentState(ctx, s2, 'available');
		await requestInterpreter(ctx, agent, callId);
		await acceptOffer(ctx, s2, (await currentOffer(ctx, s2))!.offerId);
		await leaveInterpreting(ctx, s2, callId);
		expect(await agentState(ctx, s2)).toBe('available');
		expect(q.callById(ctx.db, callId)!.interpreterId).toBeNull();
		expect((await callView(ctx, callId))!.status).toBe('connected');

		await leaveCall(ctx, callId);
		await finish(agent, callId);
		for (const a of [s1, s2]) await setAgentState(ctx, a, 'offline');
	});
});
