import { RoomServiceClient } from 'livekit-server-sdk';
import type { Config } from '../config';
import { logger } from '../logger';
import { roomName, whisperRoomName } from './tokens';

/** The LiveKit server's HTTP base for a ws(s):// URL. */
export function livekitHttpUrl(url: string): string {
	return url.replace(/^ws(s?):\/\//, 'http$1://');
}

/** Seconds a room waits for its first participant. */
export const EMPTY_TIMEOUT_SECONDS = 120;
/** Seconds a room stays open after the last participant left, so reconnects land in the same call. */
export const DEPARTURE_TIMEOUT_SECONDS = 90;
/** Caller, agent, interpreter and a supervisor. */
export const MAX_PARTICIPANTS = 4;
/** The agent and the supervisors whispering to them. */
export const WHISPER_MAX_PARTICIPANTS = 3;

export type RoomResult<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * The console's side of LiveKit's room service. Every call reports failure instead of throwing:
 * when the media server is down, calls go on without video and rooms are created later.
 */
export class VideoRooms {
	private readonly client: RoomServiceClient;

	constructor(cfg: Pick<Config, 'LIVEKIT_URL' | 'LIVEKIT_API_KEY' | 'LIVEKIT_API_SECRET'>) {
		this.client = new RoomServiceClient(
			livekitHttpUrl(cfg.LIVEKIT_URL),
			cfg.LIVEKIT_API_KEY,
			cfg.LIVEKIT_API_SECRET,
			// A media server that does not answer soon is down: calls go on without it.
			{ requestTimeout: 5 }
		);
	}

	private async attempt<T>(what: string, fn: () => Promise<T>): Promise<RoomResult<T>> {
		try {
			return { ok: true, value: await fn() };
		} catch (e) {
			const error = e instanceof Error ? e.message : String(e);
			logger.warn({ what, error }, 'LiveKit room service call failed');
			return { ok: false, error };
		}
	}

	/** Creates (or re-creates: the call is idempotent on LiveKit) the room of a call. */
	ensureRoom(callId: string): Promise<RoomResult<string>> {
		return this.attempt('createRoom', async () => {
			const room = await this.client.createRoom({
				name: roomName(callId),
				emptyTimeout: EMPTY_TIMEOUT_SECONDS,
				departureTimeout: DEPARTURE_TIMEOUT_SECONDS,
				maxParticipants: MAX_PARTICIPANTS
			});
			return room.name;
		});
	}

	/** Creates a call's whisper room (agent and whispering supervisors only; see tokens.ts). */
	ensureWhisperRoom(callId: string): Promise<RoomResult<string>> {
		return this.attempt('createRoom', async () => {
			const room = await this.client.createRoom({
				name: whisperRoomName(callId),
				emptyTimeout: EMPTY_TIMEOUT_SECONDS,
				departureTimeout: DEPARTURE_TIMEOUT_SECONDS,
				maxParticipants: WHISPER_MAX_PARTICIPANTS
			});
			return room.name;
		});
	}

	/** Removes a supervisor from a call's whisper room: their microphone stops reaching the agent. */
	removeFromWhisper(callId: string, identity: string): Promise<RoomResult<void>> {
		return this.attempt('removeParticipant', () =>
			this.client.removeParticipant(whisperRoomName(callId), identity)
		);
	}

	/** Closes a call's whisper room (the last whisperer stopped): the agent is disconnected too. */
	closeWhisperRoom(callId: string): Promise<RoomResult<void>> {
		return this.attempt('deleteRoom', () => this.client.deleteRoom(whisperRoomName(callId)));
	}

	/** Identities currently in a call's room (for reconciling webhooks). */
	participants(callId: string): Promise<RoomResult<string[]>> {
		return this.attempt('listParticipants', async () =>
			(await this.client.listParticipants(roomName(callId))).map((p) => p.identity)
		);
	}

	/** Removes one participant (e.g. a transferred agent or a finished interpreter). */
	removeParticipant(callId: string, identity: string): Promise<RoomResult<void>> {
		return this.attempt('removeParticipant', () =>
			this.client.removeParticipant(roomName(callId), identity)
		);
	}

	/** Closes a call's room for everyone. */
	closeRoom(callId: string): Promise<RoomResult<void>> {
		return this.attempt('deleteRoom', () => this.client.deleteRoom(roomName(callId)));
	}
}
