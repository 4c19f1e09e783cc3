import {
	ConnectionQuality,
	DisconnectReason,
	MediaDeviceFailure,
	Room,
	RoomEvent,
	Track,
	type Participant,
	type RemoteTrack
} from 'livekit-client';
import { api } from '$lib/api/client';
import { TokenKeeper, type VideoAccess } from './token-keeper';

export type { VideoAccess } from './token-keeper';
export type RoomStatus =
	'idle' | 'connecting' | 'connected' | 'reconnecting' | 'unavailable' | 'ended';
export type DeviceProblem = 'permission_denied' | 'not_found' | 'in_use' | 'other' | null;

/** What this participant sends: camera and microphone, the microphone only, or nothing. */
export type Publish = 'camera+mic' | 'mic' | 'none';

/** Someone else in the room, as their token names them (a barging supervisor: 值班长 …). */
export interface RemotePerson {
	identity: string;
	name: string;
}

export interface CallRoomOptions {
	callId: string;
	/** The caller's bearer token (agents and booths authenticate by session or cookie). */
	callerToken?: string | null;
	/** Which room: the call's own (default) or its whisper room (agent and whisperers only). */
	room?: 'call' | 'whisper';
	/** What to send once connected (default camera and microphone). */
	publish?: Publish;
	/** First wait before trying again after a failed connect; it doubles up to `maxRetryMs`. */
	retryMs?: number;
	maxRetryMs?: number;
}

/** Why the room closed that nobody here asked for, and that a new connect cannot mend. */
const FINAL: DisconnectReason[] = [
	DisconnectReason.CLIENT_INITIATED,
	DisconnectReason.ROOM_DELETED,
	DisconnectReason.PARTICIPANT_REMOVED,
	DisconnectReason.DUPLICATE_IDENTITY,
	DisconnectReason.ROOM_CLOSED
];

/**
 * One call's video, the only owner of its LiveKit connection: fetches the join token, keeps it
 * fresh, connects once and stays connected (livekit-client resumes a dropped link itself),
 * retries with backoff when the media server cannot be reached, and exposes status, remote
 * video, mic/camera toggles, connection quality and device problems a person can act on.
 * A new token never reconnects a healthy room: it is kept for the next connect.
 */
export class CallRoom {
	status = $state<RoomStatus>('idle');
	micOn = $state(true);
	cameraOn = $state(true);
	quality = $state<'excellent' | 'good' | 'poor' | 'lost' | 'unknown'>('unknown');
	device = $state<DeviceProblem>(null);
	remoteCount = $state(0);
	/** The other people in the room (hidden participants are never listed by LiveKit). */
	remotes = $state<RemotePerson[]>([]);
	readonly #opts: Required<Omit<CallRoomOptions, 'callerToken'>>;
	readonly #tokens: TokenKeeper;
	#room: Room | undefined;
	#remoteEl: HTMLElement | undefined;
	#localEl: HTMLVideoElement | undefined;
	#retry: ReturnType<typeof setTimeout> | undefined;
	#failures = 0;
	#running = false;
	#connecting = false;

