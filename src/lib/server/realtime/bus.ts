import type { Redis } from 'ioredis';
import type { Audience, EventMap, EventName } from '../../contracts/events';

/**
 * Appends to the replay stream and publishes in one step, so ids and live order always agree.
 * ARGV: channel, maxLen, then one payload per event; returns the event ids.
 */
const PUBLISH_LUA = `
local ids = {}
for i = 3, #ARGV do
  local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[2], '*', 'm', ARGV[i])
  redis.call('PUBLISH', ARGV[1], id .. '|' .. ARGV[i])
  ids[#ids + 1] = id
end
return ids
`;

/** One event to publish: its type, data and audience. */
export type Outgoing = { [K in EventName]: [K, EventMap[K], Audience] }[EventName];

/** The wire form of an event (what the stream stores and the channel carries, after the id). */
export function serialize([type, data, audience]: Outgoing): string {
	return JSON.stringify({ type, data, audience });
}

/** Marks a routing script replaces: the agent it picked (a number) and the offer id (a string). */
export const AGENT_MARK = -987_654_321;
export const OFFER_MARK = '@@offer@@';

/**
 * An event to be completed by a routing script: the agent it picks and the offer it makes are not
 * known yet. Use `AGENT_MARK` for the agent's id and `OFFER_MARK` for the offer id in the data
 * or audience; the script writes the real values in (see `fill` in lua-steps).
 */
export function template(event: Outgoing): string {
	return serialize(event)
		.replaceAll(String(AGENT_MARK), '@@agent@@')
		.replaceAll(`"${OFFER_MARK}"`, '"@@offer@@"');
}

const scriptsDefined = new WeakSet<Redis>();
type PublishCommand = (key: string, ...args: string[]) => Promise<string[]>;

export interface BusMessage {
	id: string;
	type: EventName;
	data: unknown;
	audience: Audience;
}

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

function parse(raw: string, id: string): BusMessage | undefined {
	try {
		const m = JSON.parse(raw) as Omit<BusMessage, 'id'>;
		return { ...m, id };
	} catch {
		return undefined;
	}
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

	constructor(
		private readonly redis: Redis,
		private readonly subscriber: Redis | undefined,
		prefix: string,
		readonly maxLen = 10_000
	) {
		this.streamKey = `${prefix}:events`;
		this.channel = `${prefix}:events:live`;
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
		if (!scriptsDefined.has(this.redis)) {
			this.redis.defineCommand('cwPublish', { numberOfKeys: 1, lua: PUBLISH_LUA });
			scriptsDefined.add(this.redis);
		}
		const payloads = events.map(serialize);
		const run = (this.redis as unknown as { cwPublish: PublishCommand }).cwPublish;
		return run.call(this.redis, this.streamKey, this.channel, String(this.maxLen), ...payloads);
	}

	/** Events after `lastId`, or null when that id is older than what the stream still holds. */
	async since(lastId: string): Promise<BusMessage[] | null> {
		if (!/^\d+-\d+$/.test(lastId)) return null;
		const first = (await this.redis.xrange(this.streamKey, '-', '+', 'COUNT', 1)) as [
			string,
			string[]
		][];
		const firstId = first[0]?.[0];
		if (firstId && compareIds(lastId, firstId) < 0) return null;
		const rows = (await this.redis.xrange(this.streamKey, `(${lastId}`, '+', 'COUNT', 1000)) as [
			string,
			string[]
		][];
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
			const bar = raw.indexOf('|');
			const m = parse(raw.slice(bar + 1), raw.slice(0, bar));
			if (m) for (const h of this.handlers) h(m);
		});
		await sub.subscribe(this.channel);
	}
}

function compareIds(a: string, b: string): number {
	const [am, as] = a.split('-').map(BigInt) as [bigint, bigint];
	const [bm, bs] = b.split('-').map(BigInt) as [bigint, bigint];
	return am === bm ? Number(as - bs) : am < bm ? -1 : 1;
}
