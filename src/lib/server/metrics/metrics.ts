import { instantOf, localParts } from '../schedule/hours';

/**
 * The service figures, defined once and used by the supervisor wall, the reports and the
 * benchmarks alike. A call counts once, on the Asia/Shanghai day and hour it arrived, however
 * often it was transferred:
 * - answered: the call reached an agent (its first connection); its wait is arrival → first
 *   connection;
 * - abandoned: the caller left before any agent took the call; one who left within the
 *   short-abandon threshold S is not counted against service (a misdial, a change of mind);
 * - service level = answered within T ÷ (answered + abandoned after S), T per department;
 * - ASA (average speed of answer) = mean wait of the answered calls;
 * - abandonment rate = abandoned after S ÷ (answered + abandoned after S);
 * - AHT (average handle time) = talk (every connected stretch, across transfers) + wrap-up,
 *   over the calls whose handling is finished.
 * A figure with nothing to divide by is null ("no calls yet"), never 0 or 100 %.
 */

/** One step of a call's history, as `call_events` records it. */
export interface CallStep {
	type: string;
	at: number;
}

/** A call with its history, oldest step first. */
export interface CallHistory {
	callId: string;
	departmentId: number;
	arrivedAt: number;
	steps: CallStep[];
}

/** What a call's history means for the figures. */
export interface CallLife {
	callId: string;
	departmentId: number;
	arrivedAt: number;
	/** First connection to an agent, or null. */
	answeredAt: number | null;
	/** When the caller left before any answer, or null. */
	abandonedAt: number | null;
	/** Seconds connected to agents, all stretches together. */
	talkSeconds: number;
	/** Seconds of wrap-up after the conversation. */
	wrapUpSeconds: number;
	/** Whether handling is over (outcome recorded). */
	handled: boolean;
}

export interface MetricSettings {
	/** Answer threshold T in seconds for a department (default 20). */
	answerSeconds: (departmentId: number) => number;
	/** Short-abandon threshold S in seconds (default 5). */
	shortAbandonSeconds: number;
}

export const DEFAULT_SETTINGS: MetricSettings = {
	answerSeconds: () => 20,
	shortAbandonSeconds: 5
};

/** The service figures of a set of calls. */
export interface Figures {
	offered: number;
	answered: number;
	abandoned: number;
	/** Abandoned within S: left out of service level and abandonment rate. */
	shortAbandoned: number;
	answeredWithinThreshold: number;
	/** 0..1, or null with no answered or counted abandoned call. */
	serviceLevel: number | null;
	abandonmentRate: number | null;
	/** Seconds, or null before the first answer. */
	averageSpeedOfAnswer: number | null;
	/** Seconds, or null before the first finished call. */
	averageHandleTime: number | null;
}

const seconds = (ms: number) => ms / 1000;

/** Reads a call's history: first answer, abandonment, talk and wrap-up stretches. */
export function lifeOf(h: CallHistory): CallLife {
	let answeredAt: number | null = null;
	let abandonedAt: number | null = null;
	let talkFrom: number | null = null;
	let wrapFrom: number | null = null;
	let talk = 0;
	let wrap = 0;
	let handled = false;
	for (const s of h.steps) {
		switch (s.type) {
			case 'connected':
				answeredAt ??= s.at;
				talkFrom = s.at;
				break;
			case 'transferred':
				if (talkFrom !== null) talk += s.at - talkFrom;
				talkFrom = null;
				break;
			case 'wrap_up':
				if (talkFrom !== null) talk += s.at - talkFrom;
				talkFrom = null;
				wrapFrom = s.at;
				break;
			case 'ended':
				if (wrapFrom !== null) wrap += s.at - wrapFrom;
				wrapFrom = null;
				handled = true;
				break;
			case 'abandoned':
				if (answeredAt === null) abandonedAt = s.at;
				break;
		}
	}
	return {
		callId: h.callId,
		departmentId: h.departmentId,
		arrivedAt: h.arrivedAt,
		answeredAt,
		abandonedAt,
		talkSeconds: seconds(talk),
		wrapUpSeconds: seconds(wrap),
		handled
	};
}

