import type { EventName } from '../../contracts/events';
import type { Ctx } from '../context';
import { badRequest } from '../errors';
import { sseClients, sseQueue } from '../telemetry';
import { admits, compareIds, type BusMessage, type Listener } from './bus';

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
	/** The request's abort signal: a client gone before the stream starts is cleaned up too. */
	signal?: AbortSignal;
}

const encoder = new TextEncoder();
/**
 * One event's frame, encoded once however many of this process's streams send it (the same
 * message object reaches every listener): a hall of walls costs one encoding per event.
 */
const encodedFrames = new WeakMap<BusMessage, Uint8Array>();
function encodedFrame(m: BusMessage): Uint8Array {
	let bytes = encodedFrames.get(m);
	if (!bytes) encodedFrames.set(m, (bytes = encoder.encode(frame(m.id, m.type, m.data))));
	return bytes;
}

/** Each stream's queue is full at this many bytes; beyond it the stream buffers for a slow client. */
const HIGH_WATER = 64 * 1024;
/** The open streams' controllers, for the queued-bytes gauge. */
const openStreams = new Set<ReadableStreamDefaultController<Uint8Array>>();
sseQueue.bytes = () => {
	let n = 0;
	for (const c of openStreams) n += Math.max(0, HIGH_WATER - (c.desiredSize ?? HIGH_WATER));
	return n;
};

/** A well-formed event id (a Redis stream id: milliseconds-sequence). */
export const EVENT_ID = /^\d{1,15}-\d{1,9}$/;

/** Bytes a stream may hold for a client that does not read before it is dropped (it resumes). */
export const SLOW_CLIENT_BYTES = 1024 * 1024;

/**
 * An SSE response for one listener: replays what it missed after `lastEventId` (or tells it to
 * resync when that is too old), then forwards live events it may see, with heartbeats.
 */
export async function eventStream(ctx: Ctx, opts: StreamOptions): Promise<Response> {
	const resumeFrom = opts.lastEventId?.trim();
	if (resumeFrom && !EVENT_ID.test(resumeFrom)) {
		await opts.onClose?.();
		throw badRequest('Last-Event-ID is not an event id of this stream', 'invalid_last_event_id');
	}
	let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
	let beat: ReturnType<typeof setInterval> | undefined;
	let closed = false;
	/** Counted among the open streams (from the moment the response body starts). */
	let counted = false;
	let unlisten: () => void = () => {};
	const pending: Uint8Array[] = [];
	/** Stops listening and beating, once, whichever way the stream ends. */
	const finish = async () => {
		if (closed) return;
		closed = true;
		if (counted) sseClients.dec();
		if (controller) openStreams.delete(controller);
		clearInterval(beat);
		unlisten();
		opts.signal?.removeEventListener('abort', onAbort);
		await opts.onClose?.();
	};
	const onAbort = () => void finish();
	opts.signal?.addEventListener('abort', onAbort);
	const send = (s: string | Uint8Array) => {
		if (closed) return;
		const bytes = typeof s === 'string' ? encoder.encode(s) : s;
		if (!controller) return void pending.push(bytes);
		controller.enqueue(bytes);
		// a client that stops reading is let go rather than buffered for: it resumes from its id
		if ((controller.desiredSize ?? 0) < -SLOW_CLIENT_BYTES) {
			controller.error(new Error('client too slow'));
			void finish();
		}
	};
	let lastSent = '0-0';
	let replaying = true;
	const buffered: BusMessage[] = [];
	const deliver = (m: BusMessage) => {
		if (!admits(m.audience, opts.listener) || compareIds(m.id, lastSent) <= 0) return;
		if (opts.accept && !opts.accept(m)) return;
		lastSent = m.id;
		send(encodedFrame(m));
	};
	const heartbeat = async () => {
		send(`: ping ${Date.now()}\n\n`);
		try {
			await opts.onBeat?.();
		} catch {
			/* presence is best effort; the stream itself is what matters */
		}
	};
	try {
		// Subscribe before reading the resume point, so nothing published meanwhile is lost.
		unlisten = await ctx.bus.listen((m) => (replaying ? buffered.push(m) : deliver(m)));
		send(`retry: 3000\n\n`);
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
		await heartbeat();
	} catch (e) {
		// whatever failed, the listener registered above must not stay behind
		await finish();
		throw e;
	}

	const stream = new ReadableStream<Uint8Array>(
		{
			start: (c) => {
				controller = c;
				if (closed) return c.close();
				counted = true;
				sseClients.inc();
				openStreams.add(c);
				for (const bytes of pending.splice(0)) c.enqueue(bytes);
				beat = setInterval(heartbeat, ctx.cfg.SSE_HEARTBEAT_SECONDS * 1000);
			},
			cancel: finish
		},
		new ByteLengthQueuingStrategy({ highWaterMark: HIGH_WATER })
	);

	return new Response(stream, {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-store',
			connection: 'keep-alive',
			'x-accel-buffering': 'no'
		}
	});
}
