import { median } from './model';

/** One simulated caller: what they were first told and what happened (real ms timestamps). */
export interface CallRecord {
	callId: string;
	departmentId: number;
	arrivedAt: number;
	/** The waiting state of the console's first answer (ringing, busy, all_on_break, none_online). */
	firstState: string;
	/** The first range shown (console seconds), null when none was. */
	lowSeconds: number | null;
	highSeconds: number | null;
	estimateSeconds: number | null;
	answeredAt: number | null;
	endedAt: number | null;
	abandonedAt: number | null;
	/** A phone that vanished without leaving. */
	gone: boolean;
	/** When the caller's page last said it was there (real ms). */
	lastHeardAt: number;
	agentId: number | null;
}

/**
 * The run's figures. The console's seconds are real seconds of a console whose durations were
 * divided by the speed, so a range it showed compares with the real wait, and errors are
 * reported in simulated seconds (× speed).
 */
export class Tally {
	records: CallRecord[] = [];
	refused = 0;
	acceptRefused = 0;
	handlingErrors = 0;
	/** Offers made for a caller who had already vanished (the console must make none). */
	offeredGone = 0;
	leftWaiting = 0;
	/** Errors the console answered, by message (shown in the summary). */
	notes = new Map<string, number>();

	constructor(
		readonly speed: number,
		readonly answerSeconds: number,
		readonly shortAbandonSeconds: number
	) {}

	note(message: string): void {
		this.notes.set(message, (this.notes.get(message) ?? 0) + 1);
	}

	add(r: CallRecord): void {
		this.records.push(r);
	}

	/** Wait in simulated seconds from arrival to the agent's answer. */
	private waitSim(r: CallRecord): number {
		return ((r.answeredAt! - r.arrivedAt) / 1000) * this.speed;
	}

	figures() {
		const served = this.records.filter((r) => r.answeredAt !== null);
		const abandoned = this.records.filter((r) => r.answeredAt === null && r.abandonedAt !== null);
		const longAbandon = abandoned.filter(
			(r) => ((r.abandonedAt! - r.arrivedAt) / 1000) * this.speed > this.shortAbandonSeconds
		);
		const withinT = served.filter((r) => this.waitSim(r) <= this.answerSeconds).length;
		const denom = served.length + longAbandon.length;
		const ranged = served.filter((r) => r.lowSeconds !== null && r.highSeconds !== null);
		const inside = ranged.filter((r) => {
			const w = (r.answeredAt! - r.arrivedAt) / 1000;
			return w >= r.lowSeconds! && w <= r.highSeconds!;
		});
		// the estimate a caller reads: shown with a range, while the eligible seats are busy
		const early = ranged.filter((r) => (r.answeredAt! - r.arrivedAt) / 1000 < r.lowSeconds!).length;
		const errors = ranged
			.filter((r) => r.estimateSeconds !== null)
			.map((r) => Math.abs(r.estimateSeconds! * this.speed - this.waitSim(r)));
		const states = new Map<string, number>();
		for (const r of this.records) states.set(r.firstState, (states.get(r.firstState) ?? 0) + 1);
		return {
			arrived: this.records.length,
			served: served.length,
			abandoned: abandoned.length,
			serviceLevel: denom ? withinT / denom : NaN,
			asaSeconds: served.length
				? served.reduce((s, r) => s + this.waitSim(r), 0) / served.length
				: NaN,
			ranged: ranged.length,
			withinRange: ranged.length ? inside.length / ranged.length : NaN,
			early,
			late: ranged.length - inside.length - early,
			maeSeconds: errors.length ? errors.reduce((s, e) => s + e, 0) / errors.length : NaN,
			medianErrorSeconds: median(errors),
			medianWaitSeconds: median(served.map((r) => this.waitSim(r))),
			states
		};
	}

	/** The human-readable summary. */
	summary(): string[] {
		const f = this.figures();
		const pct = (x: number) => (Number.isNaN(x) ? 'n/a' : `${(x * 100).toFixed(1)} %`);
		const s = (x: number) => (Number.isNaN(x) ? 'n/a' : `${Math.round(x)} s`);
		return [
			'',
			`callers arrived       ${f.arrived} (${this.refused} refused at the door)`,
			`served                ${f.served}`,
			`abandoned             ${f.abandoned} (still waiting at the end: ${this.leftWaiting})`,
			`service level         ${pct(f.serviceLevel)} answered within ${this.answerSeconds} s`,
			`ASA / median wait     ${s(f.asaSeconds)} / ${s(f.medianWaitSeconds)}`,
			`first told            ${[...f.states].map(([k, v]) => `${k} ${v}`).join(', ')}`,
			`within first range    ${pct(f.withinRange)} of ${f.ranged} served callers shown a range (${f.early} served sooner, ${f.late} later)`,
			`estimate error        mean ${s(f.maeSeconds)}, median ${s(f.medianErrorSeconds)} (simulated seconds, callers shown a range)`,
			`offers to gone callers ${this.offeredGone}; accepts refused ${this.acceptRefused}; handling errors ${this.handlingErrors}`,
			...[...this.notes].map(([k, v]) => `  ${v} × ${k}`),
			''
		];
	}

	/** The last line: machine-readable. */
	lastLine(): string {
		const f = this.figures();
		const n = (x: number, d: number) => (Number.isNaN(x) ? 'nan' : x.toFixed(d));
		return `simulate served=${f.served} abandoned=${f.abandoned} service_level=${n(f.serviceLevel, 3)} within_range=${n(f.withinRange, 3)} estimate_mae_s=${n(f.maeSeconds, 1)}`;
	}
}