	constructor(opts: CallRoomOptions) {
		this.#opts = {
			retryMs: 30_000,
			maxRetryMs: 120_000,
			room: 'call',
			publish: 'camera+mic',
			...opts
		};
		const { callId, callerToken } = opts;
		const endpoint =
			this.#opts.room === 'whisper' ? 'GET /calls/{id}/whisper' : 'GET /calls/{id}/video';
		this.#tokens = new TokenKeeper(async () => {
			const r = await api(endpoint, { params: { id: callId }, token: callerToken });
			if (r.ok) return r.data;
			// The call has no video any more (or never will for this person): stop trying.
			throw Object.assign(new Error(r.error.message), {
				final: r.error.status >= 400 && r.error.status < 500
			});
		});
	}

	/** Where remote video (the other side) and the self view are drawn. */
	attach(remote: HTMLElement | undefined, local: HTMLVideoElement | undefined): void {
		this.#remoteEl = remote;
		this.#localEl = local;
	}

	/** Joins the call's video (idempotent); `access` saves a token fetch when one is at hand. */
	start(access?: VideoAccess): void {
		if (access) this.#tokens.offer(access);
		if (this.#running) return;
		this.#running = true;
		this.#tokens.start();
		void this.#connect();
	}

	/** Tries now instead of waiting for the next retry (the person pressed "retry"). */
	retry(): void {
		// Only a room that is down: livekit-client is still resuming one that is reconnecting.
		if (!this.#running || this.#connecting || this.#room) return;
		this.#failures = 0;
		void this.#connect();
	}

	async #connect(): Promise<void> {
		clearTimeout(this.#retry);
		if (!this.#running || this.#connecting) return;
		this.#connecting = true;
		this.status = 'connecting';
		try {
			let access: VideoAccess;
			try {
				access = await this.#tokens.get();
			} catch (e) {
				this.status = 'unavailable';
				if (!(e as { final?: boolean }).final) this.#scheduleRetry();
				return;
			}
			if (!this.#running) return;
			const room = this.#newRoom();
			this.#room = room;
			try {
				await room.connect(access.url, access.token);
			} catch {
				if (this.#room === room) this.#room = undefined;
				if (!this.#running) return;
				this.status = 'unavailable';
				this.#scheduleRetry();
				return;
			}
			if (!this.#running || this.#room !== room) return void room.disconnect(true);
			this.#failures = 0;
			this.status = 'connected';
			this.#people(room);
			this.#connecting = false;
			await this.#publish(room);
		} finally {
			this.#connecting = false;
		}
	}

	#scheduleRetry(): void {
		clearTimeout(this.#retry);
		if (!this.#running) return;
		const { retryMs, maxRetryMs } = this.#opts;
		const delay = Math.min(maxRetryMs, retryMs * 2 ** Math.min(this.#failures, 6));
		this.#failures += 1;
		this.#retry = setTimeout(() => void this.#connect(), delay);
	}

	#newRoom(): Room {
		const room = new Room({ adaptiveStream: true, dynacast: true, disconnectOnPageLeave: true });
		room
			.on(RoomEvent.Reconnecting, () => (this.status = 'reconnecting'))
			.on(RoomEvent.Reconnected, () => (this.status = 'connected'))
			.on(RoomEvent.Disconnected, (reason?: DisconnectReason) => {
				if (this.#room !== room) return;
				this.#room = undefined;
				this.status = 'ended';
				// livekit-client gave up resuming: join again with a fresh token, unless it is over.
				// (A connect that failed is retried by #connect itself.)
				if (
					this.#running &&
					!this.#connecting &&
					(reason === undefined || !FINAL.includes(reason))
				) {
					this.status = 'unavailable';
					this.#scheduleRetry();
				}
			})
			.on(RoomEvent.TrackSubscribed, (track: RemoteTrack, _pub, p: Participant) =>
				this.#showRemote(track, p)
			)
			.on(RoomEvent.TrackUnsubscribed, (track: RemoteTrack) =>
				track.detach().forEach((el) => el.remove())
			)
			.on(RoomEvent.ParticipantConnected, () => this.#people(room))
			.on(RoomEvent.ParticipantDisconnected, () => this.#people(room))
			.on(RoomEvent.ParticipantNameChanged, () => this.#people(room))
			.on(RoomEvent.ConnectionQualityChanged, (q: ConnectionQuality, p: Participant) => {
				if (p.isLocal) this.quality = q as typeof this.quality;
			})
			.on(RoomEvent.MediaDevicesError, (e: Error) => (this.device = problemOf(e)));
		return room;
	}

	#people(room: Room): void {
		this.remoteCount = room.remoteParticipants.size;
		this.remotes = [...room.remoteParticipants.values()].map((p) => ({
			identity: p.identity,
			name: p.name ?? ''
		}));
	}

	async #publish(room: Room): Promise<void> {
		const what = this.#opts.publish;
		if (what === 'none') return;
		try {
			if (what === 'mic') {
				await room.localParticipant.setMicrophoneEnabled(this.micOn);
				this.device = null;
				return;
			}
			await room.localParticipant.enableCameraAndMicrophone();
			this.device = null;
			const cam = room.localParticipant.getTrackPublication(Track.Source.Camera)?.track;
			if (cam && this.#localEl) cam.attach(this.#localEl);
		} catch (e) {
			this.device = problemOf(e);
		}
	}

	/** Tries the camera and microphone again (after the person fixed permissions or closed another app). */
	async retryDevices(): Promise<void> {
		if (this.#room) await this.#publish(this.#room);
	}

	async toggleMic(): Promise<void> {
		this.micOn = !this.micOn;
		await this.#room?.localParticipant.setMicrophoneEnabled(this.micOn);
	}

	async toggleCamera(): Promise<void> {
		this.cameraOn = !this.cameraOn;
		await this.#room?.localParticipant.setCameraEnabled(this.cameraOn);
	}

	/** Leaves the room for good: no more retries or token refreshes; camera and microphone released. */
	async stop(): Promise<void> {
		this.#running = false;
		clearTimeout(this.#retry);
		this.#tokens.stop();
		const room = this.#room;
		this.#room = undefined;
		if (room) await room.disconnect(true);
		if (this.status !== 'idle') this.status = 'ended';
	}

	#showRemote(track: RemoteTrack, p: Participant): void {
		if (!this.#remoteEl) return;
		const el = track.attach();
		el.setAttribute('data-kind', track.kind);
		el.setAttribute('data-identity', p.identity);
		if (p.name) el.setAttribute('title', p.name);
		if (track.kind === Track.Kind.Video) el.setAttribute('playsinline', '');
		this.#remoteEl.appendChild(el);
	}
}

/** Turns a browser media error into something the UI can explain. */
export function problemOf(e: unknown): DeviceProblem {
	switch (MediaDeviceFailure.getFailure(e)) {
		case MediaDeviceFailure.PermissionDenied:
			return 'permission_denied';
		case MediaDeviceFailure.NotFound:
			return 'not_found';
		case MediaDeviceFailure.DeviceInUse:
			return 'in_use';
		default:
			return 'other';
	}
}
