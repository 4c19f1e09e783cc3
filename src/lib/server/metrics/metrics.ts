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

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
const ratio = (n: number, d: number) => (d > 0 ? n / d : null);

/** The figures of a set of calls (each counted once). */
export function figures(lives: CallLife[], settings: MetricSettings = DEFAULT_SETTINGS): Figures {
	const answered = lives.filter((l) => l.answeredAt !== null);
	const abandoned = lives.filter((l) => l.abandonedAt !== null);
	const short = abandoned.filter(
		(l) => seconds(l.abandonedAt! - l.arrivedAt) <= settings.shortAbandonSeconds
	).length;
	const waits = answered.map((l) => seconds(l.answeredAt! - l.arrivedAt));
	const within = answered.filter(
		(l, i) => waits[i]! <= settings.answerSeconds(l.departmentId)
	).length;
	const counted = answered.length + abandoned.length - short;
	const handled = lives.filter((l) => l.handled);
	return {
		offered: lives.length,
		answered: answered.length,
		abandoned: abandoned.length,
		shortAbandoned: short,
		answeredWithinThreshold: within,
		serviceLevel: ratio(within, counted),
		abandonmentRate: ratio(abandoned.length - short, counted),
		averageSpeedOfAnswer: mean(waits),
		averageHandleTime: mean(handled.map((l) => l.talkSeconds + l.wrapUpSeconds))
	};
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
