/**
 * Pure routing rules: lanes and ageing, escalation steps, a call's requirement and the
 * "bucket" that indexes waiting calls, agent eligibility and selection order. The Lua scripts
 * in `lua.ts` apply exactly these rules atomically; the functions here are their reference
 * and are unit-tested.
 */

export const LANES = ['urgent', 'green', 'elderly', 'appointment', 'normal'] as const;
export type Lane = (typeof LANES)[number];

export const RELAXATIONS = ['elderly_any_seat', 'department', 'language'] as const;
export type Relaxation = (typeof RELAXATIONS)[number];

export interface EscalationStep {
	afterSeconds: number;
	relax: Relaxation;
}

/** What routing needs to know about a call (no personal data). */
export interface CallFacts {
	matterId: number;
	departmentId: number;
	minLevel: number;
	language: string;
	/** The caller needs a sign-language seat. */
	sign: boolean;
	elderly: boolean;
	priorityLane: 'none' | 'green' | 'urgent';
	/** The caller booked this slot and is calling inside it. */
	inAppointmentSlot: boolean;
	/**
	 * The roster field a seat must hold (`r:<session>:<date>`) when the call is served by an
	 * extended session: only seats rostered for it are offered the call, at every step.
	 */
	roster?: string | null;
}

/** The lane of a call: urgent > green channel > elderly > appointment-in-its-slot > normal. */
export function laneOf(c: Pick<CallFacts, 'priorityLane' | 'elderly' | 'inAppointmentSlot'>): Lane {
	if (c.priorityLane === 'urgent') return 'urgent';
	if (c.priorityLane === 'green') return 'green';
	if (c.elderly) return 'elderly';
	if (c.inAppointmentSlot) return 'appointment';
	return 'normal';
}

/** Parses "urgent:900,green:600" into head starts in seconds per lane (normal is always 0). */
export function parseHeadStarts(spec: string): Record<Lane, number> {
	const out: Record<Lane, number> = { urgent: 0, green: 0, elderly: 0, appointment: 0, normal: 0 };
	for (const part of spec.split(',').filter(Boolean)) {
		const [lane, secs] = part.split(':');
		if ((LANES as readonly string[]).includes(lane!)) out[lane as Lane] = Number(secs);
	}
	out.normal = 0;
	return out;
}

/**
 * Queue score (lower is served first): arrival time minus the lane's head start. Within a lane
 * this is oldest first; across lanes a higher lane wins unless the lower call has waited longer
 * than the difference in head starts: that is the ageing rule that prevents starvation.
 */
export function queueScore(queuedAtMs: number, lane: Lane, headStarts: Record<Lane, number>) {
	return queuedAtMs - headStarts[lane] * 1000;
}

/** A transferred call goes ahead of everything that joined its lane in the last hour. */
export const TRANSFER_AHEAD_MS = 3_600_000;

/** Parses "30:elderly_any_seat,60:department" into ordered steps. */
export function parseEscalation(spec: string): EscalationStep[] {
	return spec
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean)
		.map((s) => {
			const [secs, relax] = s.split(':');
			return { afterSeconds: Number(secs), relax: relax as Relaxation };
		})
		.sort((a, b) => a.afterSeconds - b.afterSeconds);
}

/** Parses "yue:zh,ja:en+zh" into the extra languages each caller language accepts. */
export function parseLanguageRelax(spec: string): Record<string, string[]> {
	const out: Record<string, string[]> = {};
	for (const part of spec.split(',').filter(Boolean)) {
		const [from, to] = part.split(':');
		if (from && to) out[from] = to.split('+');
	}
	return out;
}

/** How many escalation steps apply after waiting `waitedMs`. */
export function dueStep(steps: EscalationStep[], waitedMs: number): number {
	return steps.filter((s) => waitedMs >= s.afterSeconds * 1000).length;
}

/** Milliseconds from queue entry until the next step after `step` is due, or null. */
export function nextStepAtMs(steps: EscalationStep[], step: number): number | null {
	const s = steps[step];
	return s ? s.afterSeconds * 1000 : null;
}

/**
 * A requirement: `index` is the available-agent index scanned for candidates; `checks` are
 * groups of alternatives an agent must satisfy (every group, any alternative), each alternative
 * a skill field with a minimum level. Encoded as text so Lua can read it:
 * `m:12>=2;l:yue|l:zh` — and `bucket` = `index#checks` names the waiting-call queue.
 */
export interface Requirement {
	index: string;
	checks: string;
	bucket: string;
	relaxations: Relaxation[];
}

