import { AccessToken, TrackSource, type VideoGrant } from 'livekit-server-sdk';

/** Who joins a call's room, and therefore which grants the token carries. */
export type VideoRole = 'caller' | 'agent' | 'interpreter' | 'monitor' | 'barge';

/**
 * Who joins a call's whisper room (`whisper-<callId>`): the whispering supervisor speaks
 * (microphone only), the call's agent listens (subscribe only). Nobody else ever gets a token
 * to it, so the caller cannot hear a whisper whatever their client does.
 */
export type WhisperRole = 'whisper' | 'agent';

/** Longest life of a join token; connected clients get fresh ones before it runs out. */
export const MAX_TOKEN_TTL_SECONDS = 600;

/** The room of a call: named by the call id only (never personal data). */
export function roomName(callId: string): string {
	return `call-${callId}`;
}

/** The side room in which a supervisor whispers to the call's agent only. */
export function whisperRoomName(callId: string): string {
	return `whisper-${callId}`;
}

/** The call id a room name stands for, or null for rooms that are not ours (whisper rooms too). */
export function callIdOfRoom(room: string): string | null {
	return room.startsWith('call-') ? room.slice(5) : null;
}

/** A participant identity: role plus an opaque id (staff user id or call id), nothing personal. */
export function identityFor(role: VideoRole, subjectId: string | number): string {
	return `${role}-${subjectId}`;
}

/** The role encoded in an identity made by identityFor. */
export function roleOfIdentity(identity: string): VideoRole | null {
	const role = identity.split('-')[0];
	return (
		(['caller', 'agent', 'interpreter', 'monitor', 'barge'] as const).find((r) => r === role) ??
		null
	);
}

/** Least privilege per role: only what that participant needs in that one room. */
export function grantsFor(role: VideoRole, room: string): VideoGrant {
	const base: VideoGrant = {
		room,
		roomJoin: true,
		canSubscribe: true,
		canUpdateOwnMetadata: false
	};
	const av = [TrackSource.CAMERA, TrackSource.MICROPHONE];
	switch (role) {
		case 'monitor':
			return { ...base, canPublish: false, canPublishData: false, hidden: true };
		case 'agent':
			return {
				...base,
				canPublish: true,
				canPublishSources: [...av, TrackSource.SCREEN_SHARE],
				canPublishData: true
			};
		default:
			return { ...base, canPublish: true, canPublishSources: av, canPublishData: true };
	}
}

/**
 * Grants in a whisper room: the supervisor may publish a microphone and subscribes to nothing
 * (they hear the call in its own room); the agent may only subscribe. Neither publishes data.
 */
export function whisperGrantsFor(role: WhisperRole, room: string): VideoGrant {
	const base: VideoGrant = {
		room,
		roomJoin: true,
		canUpdateOwnMetadata: false,
		canPublishData: false
	};
	return role === 'whisper'
		? {
				...base,
				canPublish: true,
				canPublishSources: [TrackSource.MICROPHONE],
				canSubscribe: false
			}
		: { ...base, canPublish: false, canSubscribe: true };
}

export interface TokenRequest {
	apiKey: string;
	apiSecret: string;
	callId: string;
	role: VideoRole;
	/** Staff user id for staff roles; the call id for the caller. */
	subjectId: string | number;
	/** Display name shown to the other side (staff display name; "市民" for callers). */
	displayName: string;
	ttlSeconds?: number;
}

type Minted = { token: string; identity: string; room: string; expiresAt: string };

async function sign(
	r: Pick<TokenRequest, 'apiKey' | 'apiSecret' | 'displayName' | 'ttlSeconds'>,
	identity: string,
	grant: VideoGrant
): Promise<Minted> {
	const ttl = Math.min(r.ttlSeconds ?? MAX_TOKEN_TTL_SECONDS, MAX_TOKEN_TTL_SECONDS);
	const at = new AccessToken(r.apiKey, r.apiSecret, { identity, name: r.displayName, ttl });
	at.addGrant(grant);
	return {
		token: await at.toJwt(),
		identity,
		room: grant.room!,
		expiresAt: new Date(Date.now() + ttl * 1000).toISOString()
	};
}

/** Mints a join token for one participant of one call's room. */
export function mintToken(r: TokenRequest): Promise<Minted> {
	return sign(r, identityFor(r.role, r.subjectId), grantsFor(r.role, roomName(r.callId)));
}

/** Mints a token for a call's whisper room (see WhisperRole). */
export function mintWhisperToken(
	r: Omit<TokenRequest, 'role'> & { role: WhisperRole }
): Promise<Minted> {
	return sign(r, `${r.role}-${r.subjectId}`, whisperGrantsFor(r.role, whisperRoomName(r.callId)));
}
