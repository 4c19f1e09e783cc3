import {
	ConnectionQuality,
	MediaDeviceFailure,
	Room,
	RoomEvent,
	Track,
	type Participant,
	type RemoteTrack
} from 'livekit-client';

export type RoomStatus =
	'idle' | 'connecting' | 'connected' | 'reconnecting' | 'unavailable' | 'ended';
export type DeviceProblem = 'permission_denied' | 'not_found' | 'in_use' | 'other' | null;

/** What the console asks of a video call: where to connect, and how to get a fresh token. */
export interface VideoAccess {
	url: string;
	token: string;
}

/**
 * One call's video, wrapping livekit-client's Room in Svelte 5 state: connection status,
 * remote video, mic/camera toggles, connection quality, device problems a person can act on,
 * token refresh and cleanup.
 */
export class CallRoom {
	status = $state<RoomStatus>('idle');
	micOn = $state(true);
	cameraOn = $state(true);
	quality = $state<'excellent' | 'good' | 'poor' | 'lost' | 'unknown'>('unknown');
	device = $state<DeviceProblem>(null);
	remoteCount = $state(0);
	#room: Room | undefined;
	#remoteEl: HTMLElement | undefined;
	#localEl: HTMLVideoElement | undefined;

	/** Where remote video (the other side) and the self view are drawn. */
	attach(remote: HTMLElement | undefined, local: HTMLVideoElement | undefined): void {
		this.#remoteEl = remote;
		this.#localEl = local;
	}

	/** Connects and publishes camera + microphone; never throws (status says what happened). */
	async connect(access: VideoAccess): Promise<void> {
		await this.disconnect();
		const room = new Room({ adaptiveStream: true, dynacast: true, disconnectOnPageLeave: true });
		this.#room = room;
		this.status = 'connecting';
		room
			.on(RoomEvent.Reconnecting, () => (this.status = 'reconnecting'))
			.on(RoomEvent.Reconnected, () => (this.status = 'connected'))
			.on(RoomEvent.Disconnected, () => {
				if (this.#room === room) this.status = 'ended';
			})
			.on(RoomEvent.TrackSubscribed, (track: RemoteTrack) => this.#showRemote(track))
			.on(RoomEvent.TrackUnsubscribed, (track: RemoteTrack) =>
				track.detach().forEach((el) => el.remove())
			)
			.on(RoomEvent.ParticipantConnected, () => (this.remoteCount = room.remoteParticipants.size))
			.on(
				RoomEvent.ParticipantDisconnected,
				() => (this.remoteCount = room.remoteParticipants.size)
			)
			.on(RoomEvent.ConnectionQualityChanged, (q: ConnectionQuality, p: Participant) => {
				if (p.isLocal) this.quality = q as typeof this.quality;
			})
			.on(RoomEvent.MediaDevicesError, (e: Error) => (this.device = problemOf(e)));
		try {
			await room.connect(access.url, access.token);
		} catch {
			this.status = 'unavailable';
			return;
		}
		this.status = 'connected';
		this.remoteCount = room.remoteParticipants.size;
		await this.#publish(room);
	}

	async #publish(room: Room): Promise<void> {
		try {
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

	/** Leaves the room and releases camera and microphone. */
	async disconnect(): Promise<void> {
		const room = this.#room;
		this.#room = undefined;
		if (room) await room.disconnect(true);
		if (this.status !== 'idle') this.status = 'ended';
	}

	#showRemote(track: RemoteTrack): void {
		if (!this.#remoteEl) return;
		const el = track.attach();
		el.setAttribute('data-kind', track.kind);
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
