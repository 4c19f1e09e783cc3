import type { Redis } from 'ioredis';
import type { Audience, EventMap, EventName } from '../../contracts/events';
import {
	EMIT_LUA,
	parse,
	parseChannelMessage,
	serialize,
	type BusMessage,
	type Outgoing
} from './wire';

export type { BusMessage, Outgoing } from './wire';

/** Appends to the replay stream and publishes, in one step per batch (ids and live order agree). */
const PUBLISH_LUA = `${EMIT_LUA}
local ids = {}
for i = 3, #ARGV do ids[#ids + 1] = emitEvent(KEYS[1], ARGV[1], ARGV[2], ARGV[i]) end
return ids
`;

type PublishCommand = (key: string, ...args: string[]) => Promise<string[]>;

/** Listener side of a connection: who is listening. */
export interface Listener {
	userId?: number;
	roles?: string[];
	callId?: string;
}

/** True when the listener belongs to the audience. */
export function admits(audience: Audience, l: Listener): boolean {
	if (l.userId !== undefined && audience.users?.includes(l.userId)) return true;
	if (l.roles && audience.roles?.some((r) => l.roles!.includes(r))) return true;
	if (l.callId !== undefined && audience.callId === l.callId) return true;
	return false;
}

/**
 * Fan-out of typed events through Redis: every web process subscribes once and hands each
 * message to its own open SSE connections; a bounded stream keeps recent events for replay.
 */
export class EventBus {
	/** Where events go: the replay stream, the live channel and the stream's length bound. */
	readonly streamKey: string;
	readonly channel: string;
	private readonly handlers = new Set<(m: BusMessage) => void>();
	private subscribed?: Promise<void>;
	/**
	 * The latest live messages this process received, in order and without a gap since the
	 * first (cleared when the subscription drops): a stream resuming within them replays these
	 * same objects (their frames are encoded once for all streams) instead of re-reading and
	 * re-parsing up to a thousand events from Redis for each reconnecting client.
	 */
	private recent: BusMessage[] = [];

	constructor(
		private readonly redis: Redis,
		private readonly subscriber: Redis | undefined,
		prefix: string,
		readonly maxLen = 10_000
	) {
		this.streamKey = `${prefix}:events`;
		this.channel = `${prefix}:events:live`;
		redis.defineCommand('cwPublish', { numberOfKeys: 1, lua: PUBLISH_LUA });
	}

	/** Publishes one event to its audience; returns the event id. */
	async publish<K extends EventName>(
		type: K,
		data: EventMap[K],
		audience: Audience
	): Promise<string> {
		return (await this.publishMany([[type, data, audience] as Outgoing]))[0]!;
	}

	/** Publishes several events in order, in one Redis step; returns their ids. */
	async publishMany(events: Outgoing[]): Promise<string[]> {
		if (!events.length) return [];
		const payloads = events.map(serialize);
		const run = (this.redis as unknown as { cwPublish: PublishCommand }).cwPublish;
		return run.call(this.redis, this.streamKey, this.channel, String(this.maxLen), ...payloads);
	}

	/**
	 * Events after `lastId`, or null when that id is older than what the stream still holds or
	 * more than SINCE_MAX events came after it (the client then resyncs from a snapshot).
	 */
	async since(lastId: string): Promise<BusMessage[] | null> {
		if (!/^\d+-\d+$/.test(lastId)) return null;
		const kept = this.recent;
		if (kept.length && compareIds(lastId, kept[0]!.id) >= 0) {
			let i = kept.length;
			while (i > 0 && compareIds(kept[i - 1]!.id, lastId) > 0) i--;
			return kept.length - i > SINCE_MAX ? null : kept.slice(i);
		}
		const first = (await this.redis.xrange(this.streamKey, '-', '+', 'COUNT', 1)) as [
			string,
			string[]
		][];
		const firstId = first[0]?.[0];
		if (firstId && compareIds(lastId, firstId) < 0) return null;
		const rows = (await this.redis.xrange(
			this.streamKey,
			`(${lastId}`,
			'+',
			'COUNT',
			SINCE_MAX + 1
		)) as [string, string[]][];
		// more missed than one replay holds: the client starts again from a snapshot
		if (rows.length > SINCE_MAX) return null;
		return rows.flatMap(([id, fields]) => {
			const m = parse(fields[1] ?? '', id);
			return m ? [m] : [];
		});
	}

	/** The newest event id (a resume point for a snapshot taken now). */
	async lastId(): Promise<string> {
		const rows = (await this.redis.xrevrange(this.streamKey, '+', '-', 'COUNT', 1)) as [
			string,
			string[]
		][];
		return rows[0]?.[0] ?? '0-0';
	}

	/** Live handlers registered in this process (one per open event stream). */
	get listeners(): number {
		return this.handlers.size;
	}

	/** Registers a live handler; returns the function that removes it. */
	async listen(handler: (m: BusMessage) => void): Promise<() => void> {
		if (!this.subscriber) throw new Error('this EventBus was created without a subscriber');
		this.subscribed ??= this.subscribe(this.subscriber);
		await this.subscribed;
		this.handlers.add(handler);
		return () => this.handlers.delete(handler);
	}

	private async subscribe(sub: Redis): Promise<void> {
		sub.on('message', (_channel: string, raw: string) => {
			const m = parseChannelMessage(raw);
			if (!m) return;
			this.recent.push(m);
			if (this.recent.length > RECENT_MAX) this.recent = this.recent.slice(-RECENT_KEEP);
			for (const h of this.handlers) h(m);
		});
		// messages published while the subscription is down never arrive: the kept run would
		// have a gap, so resumes read Redis again until it has filled anew
		const forget = () => (this.recent = []);
		sub.on('close', forget);
		sub.on('reconnecting', forget);
		await sub.subscribe(this.channel);
	}
}

/** The most events one resume replays (more: the client resyncs from a snapshot instead). */
const SINCE_MAX = 1000;
/** Live messages kept for resumes: trimmed to RECENT_KEEP once RECENT_MAX are held. */
const RECENT_KEEP = 2000;
const RECENT_MAX = 2500;

/**
 * Orders two Redis stream ids (milliseconds-sequence): negative, 0 or positive. Both parts are
 * exact as numbers (milliseconds have 13 digits, sequences stay far below 2^53). It runs for
 * every event on every open stream, so it allocates nothing beyond the slices.
 */
export function compareIds(a: string, b: string): number {
	const i = a.indexOf('-');
	const j = b.indexOf('-');
	const am = Number(a.slice(0, i));
	const bm = Number(b.slice(0, j));
	return am !== bm ? am - bm : Number(a.slice(i + 1)) - Number(b.slice(j + 1));
}
