import type { Redis } from 'ioredis';
import type { WebhookEvent } from 'livekit-server-sdk';
import type { Ctx } from '../context';
import { webhookEvents } from '../db/schema';
import { unauthorized } from '../errors';
import { callIdOfRoom, roleOfIdentity, type VideoRole } from './tokens';

/** What a LiveKit event means for a call. */
export interface CallVideoEvent {
	kind: 'participant_joined' | 'participant_left' | 'room_finished' | 'room_started';
	callId: string;
	role: VideoRole | null;
	identity: string | null;
	/** When LiveKit saw it (seconds since epoch): events can arrive out of order. */
	at: number;
	eventId: string;
}

/** Verifies a webhook on its raw body; throws 401 for a missing or bad signature. */
export async function verifyWebhook(
	ctx: Ctx,
	rawBody: string,
	authorization: string | null
): Promise<WebhookEvent> {
	if (!authorization) throw unauthorized('missing webhook signature');
	try {
		return await ctx.video.webhooks.receive(rawBody, authorization);
	} catch {
		throw unauthorized('webhook signature does not match');
	}
}

/** Records an event id; false when it was handled before (LiveKit retries deliveries). */
export function firstDelivery(ctx: Ctx, eventId: string): boolean {
	return (
		ctx.db
			.insert(webhookEvents)
			.values({ source: 'livekit', id: eventId })
			.onConflictDoNothing()
			.run().changes === 1
	);
}

/** Maps a verified LiveKit event to a call event, or null when it is not about one of our calls. */
export function toCallEvent(e: WebhookEvent): CallVideoEvent | null {
	const callId = e.room ? callIdOfRoom(e.room.name) : null;
	if (!callId) return null;
	if (
		e.event !== 'participant_joined' &&
		e.event !== 'participant_left' &&
		e.event !== 'room_finished' &&
		e.event !== 'room_started'
	)
		return null;
	const identity = e.participant?.identity ?? null;
	return {
		kind: e.event,
		callId,
		identity,
		role: identity ? roleOfIdentity(identity) : null,
		at: Number(e.createdAt),
		eventId: e.id
	};
}

/** Compare-and-set of the newest event time per participant, atomic across web processes. */
const NEWEST_LUA = `
local cur = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '-1')
if tonumber(ARGV[2]) < cur then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('EXPIRE', KEYS[1], 86400)
return 1
`;
type NewestCommand = { cwVideoNewest(key: string, field: string, at: string): Promise<number> };

/** Registers the video seam's Redis script on a connection (the context does this once). */
export function defineVideoScripts(redis: Redis): void {
	redis.defineCommand('cwVideoNewest', { numberOfKeys: 1, lua: NEWEST_LUA });
}

/**
 * Whether an event is the newest seen for its participant (or room); older ones that arrive late
 * are ignored so a stale "left" cannot undo a newer "joined".
 */
export async function isNewest(ctx: Ctx, ev: CallVideoEvent): Promise<boolean> {
	const key = `${ctx.prefix}:video:seen:${ev.callId}`;
	const field = ev.identity ?? 'room';
	const newer = await (ctx.redis as unknown as NewestCommand).cwVideoNewest(
		key,
		field,
		String(ev.at)
	);
	return newer === 1;
}

const inRoomKey = (ctx: Ctx, callId: string) => `${ctx.prefix}:video:in:${callId}`;

/** Who is in a call's room as far as the webhooks tell (when LiveKit itself cannot be asked). */
export const inRoom = {
	async add(ctx: Ctx, callId: string, identity: string): Promise<void> {
		const key = inRoomKey(ctx, callId);
		await ctx.redis.multi().sadd(key, identity).expire(key, 86400).exec();
	},
	async remove(ctx: Ctx, callId: string, identity: string): Promise<void> {
		await ctx.redis.srem(inRoomKey(ctx, callId), identity);
	},
	async has(ctx: Ctx, callId: string, identity: string): Promise<boolean> {
		return (await ctx.redis.sismember(inRoomKey(ctx, callId), identity)) === 1;
	}
};
