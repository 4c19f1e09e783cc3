import { decodeJwt, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import {
	callIdOfRoom,
	mintToken,
	mintWhisperToken,
	roleOfIdentity,
	whisperRoomName,
	type VideoRole
} from './tokens';

const key = { apiKey: 'devkey', apiSecret: 'secret' };
const callId = '0b8f6c1e-1111-4aaa-8bbb-123456789abc';

async function claims(role: VideoRole, subjectId: string | number, ttlSeconds?: number) {
	const { token, identity, room } = await mintToken({
		...key,
		callId,
		role,
		subjectId,
		displayName: 'x',
		ttlSeconds
	});
	await jwtVerify(token, new TextEncoder().encode('secret'));
	return {
		c: decodeJwt(token) as Record<string, unknown> & {
			video: Record<string, unknown>;
			exp: number;
			iat?: number;
			nbf?: number;
		},
		identity,
		room
	};
}

describe('LiveKit tokens', () => {
	it('lets the agent publish camera, mic and screen and subscribe, in the call room only', async () => {
		const { c, identity, room } = await claims('agent', 17);
		expect(room).toBe(`call-${callId}`);
		expect(callIdOfRoom(room)).toBe(callId);
		expect(c.sub).toBe('agent-17');
		expect(identity).toBe('agent-17');
		expect(c.video).toMatchObject({ room, roomJoin: true, canPublish: true, canSubscribe: true });
		expect(c.video.canPublishSources).toEqual(['camera', 'microphone', 'screen_share']);
		expect(c.video.roomAdmin).toBeUndefined();
		expect(c.video.roomCreate).toBeUndefined();
		expect(c.video.hidden).toBeUndefined();
	});

	it('lets the caller publish camera and mic only; the identity carries no personal data', async () => {
		const { c } = await claims('caller', callId);
		expect(c.sub).toBe(`caller-${callId}`);
		expect(c.video.canPublishSources).toEqual(['camera', 'microphone']);
		expect(roleOfIdentity(String(c.sub))).toBe('caller');
	});

	it('makes a silent monitor hidden and unable to publish', async () => {
		const { c } = await claims('monitor', 3);
		expect(c.video).toMatchObject({
			hidden: true,
			canPublish: false,
			canSubscribe: true,
			canPublishData: false
		});
	});

	it('gives a barging supervisor a visible token that can publish', async () => {
		const { c } = await claims('barge', 3);
		expect(c.video.hidden).toBeUndefined();
		expect(c.video.canPublish).toBe(true);
	});

	it('lets a whispering supervisor publish a microphone only, in the whisper room only', async () => {
		const { token, room, identity } = await mintWhisperToken({
			...key,
			callId,
			role: 'whisper',
			subjectId: 3,
			displayName: '值班长 x'
		});
		const c = decodeJwt(token) as { sub: string; video: Record<string, unknown> };
		expect(room).toBe(`whisper-${callId}`);
		expect(identity).toBe('whisper-3');
		expect(c.video).toMatchObject({
			room,
			roomJoin: true,
			canPublish: true,
			canSubscribe: false,
			canPublishData: false
		});
		expect(c.video.canPublishSources).toEqual(['microphone']);
		expect(c.video.roomAdmin).toBeUndefined();
	});

	it('lets the agent only listen in the whisper room, which is no call room', async () => {
		const { token } = await mintWhisperToken({
			...key,
			callId,
			role: 'agent',
			subjectId: 17,
			displayName: 'x'
		});
		const c = decodeJwt(token) as { sub: string; video: Record<string, unknown> };
		expect(c.sub).toBe('agent-17');
		expect(c.video).toMatchObject({
			room: whisperRoomName(callId),
			canSubscribe: true,
			canPublish: false,
			canPublishData: false
		});
		// Its webhooks (e.g. room_finished) never touch the call itself.
		expect(callIdOfRoom(whisperRoomName(callId))).toBeNull();
	});

	it('never lives longer than 10 minutes', async () => {
		const now = Math.floor(Date.now() / 1000);
		const { c } = await claims('agent', 1, 3600);
		expect(c.exp - now).toBeLessThanOrEqual(601);
		expect(c.exp - now).toBeGreaterThan(590);
		const short = await claims('caller', callId, 120);
		expect(short.c.exp - now).toBeLessThanOrEqual(121);
	});
});
