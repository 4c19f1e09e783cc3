import { createHash } from 'node:crypto';
import { decodeJwt } from 'jose';
import { AccessToken } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/lib/server/context';
import { VideoRooms } from '../../src/lib/server/video/rooms';
import {
	firstDelivery,
	isNewest,
	toCallEvent,
	verifyWebhook
} from '../../src/lib/server/video/webhooks';
import { closeTestContext, testContext } from './helpers';
import { startTwirpRecorder } from './support/twirp-recorder';

let ctx: Ctx;
let recorder: Awaited<ReturnType<typeof startTwirpRecorder>>;
const callId = '5d2c1f7a-2222-4bbb-9ccc-abcdefabcdef';

beforeAll(async () => {
	recorder = await startTwirpRecorder();
	ctx = await testContext({ LIVEKIT_URL: recorder.url.replace('http', 'ws') });
});
afterAll(async () => {
	await closeTestContext(ctx);
	await recorder.close();
});

/** Signs a webhook body the way the LiveKit server does: a JWT carrying the body's SHA-256. */
async function sign(body: string, secret = 'secret'): Promise<string> {
	const at = new AccessToken('devkey', secret);
	at.sha256 = createHash('sha256').update(body).digest('base64');
	return at.toJwt();
}

function event(kind: string, id: string, createdAt: number, identity?: string): string {
	return JSON.stringify({
		event: kind,
		id,
		createdAt: String(createdAt),
		room: { name: `call-${callId}`, sid: 'RM_x' },
		...(identity ? { participant: { identity, sid: 'PA_x' } } : {})
	});
}

describe('LiveKit room service (by contract, against a recording Twirp endpoint)', () => {
	it('creates the call room with timeouts that survive reconnects and a participant cap', async () => {
		const rooms = new VideoRooms(ctx.cfg);
		const res = await rooms.ensureRoom(callId);
		expect(res).toEqual({ ok: true, value: `call-${callId}` });
		const call = recorder.calls.find((c) => c.path === '/twirp/livekit.RoomService/CreateRoom')!;
		expect(call.body).toMatchObject({ name: `call-${callId}`, maxParticipants: 4 });
		expect(Number(call.body.departureTimeout)).toBeGreaterThanOrEqual(60);
		expect(Number(call.body.emptyTimeout)).toBeGreaterThan(0);
		const auth = decodeJwt(call.authorization!.replace('Bearer ', '')) as {
			video: Record<string, unknown>;
		};
		expect(auth.video.roomCreate).toBe(true);
	});

	it('removes a participant and lists who is in the room', async () => {
		const rooms = new VideoRooms(ctx.cfg);
		await rooms.removeParticipant(callId, 'interpreter-9');
		const removed = recorder.calls.find(
			(c) => c.path === '/twirp/livekit.RoomService/RemoveParticipant'
		)!;
		expect(removed.body).toEqual({ room: `call-${callId}`, identity: 'interpreter-9' });
		expect(await rooms.participants(callId)).toEqual({ ok: true, value: ['agent-7'] });
	});

	it('reports failure instead of throwing when the media server is down', async () => {
		const rooms = new VideoRooms({ ...ctx.cfg, LIVEKIT_URL: 'ws://127.0.0.1:1' });
		const res = await rooms.ensureRoom(callId);
		expect(res.ok).toBe(false);
	});
});

describe('LiveKit webhooks', () => {
	it('accepts a correctly signed event and maps it to the call', async () => {
		const body = event('participant_left', 'EV_1', 1000, `caller-${callId}`);
		const verified = await verifyWebhook(ctx, body, await sign(body));
		expect(toCallEvent(verified)).toMatchObject({
			kind: 'participant_left',
			callId,
			role: 'caller',
			at: 1000,
			eventId: 'EV_1'
		});
	});

	it('rejects a bad or missing signature with 401', async () => {
		const body = event('room_finished', 'EV_2', 1000);
		await expect(
			verifyWebhook(ctx, body, await sign(body, 'not-the-secret'))
		).rejects.toMatchObject({ status: 401 });
		await expect(verifyWebhook(ctx, body, null)).rejects.toMatchObject({ status: 401 });
		const tampered = body.replace('room_finished', 'room_started');
		await expect(verifyWebhook(ctx, tampered, await sign(body))).rejects.toMatchObject({
			status: 401
		});
	});

	it('handles a replayed event id only once', () => {
		expect(firstDelivery(ctx, 'EV_replay')).toBe(true);
		expect(firstDelivery(ctx, 'EV_replay')).toBe(false);
	});

	it('ignores an older event that arrives after a newer one for the same participant', async () => {
		const joined = toCallEvent(
			await verifyWebhook(
				ctx,
				event('participant_joined', 'EV_j', 2000, `caller-${callId}`),
				await sign(event('participant_joined', 'EV_j', 2000, `caller-${callId}`))
			)
		)!;
		const staleLeft = toCallEvent(
			await verifyWebhook(
				ctx,
				event('participant_left', 'EV_l', 1500, `caller-${callId}`),
				await sign(event('participant_left', 'EV_l', 1500, `caller-${callId}`))
			)
		)!;
		expect(await isNewest(ctx, joined)).toBe(true);
		expect(await isNewest(ctx, staleLeft)).toBe(false);
	});

	it('ignores rooms that are not calls', async () => {
		const body = JSON.stringify({
			event: 'room_started',
			id: 'EV_o',
			createdAt: '1',
			room: { name: 'lobby' }
		});
		expect(toCallEvent(await verifyWebhook(ctx, body, await sign(body)))).toBeNull();
	});
});