const ratio = (n: number, d: number) => (d > 0 ? n / d : null);

/**
 * The counts and sums the service figures are ratios of: what the wall adds up from today's
 * call histories and the reports read from `report_daily`, so both divide the same way.
 */
export interface ServiceTotals {
	offered: number;
	answered: number;
	abandoned: number;
	shortAbandoned: number;
	answeredWithinThreshold: number;
	/** Sum of the answered calls' waits, ms. */
	waitMs: number;
	/** Calls whose handling is over, and the sum of their talk + wrap-up, ms. */
	handled: number;
	handleMs: number;
}

/** The totals of a set of calls (each counted once). */
export function totalsOf(
	lives: CallLife[],
	settings: MetricSettings = DEFAULT_SETTINGS
): ServiceTotals {
	const t: ServiceTotals = {
		offered: lives.length,
		answered: 0,
		abandoned: 0,
		shortAbandoned: 0,
		answeredWithinThreshold: 0,
		waitMs: 0,
		handled: 0,
		handleMs: 0
	};
	for (const l of lives) {
		if (l.answeredAt !== null) {
			const wait = l.answeredAt - l.arrivedAt;
			t.answered += 1;
			t.waitMs += wait;
			if (seconds(wait) <= settings.answerSeconds(l.departmentId)) t.answeredWithinThreshold += 1;
		}
		if (l.abandonedAt !== null) {
			t.abandoned += 1;
			if (seconds(l.abandonedAt - l.arrivedAt) <= settings.shortAbandonSeconds)
				t.shortAbandoned += 1;
		}
		if (l.handled) {
			t.handled += 1;
			t.handleMs += Math.round((l.talkSeconds + l.wrapUpSeconds) * 1000);
		}
	}
	return t;
}

/** The service figures of totals: service level, abandonment, ASA and AHT, defined once. */
export function figuresOf(t: ServiceTotals): Figures {
	const counted = t.answered + t.abandoned - t.shortAbandoned;
	return {
		offered: t.offered,
		answered: t.answered,
		abandoned: t.abandoned,
		shortAbandoned: t.shortAbandoned,
		answeredWithinThreshold: t.answeredWithinThreshold,
		serviceLevel: ratio(t.answeredWithinThreshold, counted),
		abandonmentRate: ratio(t.abandoned - t.shortAbandoned, counted),
		averageSpeedOfAnswer: t.answered ? seconds(t.waitMs) / t.answered : null,
		averageHandleTime: t.handled ? seconds(t.handleMs) / t.handled : null
	};
}

/** The figures of a set of calls (each counted once). */
export function figures(lives: CallLife[], settings: MetricSettings = DEFAULT_SETTINGS): Figures {
	return figuresOf(totalsOf(lives, settings));
}

/** The Asia/Shanghai calendar day holding an instant: [start, end) in epoch ms. */
export function shanghaiDay(ms: number): { start: number; end: number } {
	const start = instantOf(localParts(ms).date, 0);
	return { start, end: start + 86_400_000 };
}

/** Calls that arrived within [start, end). */
export function arrivedBetween<T extends { arrivedAt: number }>(
	calls: T[],
	start: number,
	end: number
): T[] {
	return calls.filter((c) => c.arrivedAt >= start && c.arrivedAt < end);
}

/** The figures per local hour (0–23) of one Asia/Shanghai day, by arrival. */
export function figuresByHour(
	lives: CallLife[],
	day: { start: number },
	settings: MetricSettings = DEFAULT_SETTINGS
): Figures[] {
	const byHour: CallLife[][] = Array.from({ length: 24 }, () => []);
	for (const l of lives) {
		const h = Math.floor((l.arrivedAt - day.start) / 3600_000);
		if (h >= 0 && h < 24) byHour[h]!.push(l);
	}
	return byHour.map((hour) => figures(hour, settings));
}
