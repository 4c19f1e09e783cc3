/**
 * The order of a follow-up case's steps, pure (no I/O).
 *
 * A bad-rating case (`rectification`): verify → triage → rectify → feedback → callback → review.
 * Triage `appeal` (mistaken or malicious rating) goes straight to a reviewer's decision: upheld
 * closes the case as not counted; rejected sends it on to rectify like any other case.
 * A 办不成事 case (`not_done`) has no triage: verify (what was missing) → rectify (the
 * resolution) → feedback → callback → review.
 * A callback that does not reach the citizen is one try; after `tries` of them the step is done
 * (the reason recorded), so the callback record exists for every closed case.
 */

export const STEPS = ['verify', 'triage', 'rectify', 'feedback', 'callback', 'review'] as const;
export type Step = (typeof STEPS)[number];
export const TRIAGES = ['fix_now', 'complex', 'explain', 'appeal'] as const;
export type Triage = (typeof TRIAGES)[number];
export type CaseKind = 'rectification' | 'not_done';
export type CaseStatus =
	'open' | 'verified' | 'rectified' | 'fed_back' | 'called_back' | 'reviewed' | 'closed';

/** What the machine needs to know of a case. */
export interface CaseState {
	kind: CaseKind;
	status: CaseStatus;
	triage: Triage | null;
	appealDecision: 'upheld' | 'rejected' | null;
}

/** The step input as the API takes it. */
export interface StepInput {
	step: Step;
	triage?: Triage;
	appeal?: 'upheld' | 'rejected';
	callback?: { reached: boolean; satisfied?: boolean };
	note?: string;
}

/** Who may record a step: the owner (or a supervisor in scope) works it, a reviewer decides. */
export const REVIEW_STEPS: readonly Step[] = ['review'];

/** The one step that may be recorded next, or null once the case is closed. */
export function nextStep(c: CaseState): Step | null {
	switch (c.status) {
		case 'open':
			return 'verify';
		case 'verified':
			if (c.kind === 'not_done') return 'rectify';
			if (!c.triage) return 'triage';
			if (c.triage === 'appeal' && !c.appealDecision) return 'review';
			return 'rectify';
		case 'rectified':
			return 'feedback';
		case 'fed_back':
			return 'callback';
		case 'called_back':
		case 'reviewed':
			return 'review';
		case 'closed':
			return null;
	}
}

export type Transition =
	| { ok: true; patch: Partial<Omit<CaseState, 'kind'>>; done: StepDone }
	| { ok: false; code: 'case_closed' | 'step_out_of_order' | 'invalid_step'; message: string };

/** What a recorded step completes: the milestone it sets. */
export type StepDone =
	| 'verified'
	| 'triaged'
	| 'appeal_upheld'
	| 'appeal_rejected'
	| 'rectified'
	| 'fed_back'
	| 'callback_try'
	| 'called_back'
	| 'closed';

/**
 * Applies a step to a case: the new status (and triage, appeal decision), or why it cannot
 * be recorded. `failedTries` counts the earlier callbacks that did not reach the citizen.
 */
export function applyStep(
	c: CaseState,
	input: StepInput,
	opts: { failedTries: number; tries: number }
): Transition {
	const expected = nextStep(c);
	if (!expected) return { ok: false, code: 'case_closed', message: 'The case is closed' };
	if (input.step !== expected)
		return {
			ok: false,
			code: 'step_out_of_order',
			message: `The next step of this case is ${expected}, not ${input.step}`
		};
	const invalid = (message: string): Transition => ({ ok: false, code: 'invalid_step', message });
	switch (input.step) {
		case 'verify':
			return { ok: true, patch: { status: 'verified' }, done: 'verified' };
		case 'triage':
			if (!input.triage) return invalid('triage: choose fix_now, complex, explain or appeal');
			return { ok: true, patch: { triage: input.triage }, done: 'triaged' };
		case 'rectify':
			return { ok: true, patch: { status: 'rectified' }, done: 'rectified' };
		case 'feedback':
			return { ok: true, patch: { status: 'fed_back' }, done: 'fed_back' };
		case 'callback': {
			const cb = input.callback;
			if (!cb) return invalid('callback: say whether the citizen was reached');
			if (cb.reached) {
				if (cb.satisfied === undefined)
					return invalid('callback.satisfied: record whether the citizen is satisfied');
				return { ok: true, patch: { status: 'called_back' }, done: 'called_back' };
			}
			if (!input.note?.trim()) return invalid('note: record why the citizen could not be reached');
			return opts.failedTries + 1 >= opts.tries
				? { ok: true, patch: { status: 'called_back' }, done: 'called_back' }
				: { ok: true, patch: {}, done: 'callback_try' };
		}
		case 'review':
			if (c.status === 'verified') {
				// the reviewer decides an appeal
				if (!input.appeal) return invalid('appeal: decide upheld or rejected');
				return input.appeal === 'upheld'
					? {
							ok: true,
							patch: { status: 'closed', appealDecision: 'upheld' },
							done: 'appeal_upheld'
						}
					: { ok: true, patch: { appealDecision: 'rejected' }, done: 'appeal_rejected' };
			}
			return { ok: true, patch: { status: 'closed' }, done: 'closed' };
	}
}

/** The working days to rectify per triage kind: the default, overridden by `complex=15,…`. */
export function rectifyDays(defaultDays: number, overrides: string): Record<Triage, number> {
	const days = Object.fromEntries(TRIAGES.map((t) => [t, defaultDays])) as Record<Triage, number>;
	for (const pair of overrides.split(',').filter(Boolean)) {
		const [k, v] = pair.split('=');
		if ((TRIAGES as readonly string[]).includes(k!)) days[k as Triage] = Number(v);
	}
	return days;
}

/** Overdue: open past its contact deadline before verification, or past its due date before rectification. */
export function isOverdue(
	c: {
		status: CaseStatus;
		verifiedAt: string | null;
		rectifiedAt: string | null;
		contactDueAt: string | null;
		dueAt: string | null;
	},
	today: string
): boolean {
	if (c.status === 'closed') return false;
	if (!c.verifiedAt && c.contactDueAt && c.contactDueAt < today) return true;
	return !c.rectifiedAt && !!c.dueAt && c.dueAt < today;
}
