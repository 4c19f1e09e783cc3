import { createHash } from 'node:crypto';
import { decodeJwt } from 'jose';
import { AccessToken } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callView, createCall } from '../../src/lib/server/calls/calls';
import type { Ctx } from '../../src/lib/server/context';
import {
	checkCallerDeparture,
	receiveLivekitWebhook,
	refreshVideo
} from '../../src/lib/server/calls/video';
import {
	closeRouting,
	connectedCall,
	routingContext,
	someMatters,
	waitFor
} from './routing-helpers';
import { startTwirpRecorder } from './support/twirp-recorder';

let ctx: Ctx;
let m: ReturnType<typeof someMatters>;
let recorder: Awaited<ReturnType<typeof startTwirpRecorder>>;

beforeAll(async () => {
	recorder = await startTwirpRecorder();
	ctx = await routingContext({ LIVEKIT_URL: recorder.url.replace('http', 'ws') });
	m = someMatters(ctx);
});
afterAll(async () => {
	await closeRouting(ctx);
	await recorder.close();
});

async function signed(body: object) {
	const raw = JSON.stringify(body);
	const at = new AccessToken('devkey', 'secret');
	at.sha256 = createHash('sha256').update(raw).digest('base64');
	return { raw, auth: await at.toJwt() };
}

describe('video for a call', () => {
	it('gives the accepting agent a token for that call room only, and creates the room', async () => {
		const { agent, callId, accepted } = await connectedCall(ctx);
		const claims = decodeJwt(accepted.video.token) as {
			sub: string;
			video: { room: string; canPublish: boolean };
		};
		expect(accepted.video.url).toBe(ctx.cfg.LIVEKIT_URL);
		expect(claims.sub).toBe(`agent-${agent}`);
		expect(claims.video).toMatchObject({ room: `call-${callId}`, canPublish: true });
		await waitFor(
			() =>
				recorder.calls.some(
					(c) => c.path.endsWith('/CreateRoom') && c.body.name === `call-${callId}`
				),
			'room created'
		);
	});

	it('gives the caller a token once connected, and none while waiting or to staff', async () => {
		const { callId } = await connectedCall(ctx);
		const asCaller = await callView(ctx, callId, 'caller');
		expect((decodeJwt(asCaller!.video!.token) as { sub: string }).sub).toBe(`caller-${callId}`);
		expect((await callView(ctx, callId, 'staff'))!.video).toBeNull();
		const waiting = await createCall(ctx, {
			channel: 'mobile',
			matterId: m.otherDept.id,
			language: 'ja',
			signLanguage: false,
			elderly: false,
			priorityLane: 'none'
		});
		expect((await callView(ctx, waiting.callId, 'caller'))!.video).toBeNull();
	});

	it('refreshes tokens for the call agent, lets a supervisor join hidden, and refuses another agent', async () => {
		const { agent, callId } = await connectedCall(ctx);
		const user = (id: number, roles: ('agent' | 'supervisor')[]) => ({
			id,
			username: 'u',
			displayName: 'u',
			roles
		});
		const mine = await refreshVideo(ctx, callId, { user: user(agent, ['agent']), isCaller: false });
		expect((decodeJwt(mine.token) as { sub: string }).sub).toBe(`agent-${agent}`);
		const sup = await refreshVideo(ctx, callId, {
			user: user(99999, ['supervisor']),
			isCaller: false
		});
		expect((decodeJwt(sup.token) as { video: { hidden: boolean } }).video.hidden).toBe(true);
		await expect(
			refreshVideo(ctx, callId, { user: user(88888, ['agent']), isCaller: false })
		).rejects.toMatchObject({ status: 403 });
	});

	it('ends the call when the caller leaves the room and does not come back', async () => {
		const { callId } = await connectedCall(ctx);
		const joined = await signed({
			event: 'participant_joined',
			id: `EVJ-${callId}`,
			createdAt: '100',
			room: { name: `call-${callId}` },
			participant: { identity: `caller-${callId}` }
		});
		expect(await receiveLivekitWebhook(ctx, joined.raw, joined.auth)).toEqual({ applied: true });
		const left = await signed({
			event: 'participant_left',
			id: `EVL-${callId}`,
			createdAt: '200',
			room: { name: `call-${callId}` },
			participant: { identity: `caller-${callId}` }
		});
		expect(await receiveLivekitWebhook(ctx, left.raw, left.auth)).toEqual({ applied: true });
		expect(await receiveLivekitWebhook(ctx, left.raw, left.auth)).toEqual({ applied: false });
		// The recorder lists only agent-7 in the room: the caller is gone, so the call moves on.
		expect(await checkCallerDeparture(ctx, callId)).toBe('ended');
		expect((await callView(ctx, callId))!.status).toBe('wrap_up');
	});

	it('keeps the call when the room is finished twice or a stale event arrives (no double effect)', async () => {
		const { callId } = await connectedCall(ctx);
		const fin = await signed({
			event: 'room_finished',
			id: `EVF-${callId}`,
			createdAt: '300',
			room: { name: `call-${callId}` }
		});
		await receiveLivekitWebhook(ctx, fin.raw, fin.auth);
		expect((await callView(ctx, callId))!.status).toBe('wrap_up');
		expect(await receiveLivekitWebhook(ctx, fin.raw, fin.auth)).toEqual({ applied: false });
		expect((await callView(ctx, callId))!.status).toBe('wrap_up');
	});
});
