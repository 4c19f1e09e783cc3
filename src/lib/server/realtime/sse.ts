import type { EventName } from '../../contracts/events';
import type { Ctx } from '../context';
import { admits, type BusMessage, type Listener } from './bus';

/** One SSE frame. */
export function frame(id: string | null, type: EventName, data: unknown): string {
	return `${id ? `id: ${id}\n` : ''}event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
}

export interface StreamOptions {
	listener: Listener;
	lastEventId?: string | null;
	/** Called on open and on every heartbeat (presence); errors are ignored. */
	onBeat?: () => Promise<void> | void;
	onClose?: () => Promise<void> | void;
}

/**
 * An SSE response for one listener: replays what it missed after `lastEventId` (or tells it to
 * resync when that is too old), then forwards live events it may see, with heartbeats.
 */
export async function eventStream(ctx: Ctx, opts: StreamOptions): Promise<Response> {
	const enc = new TextEncoder();
	let unlisten: (() => void) | undefined;
	let beat: ReturnType<typeof setInterval> | undefined;
	let closed = false;

	const stream = new ReadableStream<Uint8Array>({
		start: async (controller) => {
			const send = (s: string) => {
				if (!closed) controller.enqueue(enc.encode(s));
			};
			let lastSent = '0-0';
			let replaying = true;
			const buffered: BusMessage[] = [];
			const deliver = (m: BusMessage) => {
				if (!admits(m.audience, opts.listener) || !isAfter(m.id, lastSent)) return;
				lastSent = m.id;
				send(frame(m.id, m.type, m.data));
			};
			unlisten = await ctx.bus.listen((m) => (replaying ? buffered.push(m) : deliver(m)));
			send(`retry: 3000\n\n`);
			const resumeFrom = opts.lastEventId?.trim();
			if (resumeFrom) {
				const missed = await ctx.bus.since(resumeFrom);
				if (missed === null) {
					lastSent = await ctx.bus.lastId();
					send(frame(lastSent, 'resync', { reason: 'too_old' }));
				} else {
					lastSent = resumeFrom;
					send(frame(null, 'ready', { resumed: true }));
					missed.forEach(deliver);
				}
			} else {
				lastSent = await ctx.bus.lastId();
				send(frame(lastSent, 'ready', { resumed: false }));
			}
			replaying = false;
			buffered.splice(0).forEach(deliver);
			const heartbeat = async () => {
				send(`: ping ${Date.now()}\n\n`);
				try {
					await opts.onBeat?.();
				} catch {
					/* presence is best effort; the stream itself is what matters */
				}
			};
			await heartbeat();
			beat = setInterval(heartbeat, ctx.cfg.SSE_HEARTBEAT_SECONDS * 1000);
		},
		cancel: async () => {
			closed = true;
			clearInterval(beat);
			unlisten?.();
			await opts.onClose?.();
		}
	});

	return new Response(stream, {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-store',
			connection: 'keep-alive',
			'x-accel-buffering': 'no'
		}
	});
}

function isAfter(id: string, than: string): boolean {
	const [a1, a2] = id.split('-').map(BigInt) as [bigint, bigint];
	const [b1, b2] = than.split('-').map(BigInt) as [bigint, bigint];
	return a1 > b1 || (a1 === b1 && a2 > b2);
}
