const MUTED_KEY = 'cw.wall.alertsMuted';

/**
 * The alert chime: two short tones made with WebAudio (no file, no network), and a mute switch
 * kept in this browser. Browsers start audio only after the page was used once (a click, a key);
 * before that a chime is silently skipped.
 */
export class AlertSound {
	muted = $state(false);
	#ctx: AudioContext | null = null;

	/** Restores the mute switch from this browser. */
	restore(): void {
		try {
			this.muted = localStorage.getItem(MUTED_KEY) === '1';
		} catch {
			// storage unavailable (private mode): sound on
		}
	}

	/** Mutes or unmutes, and remembers it in this browser. */
	setMuted(muted: boolean): void {
		this.muted = muted;
		try {
			localStorage.setItem(MUTED_KEY, muted ? '1' : '0');
		} catch {
			// the switch holds for this page
		}
		// a click on the switch is a user gesture: audio may start from here on
		if (!muted) void this.#context()?.resume();
	}

	/** Plays the chime unless muted. */
	play(): void {
		if (this.muted) return;
		const ctx = this.#context();
		if (!ctx) return;
		void ctx.resume().catch(() => {});
		const t0 = ctx.currentTime + 0.02;
		[880, 660].forEach((hz, i) => {
			const osc = ctx.createOscillator();
			const gain = ctx.createGain();
			osc.type = 'sine';
			osc.frequency.value = hz;
			const start = t0 + i * 0.22;
			gain.gain.setValueAtTime(0.0001, start);
			gain.gain.exponentialRampToValueAtTime(0.25, start + 0.02);
			gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.2);
			osc.connect(gain).connect(ctx.destination);
			osc.start(start);
			osc.stop(start + 0.21);
		});
	}

	#context(): AudioContext | null {
		if (this.#ctx) return this.#ctx;
		if (typeof AudioContext === 'undefined') return null;
		try {
			this.#ctx = new AudioContext();
		} catch {
			return null;
		}
		return this.#ctx;
	}
}
