import type { Config } from '../config';
import type { Ctx } from '../context';
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
