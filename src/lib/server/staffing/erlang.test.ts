import { describe, expect, it } from 'vitest';
import { erlangA, erlangC, seatsNeeded, trafficErlangs } from './erlang';

// The textbook case (e.g. the worked example of the Erlang C formula on callcentrehelper.com and
// Koole, "Call Center Optimization", ch. 5): 100 calls per 30 minutes, 3 minutes handle time,
// 80 % answered in 20 s → 14 agents, service level 0.888, occupancy 0.714, P(wait) 0.174,
// ASA 7.8 s.
const textbook = { calls: 100, intervalSeconds: 1800, ahtSeconds: 180, targetSeconds: 20 };

describe('Erlang C', () => {
	it('needs 14 agents for the textbook case and delivers the published figures', () => {
		expect(trafficErlangs(textbook)).toBeCloseTo(10, 10);
		const p = seatsNeeded(textbook, 0.8);
		expect(p.agents).toBe(14);
		expect(p.serviceLevel).toBeCloseTo(0.888, 3);
		expect(p.occupancy).toBeCloseTo(0.714, 3);
		expect(p.pWait).toBeCloseTo(0.174, 3);
		expect(p.asaSeconds).toBeCloseTo(7.8, 1);
	});

	it('13 agents fall short of 80 % (so 14 is the fewest)', () => {
		expect(erlangC(textbook, 13).serviceLevel).toBeLessThan(0.8);
	});

	it('an overloaded system answers nobody in time; no calls need no seats', () => {
		expect(erlangC(textbook, 10)).toMatchObject({ serviceLevel: 0, pWait: 1 });
		expect(seatsNeeded({ ...textbook, calls: 0 }, 0.8).agents).toBe(0);
	});
});

/** An independent check: a discrete-event simulation of M/M/N+M with a seeded generator. */
function simulate(
	d: { lambda: number; aht: number; patience: number; agents: number; target: number },
	arrivals: number
) {
	// mulberry32: 32-bit integer arithmetic only, so no precision is lost in doubles
	let seed = 12345;
	const rnd = () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let r = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
		return (((r ^ (r >>> 14)) >>> 0) + 0.5) / 4294967296;
	};
	const exp = (mean: number) => -mean * Math.log(rnd());
	const free: number[] = new Array(d.agents).fill(0);
	let t = 0;
	let inTime = 0;
	let abandoned = 0;
	// FIFO with abandonment: a caller reaches the earliest free seat unless patience runs out
	// first; seats go to callers in arrival order, so a seat's next free time is all we track.
	for (let i = 0; i < arrivals; i++) {
		t += exp(1 / d.lambda);
		free.sort((a, b) => a - b);
		const start = Math.max(t, free[0]!);
		const patience = exp(d.patience);
		if (start - t > patience) {
			abandoned++;
			continue;
		}
		if (start - t <= d.target) inTime++;
		free[0] = start + exp(d.aht);
	}
	return { serviceLevel: inTime / arrivals, abandonRate: abandoned / arrivals };
}

describe('Erlang A', () => {
	it('M/M/1+M with λ = μ = θ: the queue is Poisson(1), so P(wait) = 1 − 1/e and 1/e abandon', () => {
		// Independently computed: with one seat and patience equal to the handle time the death
		// rate in state n is n·μ, the stationary law is Poisson(λ/μ) = Poisson(1); the mean queue
		// is E[n] − P(n ≥ 1) = 1/e, and abandonment = θ·E[queue] / λ = 1/e.
		const p = erlangA(
			{ calls: 60, intervalSeconds: 3600, ahtSeconds: 60, targetSeconds: 1e6, patienceSeconds: 60 },
			1
		);
		expect(p.pWait).toBeCloseTo(1 - Math.exp(-1), 6);
		expect(p.abandonRate).toBeCloseTo(Math.exp(-1), 6);
		// with a threshold no one reaches, everyone who does not abandon is answered in time
		expect(p.serviceLevel).toBeCloseTo(1 - Math.exp(-1), 3);
	});

	it('with very long patience it tends to Erlang C', () => {
		const a = erlangA({ ...textbook, patienceSeconds: 1e7 }, 14);
		const c = erlangC(textbook, 14);
		expect(a.serviceLevel).toBeCloseTo(c.serviceLevel, 3);
		expect(a.pWait).toBeCloseTo(c.pWait, 3);
		expect(a.asaSeconds).toBeCloseTo(c.asaSeconds, 1);
		expect(a.abandonRate).toBeLessThan(1e-4);
	});

	it('agrees with a simulation of the textbook case with 2 minutes of patience', () => {
		const p = erlangA({ ...textbook, patienceSeconds: 120 }, 12);
		const sim = simulate(
			{ lambda: 100 / 1800, aht: 180, patience: 120, agents: 12, target: 20 },
			400_000
		);
		expect(p.serviceLevel).toBeCloseTo(sim.serviceLevel, 2);
		expect(p.abandonRate!).toBeCloseTo(sim.abandonRate, 2);
	});

	it('abandonment lets fewer seats reach the target than Erlang C says', () => {
		const a = seatsNeeded({ ...textbook, patienceSeconds: 60 }, 0.8);
		expect(a.agents).toBeLessThanOrEqual(14);
		expect(a.serviceLevel).toBeGreaterThanOrEqual(0.8);
		expect(a.abandonRate).toBeGreaterThan(0);
	});
});
