import { describe, expect, it } from 'vitest';
import {
	activeRelaxations,
	agentIndexes,
	dueStep,
	laneOf,
	nextStepAtMs,
	parseEscalation,
	parseHeadStarts,
	parseLanguageRelax,
	queueScore,
	requirementFor,
	satisfies,
	type CallFacts
} from './rules';

const steps = parseEscalation('30:elderly_any_seat,60:department,120:language');
const relax = parseLanguageRelax('yue:zh');
const heads = parseHeadStarts('urgent:900,green:600,elderly:300,appointment:120');
const call = (over: Partial<CallFacts> = {}): CallFacts => ({
	matterId: 12,
	departmentId: 3,
	minLevel: 2,
	language: 'yue',
	sign: false,
	elderly: false,
	priorityLane: 'none',
	inAppointmentSlot: false,
	...over
});

describe('lanes and ageing', () => {
	it('orders urgent > green > elderly > appointment > normal', () => {
		expect(laneOf(call({ priorityLane: 'urgent', elderly: true }))).toBe('urgent');
		expect(laneOf(call({ priorityLane: 'green', elderly: true }))).toBe('green');
		expect(laneOf(call({ elderly: true, inAppointmentSlot: true }))).toBe('elderly');
		expect(laneOf(call({ inAppointmentSlot: true }))).toBe('appointment');
		expect(laneOf(call())).toBe('normal');
		const t = 1_000_000_000;
		const order = (['normal', 'appointment', 'elderly', 'green', 'urgent'] as const)
			.map((l) => ({ l, s: queueScore(t, l, heads) }))
			.sort((a, b) => a.s - b.s)
			.map((x) => x.l);
		expect(order).toEqual(['urgent', 'green', 'elderly', 'appointment', 'normal']);
	});

	it('within a lane the oldest call goes first', () => {
		expect(queueScore(1000, 'green', heads)).toBeLessThan(queueScore(2000, 'green', heads));
	});

	it('a normal call that waited longer than a lane head start overtakes new calls of that lane', () => {
		const t = 10_000_000;
		const normal = queueScore(t - 301_000, 'normal', heads);
		expect(normal).toBeLessThan(queueScore(t, 'elderly', heads));
		expect(normal).toBeGreaterThan(queueScore(t, 'green', heads));
		// so a steady stream of elderly calls cannot starve it
		expect(queueScore(t - 299_000, 'normal', heads)).toBeGreaterThan(
			queueScore(t, 'elderly', heads)
		);
	});
});

describe('escalation', () => {
	it('counts the steps due after a wait and the time of the next one', () => {
		expect(dueStep(steps, 0)).toBe(0);
		expect(dueStep(steps, 30_000)).toBe(1);
		expect(dueStep(steps, 119_999)).toBe(2);
		expect(dueStep(steps, 500_000)).toBe(3);
		expect(nextStepAtMs(steps, 1)).toBe(60_000);
		expect(nextStepAtMs(steps, 3)).toBeNull();
	});

	it('relaxes only what applies to the call', () => {
		expect(activeRelaxations(call(), steps, 3, relax)).toEqual(['department', 'language']);
		expect(activeRelaxations(call({ elderly: true }), steps, 1, relax)).toEqual([
			'elderly_any_seat'
		]);
		expect(activeRelaxations(call({ language: 'en' }), steps, 3, relax)).toEqual(['department']);
	});

	it('changes the requirement at each step', () => {
		expect(requirementFor(call(), steps, 0, relax)).toMatchObject({
			index: 'd:3',
			checks: 'm:12>=2;l:yue'
		});
		expect(requirementFor(call(), steps, 2, relax).checks).toBe('d:3;l:yue');
		expect(requirementFor(call(), steps, 3, relax).checks).toBe('d:3;l:yue|l:zh');
		const elderly = requirementFor(call({ elderly: true }), steps, 1, relax);
		expect(elderly).toMatchObject({ index: 'any', checks: 'l:yue' });
	});

	it('sign-language calls always need a sign-language seat', () => {
		for (const step of [0, 1, 2, 3]) {
			const r = requirementFor(call({ sign: true, elderly: true }), steps, step, relax);
			expect(r.index).toBe('sign');
			expect(r.checks.split(';')).toContain('sign');
		}
	});
});

// Which seat is picked among the eligible: tests/integration/routing-parity.test.ts drives the
// TypeScript rule and the Lua match production runs from one table.
describe('eligibility', () => {
	const req = requirementFor(call(), steps, 0, relax);
	it('needs the matter at the minimum level and the language', () => {
		expect(satisfies({ 'm:12': 2, 'l:yue': 1 }, req.checks)).toBe(true);
		expect(satisfies({ 'm:12': 1, 'l:yue': 5 }, req.checks)).toBe(false);
		expect(satisfies({ 'm:12': 5, 'l:zh': 5 }, req.checks)).toBe(false);
	});

	it('an extended-session call needs a seat rostered for it, at every escalation step', () => {
		const session = call({ roster: 'r:7:2026-12-05', elderly: true });
		for (let step = 0; step <= steps.length; step++) {
			const r = requirementFor(session, steps, step, relax);
			expect(satisfies({ 'm:12': 5, 'd:3': 5, 'l:yue': 5, 'l:zh': 5 }, r.checks)).toBe(false);
			expect(
				satisfies({ 'm:12': 5, 'd:3': 5, 'l:yue': 5, 'l:zh': 5, 'r:7:2026-12-05': 1 }, r.checks)
			).toBe(true);
		}
	});

	it('indexes an agent by department, not by each of its many matters', () => {
		const idx = agentIndexes({ 'm:12': 5, 'm:13': 1, 'd:3': 5, 'l:yue': 5, sign: 4 });
		expect(idx.map((i) => i.index).sort()).toEqual(['any', 'd:3', 'sign']);
	});
});
