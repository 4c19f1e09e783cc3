/**
 * A Server-Sent Events client over fetch streaming, for benchmarks: one HTTP connection per
 * stream, parsed as the EventSource spec does (`id`, `event`, `data`, comments), so the server
 * does exactly the work a browser's EventSource makes it do.
 */

export interface SseMessage {
	type: string;
	/** The last event id seen on this stream (as EventSource's `lastEventId`). */
	lastEventId: string;
	data: string;
}

export interface SseHandlers {
	onOpen?: () => void;
	onMessage: (m: SseMessage) => void;
	/** The stream failed or ended (not called after `close()`). */
	onError?: (e: unknown) => void;
}

/** One open event stream; `close()` ends it. */
export class SseStream {
	#abort = new AbortController();
	#closed = false;
	#lastId = '';

	constructor(url: string, headers: Record<string, string>, h: SseHandlers) {
		void this.#run(url, headers, h);
	}

	get closed(): boolean {
		return this.#closed;
	}

	close(): void {
		this.#closed = true;
		this.#abort.abort();
	}

	async #run(url: string, headers: Record<string, string>, h: SseHandlers): Promise<void> {
		try {
			const res = await fetch(url, {
				headers: { accept: 'text/event-stream', ...headers },
				signal: this.#abort.signal
			});
			if (res.status !== 200 || !res.body) {
				await res.body?.cancel();
				throw new Error(`event stream ${url}: HTTP ${res.status}`);
			}
			h.onOpen?.();
			const decoder = new TextDecoder();
			let buf = '';
			for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
				buf += decoder.decode(chunk, { stream: true });
				let end: number;
				while ((end = buf.indexOf('\n\n')) >= 0) {
					const block = buf.slice(0, end);
					buf = buf.slice(end + 2);
					this.#dispatch(block, h);
				}
			}
			throw new Error(`event stream ${url} ended`);
		} catch (e) {
			if (!this.#closed) {
				this.#closed = true;
				h.onError?.(e);
			}
		}
	}

	#dispatch(block: string, h: SseHandlers): void {
		let type = 'message';
		const data: string[] = [];
		for (const line of block.split('\n')) {
			if (!line || line.startsWith(':')) continue;
			const colon = line.indexOf(':');
			const field = colon < 0 ? line : line.slice(0, colon);
			const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
			if (field === 'id') this.#lastId = value;
			else if (field === 'event') type = value;
			else if (field === 'data') data.push(value);
		}
		if (data.length) h.onMessage({ type, lastEventId: this.#lastId, data: data.join('\n') });
	}
}
