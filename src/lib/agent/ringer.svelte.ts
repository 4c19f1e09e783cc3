const KEY = 'cw.ringMuted';

/**
 * The offer ring, made with the Web Audio API (no sound file): a soft two-tone chime repeated
 * while an offer waits. Muting is remembered in this browser.
 */
export class Ringer {
	muted = $state(false);
	#ctx: AudioContext | undefined;
	#timer: ReturnType<typeof setInterval> | undefined;

	constructor() {
		try {
			this.muted = localStorage.getItem(KEY) === '1';
		} catch {
			/* storage blocked: ring by default */
		}
	}

	/** Browsers only allow sound after a user gesture: call from a click handler. */
	unlock(): void {
		try {
			this.#ctx ??= new AudioContext();
			void this.#ctx.resume();
		} catch {
			/* no audio on this device: the card still shows */
		}
	}

	toggleMute(): void {
		this.muted = !this.muted;
		try {
			localStorage.setItem(KEY, this.muted ? '1' : '0');
		} catch {
			/* not remembered, still applied */
		}
		if (this.muted) this.#silence();
	}

	/** Starts ringing (until stop). */
	start(): void {
		this.stop();
		this.#chime();
		this.#timer = setInterval(() => this.#chime(), 2000);
	}

	stop(): void {
		clearInterval(this.#timer);
		this.#timer = undefined;
	}

	#silence(): void {
		/* chimes are short; muting stops the next ones */
	}

	#chime(): void {
		if (this.muted) return;
		try {
			this.#ctx ??= new AudioContext();
			const ctx = this.#ctx;
			if (ctx.state === 'suspended') void ctx.resume();
			const t0 = ctx.currentTime;
			[
				[880, 0],
				[660, 0.35]
			].forEach(([freq, at]) => {
				const osc = ctx.createOscillator();
				const gain = ctx.createGain();
				osc.type = 'sine';
				osc.frequency.value = freq!;
				gain.gain.setValueAtTime(0.0001, t0 + at!);
				gain.gain.exponentialRampToValueAtTime(0.25, t0 + at! + 0.03);
				gain.gain.exponentialRampToValueAtTime(0.0001, t0 + at! + 0.3);
				osc.connect(gain).connect(ctx.destination);
				osc.start(t0 + at!);
				osc.stop(t0 + at! + 0.32);
			});
		} catch {
			/* no audio: the visible card and countdown remain */
		}
	}
}
