import type { Ctx } from '../context';
import { mintToken, mintWhisperToken, type VideoRole, type WhisperRole } from './tokens';

/** What a participant needs to join a call's video: where, and a short-lived token. */
export interface VideoAccess {
	url: string;
	token: string;
	expiresAt: string;
}

const roomKey = (ctx: Ctx, callId: string) => `${ctx.prefix}:video:room:${callId}`;

/**
 * Creates the call's room unless it is known to exist. Failures are remembered as "not created",
 * so the next token request (clients refresh every few minutes) tries again once LiveKit is back.
 */
export async function ensureCallRoom(ctx: Ctx, callId: string): Promise<boolean> {
	if ((await ctx.redis.exists(roomKey(ctx, callId))) === 1) return true;
	const res = await ctx.video.rooms.ensureRoom(callId);
	if (res.ok) await ctx.redis.set(roomKey(ctx, callId), '1', 'EX', 6 * 3600);
	return res.ok;
}

/** Forgets that a call's room exists (LiveKit closed it). */
export async function forgetCallRoom(ctx: Ctx, callId: string): Promise<void> {
	await ctx.redis.del(roomKey(ctx, callId));
}

/**
 * A join token for one participant of a call. Tokens are minted locally, so this works while the
 * media server is down; the room is created in the background and the token never waits on it.
 */
export async function videoAccess(
	ctx: Ctx,
	callId: string,
	who: { role: VideoRole; subjectId: string | number; displayName: string }
): Promise<VideoAccess> {
	void ensureCallRoom(ctx, callId).catch(() => false);
	const t = await mintToken({
		apiKey: ctx.cfg.LIVEKIT_API_KEY,
		apiSecret: ctx.cfg.LIVEKIT_API_SECRET,
		callId,
		role: who.role,
		subjectId: who.subjectId,
		displayName: who.displayName
	});
	return { url: ctx.cfg.LIVEKIT_URL, token: t.token, expiresAt: t.expiresAt };
}

/**
 * A join token for a call's whisper room: `whisper` for the supervisor (microphone only), `agent`
 * for the call's agent (listening only). The caller is never given one.
 */
export async function whisperAccess(
	ctx: Ctx,
	callId: string,
	who: { role: WhisperRole; subjectId: number; displayName: string }
): Promise<VideoAccess> {
	const t = await mintWhisperToken({
		apiKey: ctx.cfg.LIVEKIT_API_KEY,
		apiSecret: ctx.cfg.LIVEKIT_API_SECRET,
		callId,
		role: who.role,
		subjectId: who.subjectId,
		displayName: who.displayName
	});
	return { url: ctx.cfg.LIVEKIT_URL, token: t.token, expiresAt: t.expiresAt };
}
