import { AccessToken, TrackSource, type VideoGrant } from 'livekit-server-sdk';

/** Who joins a call's room, and therefore which grants the token carries. */
export type VideoRole = 'caller' | 'agent' | 'interpreter' | 'monitor' | 'barge';

/** Longest life of a join token; connected clients get fresh ones before it runs out. */
export const MAX_TOKEN_TTL_SECONDS = 600;

/** The room of a call: named by the call id only (never personal data). */
export function roomName(callId: string): string {
	return `call-${callId}`;
}

/** The call id a room name stands for, or null for rooms that are not ours. */
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

/** Mints a join token for one participant of one call's room. */
export async function mintToken(
	r: TokenRequest
): Promise<{ token: string; identity: string; room: string; expiresAt: string }> {
	const ttl = Math.min(r.ttlSeconds ?? MAX_TOKEN_TTL_SECONDS, MAX_TOKEN_TTL_SECONDS);
	const room = roomName(r.callId);
	const identity = identityFor(r.role, r.subjectId);
	const at = new AccessToken(r.apiKey, r.apiSecret, { identity, name: r.displayName, ttl });
	at.addGrant(grantsFor(r.role, room));
	return {
		token: await at.toJwt(),
		identity,
		room,
		expiresAt: new Date(Date.now() + ttl * 1000).toISOString()
	};
}
