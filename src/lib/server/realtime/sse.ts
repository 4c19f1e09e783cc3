import type { EventName } from '../../contracts/events';
import type { Ctx } from '../context';
import { sseClients } from '../telemetry';
import { admits, type BusMessage, type Listener } from './bus';

/** One SSE frame. */
export function frame(id: string | null, type: EventName, data: unknown): string {
	return `${id ? `id: ${id}\n` : ''}event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
}

export interface StreamOptions {
	listener: Listener;
	/** A further filter on what the listener is admitted to (e.g. a supervisor's scope). */
	accept?: ((m: BusMessage) => boolean) | null;
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
	let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
	let beat: ReturnType<typeof setInterval> | undefined;
	let closed = false;
	const pending: string[] = [];
	const send = (s: string) => {
		if (closed) return;
		if (controller) controller.enqueue(enc.encode(s));
		else pending.push(s);
	};
	let lastSent = '0-0';
	let replaying = true;
	const buffered: BusMessage[] = [];
	const deliver = (m: BusMessage) => {
		if (!admits(m.audience, opts.listener) || !isAfter(m.id, lastSent)) return;
		if (opts.accept && !opts.accept(m)) return;
		lastSent = m.id;
		send(frame(m.id, m.type, m.data));
	};
	// Subscribe before reading the resume point, so nothing published meanwhile is lost.
	const unlisten = await ctx.bus.listen((m) => (replaying ? buffered.push(m) : deliver(m)));
	send(`retry: 3000\n\n`);
	const resumeFrom = opts.lastEventId?.trim();
	const missed = resumeFrom ? await ctx.bus.since(resumeFrom) : null;
	if (resumeFrom && missed) {
		lastSent = resumeFrom;
		send(frame(null, 'ready', { resumed: true }));
		missed.forEach(deliver);
	} else {
		lastSent = await ctx.bus.lastId();
		send(
			frame(
				lastSent,
				resumeFrom ? 'resync' : 'ready',
				resumeFrom ? { reason: 'too_old' } : { resumed: false }
			)
		);
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

	const stream = new ReadableStream<Uint8Array>({
		start: (c) => {
			controller = c;
			sseClients.inc();
			for (const s of pending.splice(0)) c.enqueue(enc.encode(s));
			beat = setInterval(heartbeat, ctx.cfg.SSE_HEARTBEAT_SECONDS * 1000);
		},
		cancel: async () => {
			if (!closed) sseClients.dec();
			closed = true;
			clearInterval(beat);
			unlisten();
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
