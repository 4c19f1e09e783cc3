import { maskDeep } from '../privacy';
import type { Audience, EventMap, EventName } from '../../contracts/events';

/**
 * The one wire format of events, written by TypeScript (EventBus) and by the routing scripts
 * alike: the replay stream holds each event as field `m` (JSON `{type, data, audience}`), the live
 * channel carries `<stream id>|<m>`.
 */

/** One event to publish: its type, data and audience. */
export type Outgoing = { [K in EventName]: [K, EventMap[K], Audience] }[EventName];

/** What a listener receives. */
export interface BusMessage {
	id: string;
	type: EventName;
	data: unknown;
	audience: Audience;
}

/** The wire form of an event; free text in it is masked (it goes to Redis and to browsers). */
export function serialize([type, data, audience]: Outgoing): string {
	return JSON.stringify({ type, data: maskDeep(data), audience });
}

/** Reads a stream entry's `m` back; undefined for anything malformed. */
export function parse(raw: string, id: string): BusMessage | undefined {
	try {
		const m = JSON.parse(raw) as Omit<BusMessage, 'id'>;
		return { ...m, id };
	} catch {
		return undefined;
	}
}

/** Splits a channel message `<id>|<m>`. */
export function parseChannelMessage(raw: string): BusMessage | undefined {
	const bar = raw.indexOf('|');
	return parse(raw.slice(bar + 1), raw.slice(0, bar));
}

const AGENT = '@@agent@@';
const OFFER = '@@offer@@';
const AGENT_MARK = -987_654_321;
const OFFER_MARK = '@@offer-mark@@';

/**
 * Lua that appends one event to the stream and publishes it (`emitEvent`), and completes a
 * template with the agent and offer a script picked (`fillEvent`); see `templates`.
 */
export const EMIT_LUA = `
local function emitEvent(stream, channel, maxLen, m)
  local id = redis.call('XADD', stream, 'MAXLEN', '~', maxLen, '*', 'm', m)
  redis.call('PUBLISH', channel, id .. '|' .. m)
  return id
end
local function fillEvent(t, agent, offer)
  local m = string.gsub(t, '${AGENT}', agent)
  m = string.gsub(m, '${OFFER}', offer)
  return m
end
`;

/**
 * Events a routing script publishes once it has picked an agent and made an offer, which are not
 * known yet: `build` gets stand-ins for both, and the script writes the real values in.
 */
export function templates(build: (agentId: number, offerId: string) => Outgoing[]): string[] {
	return build(AGENT_MARK, OFFER_MARK).map((e) =>
		serialize(e).replaceAll(String(AGENT_MARK), AGENT).replaceAll(`"${OFFER_MARK}"`, `"${OFFER}"`)
	);
}
