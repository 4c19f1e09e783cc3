import type { Config } from '../config';
import type { Ctx } from '../context';
import * as q from '../calls/queries';
import {
	laneOf,
	parseEscalation,
	parseHeadStarts,
	parseLanguageRelax,
	queueScore,
	requirementFor,
	TRANSFER_AHEAD_MS,
	type CallFacts,
	type EscalationStep,
	type Lane,
	type Requirement
} from './rules';

interface Policy {
	steps: EscalationStep[];
	languageRelax: Record<string, string[]>;
	headStarts: Record<Lane, number>;
}
const policies = new WeakMap<Config, Policy>();

/** The routing policy parsed from config (once per config). */
export function policy(cfg: Config): Policy {
	let p = policies.get(cfg);
	if (!p) {
		p = {
			steps: parseEscalation(cfg.ROUTING_ESCALATION),
			languageRelax: parseLanguageRelax(cfg.ROUTING_LANGUAGE_RELAX),
			headStarts: parseHeadStarts(cfg.ROUTING_LANE_HEAD_START)
		};
		policies.set(cfg, p);
	}
	return p;
}

/** Routing facts of a stored call (its matter's department and minimum level, lane inputs). */
export function factsOf(ctx: Ctx, call: q.CallRow): CallFacts {
	const m = q.matterFacts(ctx.db, call.matterId);
	let inSlot = false;
	if (call.appointmentId) {
		const a = q.appointmentById(ctx.db, call.appointmentId);
		const t = Date.parse(call.queuedAt);
		inSlot =
			!!a &&
			a.status === 'booked' &&
			a.matterId === call.matterId &&
			Date.parse(a.slotStart) <= t &&
			t < Date.parse(a.slotEnd);
	}
	const signed = q.languageByCode(ctx.db, call.language)?.signed ?? false;
	return {
		matterId: call.matterId,
		departmentId: m?.departmentId ?? 0,
		minLevel: m?.minLevel ?? 1,
		language: call.language,
		sign: call.signLanguage || signed,
		elderly: call.elderly,
		priorityLane: call.priorityLane,
		inAppointmentSlot: inSlot
	};
}

/** A call's requirement at its current escalation step. */
export function requirementOf(ctx: Ctx, facts: CallFacts, step: number): Requirement {
	const p = policy(ctx.cfg);
	return requirementFor(facts, p.steps, step, p.languageRelax);
}

/** A call's queue score: arrival minus its lane's head start (transfers go to the front of their lane). */
export function scoreOf(ctx: Ctx, facts: CallFacts, queuedAt: string, transferred = false): number {
	const s = queueScore(Date.parse(queuedAt), laneOf(facts), policy(ctx.cfg).headStarts);
	return transferred ? s - TRANSFER_AHEAD_MS : s;
}
