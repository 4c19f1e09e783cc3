/**
 * Gets the agent's attention for a ringing offer when the desk is not in front of them: the tab
 * title flashes, and a desktop notification shows (only with the permission the agent gave, asked
 * for on a click of theirs). Both stop once the offer is answered or gone.
 */
export class Attention {
	#timer: ReturnType<typeof setInterval> | undefined;
	#title: string | null = null;
	#note: Notification | null = null;

	/** Asks for notification permission; call it from a click or a key press (browsers insist). */
	ask(): void {
		if (typeof Notification === 'undefined' || Notification.permission !== 'default') return;
		void Notification.requestPermission().catch(() => {});
	}

	/** Starts flashing `flash` in the tab title and notifies with `body`. */
	start(flash: string, body: string, tag: string): void {
		this.stop();
		if (typeof document === 'undefined') return;
		this.#title = document.title;
		let on = false;
		const show = () => {
			on = !on;
			document.title = on ? `${flash} · ${this.#title}` : (this.#title ?? '');
		};
		show();
		this.#timer = setInterval(show, 1000);
		if (typeof Notification !== 'undefined' && Notification.permission === 'granted') {
			try {
				this.#note = new Notification(flash, { body, tag, requireInteraction: true });
				this.#note.onclick = () => window.focus();
			} catch {
				// some browsers only notify from a service worker: the title still flashes
			}
		}
	}

	stop(): void {
		clearInterval(this.#timer);
		this.#timer = undefined;
		if (this.#title !== null && typeof document !== 'undefined') document.title = this.#title;
		this.#title = null;
		this.#note?.close();
		this.#note = null;
	}
}
