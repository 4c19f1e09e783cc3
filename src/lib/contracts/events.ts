import type { WallAlert } from './alerts';
import type { Offer } from './call-context';

/** The one map of real-time events, shared by the server (publishers) and the browser (listeners). */
export interface EventMap {
	/** An offer was made to the receiving agent: the call's context, as the offer card shows it. */
	'offer.created': Offer;
	/** The offer disappeared: expired, declined, withdrawn or taken elsewhere. */
	'offer.withdrawn': { offerId: string; callId: string; reason: string };
	/** A call changed: status, position or estimated wait. */
	'call.updated': {
		callId: string;
		status: string;
		position?: number | null;
		estimatedWaitSeconds?: number | null;
		/** What the waiting caller is told (queued calls; see WaitView in api.ts). */
		wait?: {
			state: 'ringing' | 'busy' | 'all_on_break' | 'none_online';
			lowSeconds: number | null;
			highSeconds: number | null;
		};
		agent?: { displayName: string } | null;
	};
	/** An agent's state changed (for the agent and supervisors). */
	'agent.updated': {
		agentId: number;
		state: string;
		reason?: string | null;
		since: string;
		/** The supervisor who set this state, when it was not the agent or the system. */
		changedBy?: StateChanger | null;
	};
	/** How the receiving agent's request for a sign-language interpreter stands. */
	'interpreter.updated': {
		callId: string;
		status: 'requested' | 'joined' | 'declined' | 'expired' | 'withdrawn' | 'left';
		displayName: string | null;
	};
	/**
	 * A duty supervisor in the agent's call, as far as the console's policy (MONITOR_NOTICE) tells
	 * the agent: listening (`monitor`), speaking to the agent only (`whisper`), speaking to both
	 * (`barge`), or gone / no longer heard (`left`).
	 */
	'monitor.updated': {
		callId: string;
		mode: 'monitor' | 'whisper' | 'barge' | 'left';
		supervisor: StateChanger;
	};
	/** Who is in a live call as a duty supervisor now, and how (for supervisors). */
	'monitors.updated': {
		callId: string;
		monitors: { userId: number; displayName: string; mode: 'monitor' | 'whisper' | 'barge' }[];
	};
	/** A booth's state changed (for supervisors). */
	'booth.updated': { boothId: number; state: string; lastSeenAt: string | null };
	/**
	 * A supervisors' alert was raised or changed (`open`), acknowledged, or its condition is over
	 * (`cleared`, with the key and id only).
	 */
	'alert.updated':
		| { state: 'open' | 'acknowledged'; alert: WallAlert }
		| { state: 'cleared'; key: string; id: string };
	/** First event of every stream: its id is the resume point for a snapshot taken now. */
	ready: { resumed: boolean };
	/** The stream cannot replay what was missed: reload a snapshot. */
	resync: { reason: string };
}

export type EventName = keyof EventMap;

/** Who may receive an event. Any match admits a listener. */
export interface Audience {
	users?: number[];
	roles?: string[];
	callId?: string;
}

export interface Envelope<K extends EventName = EventName> {
	id: string;
	type: K;
	data: EventMap[K];
}

export const EVENT_NAMES: EventName[] = [
	'offer.created',
	'offer.withdrawn',
	'call.updated',
	'agent.updated',
	'interpreter.updated',
	'monitor.updated',
	'monitors.updated',
	'booth.updated',
	'alert.updated',
	'ready',
	'resync'
];

/** Who set an agent's state on the agent's behalf (a supervisor). */
export interface StateChanger {
	userId: number;
	displayName: string;
}
