import { api, type ApiError } from '$lib/api/client';
import type { WallLiveCall } from '$lib/contracts/supervisor-api';
import type { VideoAccess } from '$lib/video/call-room.svelte';

/** How the duty supervisor is in a call: listening hidden, whispering to the agent, barged in. */
export type MonitorMode = WallLiveCall['monitors'][number]['mode'];
export type MonitorAction = MonitorMode | 'leave';

/**
 * The duty supervisor's own place in live calls on the wall: at most one call at a time, its
 * mode, and the join tokens the server handed out for it. Joining another call leaves the one
 * before; the server revokes in LiveKit whatever a new mode does not give.
 */
export class MonitorSession {
	callId = $state<string | null>(null);
	mode = $state<MonitorMode | null>(null);
	/** The call room's token from the last switch (the video pane fetches fresh ones itself). */
	video = $state<VideoAccess | null>(null);
	/** While whispering: the whisper room's microphone-only token. */
	whisper = $state<VideoAccess | null>(null);
	busy = $state(false);
	error = $state<ApiError | null>(null);
	readonly #me: number | null;

	constructor(me: number | null) {
		this.#me = me;
	}

	/** Takes up again a call this supervisor is already in (after a reload), from the wall. */
	restore(live: WallLiveCall[]): void {
		if (this.busy) return;
		const mine = live.find((c) => c.monitors.some((m) => m.userId === this.#me));
		if (!mine) {
			if (this.callId && !live.some((c) => c.callId === this.callId)) this.#clear();
			return;
		}
		if (mine.callId === this.callId) return;
		this.callId = mine.callId;
		this.mode = mine.monitors.find((m) => m.userId === this.#me)!.mode;
		this.video = null;
		this.whisper = null;
	}

	/** This supervisor's mode in a call, or null. */
	modeIn(callId: string): MonitorMode | null {
		return this.callId === callId ? this.mode : null;
	}

	/** Listens to, whispers in, barges into or leaves a call; the error to show, or null. */
	async switchTo(callId: string, action: MonitorAction): Promise<ApiError | null> {
		if (this.busy) return null;
		this.busy = true;
		this.error = null;
		try {
			if (action !== 'leave' && this.callId && this.callId !== callId) {
				const left = await this.#post(this.callId, 'leave');
				if (left) return (this.error = left);
				this.#clear();
			}
			const r = await api('POST /supervisor/calls/{id}/monitor', {
				params: { id: callId },
				body: { mode: action }
			});
			if (!r.ok) return (this.error = r.error);
			if (action === 'leave') this.#clear();
			else {
				this.callId = callId;
				this.mode = action;
				this.video = r.data.video;
				this.whisper = r.data.whisper;
			}
			return null;
		} finally {
			this.busy = false;
		}
	}

	/**
	 * The wall is closing (navigation, reload, tab closed): leaves the call so the agent and the
	 * other supervisors are not told of someone whose video has gone. A beacon survives unload.
	 */
	leaveOnExit(): void {
		const callId = this.callId;
		if (!callId) return;
		this.#clear();
		const body = new Blob([JSON.stringify({ mode: 'leave' })], { type: 'application/json' });
		navigator.sendBeacon(`/api/v1/supervisor/calls/${encodeURIComponent(callId)}/monitor`, body);
	}

	async #post(callId: string, mode: MonitorAction): Promise<ApiError | null> {
		const r = await api('POST /supervisor/calls/{id}/monitor', {
			params: { id: callId },
			body: { mode }
		});
		return r.ok ? null : r.error;
	}

	#clear(): void {
		this.callId = null;
		this.mode = null;
		this.video = null;
		this.whisper = null;
	}
}
