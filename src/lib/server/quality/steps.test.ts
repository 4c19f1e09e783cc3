import { describe, expect, it } from 'vitest';
import { applyStep, isOverdue, nextStep, type CaseState, type StepInput } from './steps';

const opts = { failedTries: 0, tries: 3 };
const start = (kind: CaseState['kind'] = 'rectification'): CaseState => ({
	kind,
	status: 'open',
	triage: null,
	appealDecision: null
});

/** Runs steps in order, failing on the first refusal. */
function run(c: CaseState, steps: StepInput[]): CaseState {
	for (const s of steps) {
		const t = applyStep(c, s, opts);
		if (!t.ok) throw new Error(`${s.step}: ${t.code}`);
		c = { ...c, ...t.patch };
	}
	return c;
}

describe('the steps of a case', () => {
	it('walks a bad-rating case from verify to close', () => {
		const c = run(start(), [
			{ step: 'verify' },
			{ step: 'triage', triage: 'fix_now' },
			{ step: 'rectify' },
			{ step: 'feedback' },
			{ step: 'callback', callback: { reached: true, satisfied: true } },
			{ step: 'review' }
		]);
		expect(c.status).toBe('closed');
		expect(nextStep(c)).toBeNull();
	});

	it('refuses a skipped step and names the one expected', () => {
		const t = applyStep(start(), { step: 'rectify' }, opts);
		expect(t).toMatchObject({ ok: false, code: 'step_out_of_order' });
		expect(!t.ok && t.message).toContain('verify');
		const verified = run(start(), [{ step: 'verify' }]);
		expect(applyStep(verified, { step: 'feedback' }, opts)).toMatchObject({
			code: 'step_out_of_order'
		});
		// no review before the callback
		const fed = run(verified, [{ step: 'triage', triage: 'explain' }, { step: 'rectify' }]);
		expect(applyStep(fed, { step: 'review' }, opts)).toMatchObject({ code: 'step_out_of_order' });
	});

	it('refuses every step on a closed case', () => {
		const closed: CaseState = { ...start(), status: 'closed' };
		for (const step of ['verify', 'review', 'callback'] as const)
			expect(applyStep(closed, { step }, opts)).toMatchObject({ ok: false, code: 'case_closed' });
	});

	it('sends an appeal to the reviewer: upheld closes, rejected goes on to rectify', () => {
		const appealed = run(start(), [{ step: 'verify' }, { step: 'triage', triage: 'appeal' }]);
		expect(nextStep(appealed)).toBe('review');
		expect(applyStep(appealed, { step: 'rectify' }, opts)).toMatchObject({
			code: 'step_out_of_order'
		});
		expect(applyStep(appealed, { step: 'review' }, opts)).toMatchObject({ code: 'invalid_step' });
		const upheld = run(appealed, [{ step: 'review', appeal: 'upheld' }]);
		expect(upheld).toMatchObject({ status: 'closed', appealDecision: 'upheld' });
		const rejected = run(appealed, [{ step: 'review', appeal: 'rejected' }]);
		expect(rejected).toMatchObject({ status: 'verified', appealDecision: 'rejected' });
		expect(nextStep(rejected)).toBe('rectify');
	});

	it('needs a triage kind, and a satisfaction when the citizen is reached', () => {
		const verified = run(start(), [{ step: 'verify' }]);
		expect(applyStep(verified, { step: 'triage' }, opts)).toMatchObject({ code: 'invalid_step' });
		const fed = run(verified, [
			{ step: 'triage', triage: 'complex' },
			{ step: 'rectify' },
			{ step: 'feedback' }
		]);
		expect(applyStep(fed, { step: 'callback', callback: { reached: true } }, opts)).toMatchObject({
			code: 'invalid_step'
		});
	});

	it('completes an unreached callback only after the configured tries, each with a reason', () => {
		const fed: CaseState = { ...start(), status: 'fed_back', triage: 'fix_now' };
		const miss: StepInput = { step: 'callback', callback: { reached: false }, note: '无人接听' };
		expect(applyStep(fed, { ...miss, note: ' ' }, opts)).toMatchObject({ code: 'invalid_step' });
		expect(applyStep(fed, miss, { failedTries: 0, tries: 3 })).toMatchObject({
			ok: true,
			done: 'callback_try',
			patch: {}
		});
		expect(applyStep(fed, miss, { failedTries: 1, tries: 3 })).toMatchObject({
			done: 'callback_try'
		});
		expect(applyStep(fed, miss, { failedTries: 2, tries: 3 })).toMatchObject({
			done: 'called_back',
			patch: { status: 'called_back' }
		});
		// still fed back after a failed try: the review waits
		expect(applyStep(fed, { step: 'review' }, opts)).toMatchObject({ code: 'step_out_of_order' });
	});

	it('has no triage for a 办不成事 case', () => {
		const verified = run(start('not_done'), [{ step: 'verify' }]);
		expect(nextStep(verified)).toBe('rectify');
		expect(applyStep(verified, { step: 'triage', triage: 'fix_now' }, opts)).toMatchObject({
			code: 'step_out_of_order'
		});
	});
});

describe('overdue', () => {
	const base = {
		status: 'open' as const,
		verifiedAt: null,
		rectifiedAt: null,
		contactDueAt: '2025-10-09',
		dueAt: '2025-10-14'
	};
	it('is overdue the day after an unmet deadline, not on it', () => {
		expect(isOverdue(base, '2025-10-09')).toBe(false);
		expect(isOverdue(base, '2025-10-10')).toBe(true);
		expect(isOverdue({ ...base, verifiedAt: 'x', status: 'verified' }, '2025-10-10')).toBe(false);
		expect(isOverdue({ ...base, verifiedAt: 'x', status: 'verified' }, '2025-10-15')).toBe(true);
		expect(isOverdue({ ...base, status: 'closed' }, '2026-01-01')).toBe(false);
		expect(
			isOverdue({ ...base, verifiedAt: 'x', rectifiedAt: 'y', status: 'rectified' }, '2026-01-01')
		).toBe(false);
	});
});