/** Relaxations that actually change something for this call at this step. */
export function activeRelaxations(
	call: CallFacts,
	steps: EscalationStep[],
	step: number,
	languageRelax: Record<string, string[]>
): Relaxation[] {
	const out: Relaxation[] = [];
	for (const s of steps.slice(0, step)) {
		if (out.includes(s.relax)) continue;
		if (s.relax === 'elderly_any_seat' && !call.elderly) continue;
		if (s.relax === 'language' && (call.sign || !languageRelax[call.language]?.length)) continue;
		out.push(s.relax);
	}
	return out;
}

/** The requirement of a call at an escalation step. */
export function requirementFor(
	call: CallFacts,
	steps: EscalationStep[],
	step: number,
	languageRelax: Record<string, string[]>
): Requirement {
	const relax = activeRelaxations(call, steps, step, languageRelax);
	const groups: string[] = [];
	// Agents are indexed by department (a handful of index entries per agent, so freeing or
	// reserving one is cheap); the matter and its minimum level are checks on the candidates.
	let matterIndex = 'any';
	if (relax.includes('elderly_any_seat')) {
		// any seat: no matter group
	} else if (relax.includes('department')) {
		matterIndex = `d:${call.departmentId}`;
		groups.push(matterIndex);
	} else {
		matterIndex = `d:${call.departmentId}`;
		groups.push(`m:${call.matterId}>=${Math.max(1, call.minLevel)}`);
	}
	if (call.sign) {
		groups.push('sign');
	} else {
		const langs = [call.language];
		if (relax.includes('language')) langs.push(...(languageRelax[call.language] ?? []));
		groups.push(langs.map((l) => `l:${l}`).join('|'));
	}
	if (call.roster) groups.push(call.roster);
	// Sign-language seats are few: scanning them is cheaper than scanning the matter's seats.
	const index = call.sign ? 'sign' : matterIndex;
	const checks = groups.join(';');
	return { index, checks, bucket: `${index}#${checks}`, relaxations: relax };
}

/** An agent's skills as the flat fields routing checks: `m:<id>`, `d:<id>`, `l:<code>`, `sign`, `eld`. */
export type SkillFields = Record<string, number>;

/** Whether an agent's skill fields satisfy an encoded requirement. */
export function satisfies(fields: SkillFields, checks: string): boolean {
	if (!checks) return true;
	return checks.split(';').every((group) =>
		group.split('|').some((alt) => {
			const [field, min] = alt.split('>=');
			return (fields[field!] ?? 0) >= Number(min ?? 1);
		})
	);
}

/**
 * Index memberships of an agent (each ordered by idle-since): every agent, each department it
 * serves, sign-language seats. `base` is added to the idle time (0: pure longest-idle order).
 */
export function agentIndexes(fields: SkillFields): { index: string; base: number }[] {
	const out: { index: string; base: number }[] = [{ index: 'any', base: 0 }];
	for (const f of Object.keys(fields)) {
		if (f.startsWith('d:') || f === 'sign') out.push({ index: f, base: 0 });
	}
	return out;
}

/** The skill field whose level ranks eligible candidates: the first check (matter, department or language). */
export function rankField(checks: string): string {
	return checks.split(/[;|]/)[0]!.split('>=')[0]!;
}

/**
 * The caller's language field (the first alternative of the language group) when it is not the
 * rank field: it breaks ties between seats of the same level in the rank field.
 */
export function languageField(checks: string): string | null {
	const rank = rankField(checks);
	for (const group of checks.split(';')) {
		const first = group.split('|')[0]!.split('>=')[0]!;
		if (first.startsWith('l:') && first !== rank) return first;
	}
	return null;
}

export interface Candidate {
	agentId: number;
	fields: SkillFields;
	/** When the agent last became available (ms). */
	idleSince: number;
}

/**
 * Picks among available agents for a call: eligible only; best proficiency in the rank field
 * first, then in the caller's language, then longest idle, then lowest id (deterministic); elderly callers prefer an
 * elderly-guidance seat among the eligible ones.
 */
export function selectAgent(
	candidates: Candidate[],
	req: Requirement,
	elderly: boolean
): { agentId: number; rule: 'best_fit' | 'elderly_guidance'; eligible: number } | null {
	const rank = rankField(req.checks);
	const lang = languageField(req.checks);
	const level = (c: Candidate) => (c.fields[rank] ?? 0) * 10 + (lang ? (c.fields[lang] ?? 0) : 0);
	const eligible = candidates
		.filter((c) => satisfies(c.fields, req.checks))
		.sort((a, b) => level(b) - level(a) || a.idleSince - b.idleSince || a.agentId - b.agentId);
	if (!eligible.length) return null;
	const guide = elderly ? eligible.find((c) => (c.fields.eld ?? 0) > 0) : undefined;
	return guide
		? { agentId: guide.agentId, rule: 'elderly_guidance', eligible: eligible.length }
		: { agentId: eligible[0]!.agentId, rule: 'best_fit', eligible: eligible.length };
}
