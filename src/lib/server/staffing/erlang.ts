/**
 * Erlang C (M/M/N, callers wait for ever) and Erlang A (M/M/N+M, callers abandon after an
 * exponentially distributed patience): the seats a target service level needs, and what a given
 * number of seats delivers. Pure; no I/O.
 */

export interface Demand {
	/** Calls arriving in the interval. */
	calls: number;
	intervalSeconds: number;
	ahtSeconds: number;
	/** Answer threshold T of the service level (answered within T seconds). */
	targetSeconds: number;
	/** Mean patience; with it the model is Erlang A. */
	patienceSeconds?: number;
}

export interface Performance {
	agents: number;
	/** Share of arrivals answered within T (Erlang A: answered, not abandoned, within T). */
	serviceLevel: number;
	/** Share of the seats' time spent handling calls. */
	occupancy: number;
	/** Probability that an arriving caller has to wait. */
	pWait: number;
	/** Mean wait of the answered callers, in seconds. */
	asaSeconds: number;
	/** Share of arrivals who leave before being answered (Erlang A only). */
	abandonRate?: number;
}

/** Offered load in Erlangs: arrival rate × handle time. */
export function trafficErlangs(
	d: Pick<Demand, 'calls' | 'intervalSeconds' | 'ahtSeconds'>
): number {
	return (d.calls / d.intervalSeconds) * d.ahtSeconds;
}

/** Erlang C probability of waiting, through the stable Erlang B recursion. */
export function erlangCWait(agents: number, traffic: number): number {
	if (traffic <= 0) return 0;
	if (agents <= traffic) return 1;
	let b = 1;
	for (let n = 1; n <= agents; n++) b = (traffic * b) / (n + traffic * b);
	return (agents * b) / (agents - traffic * (1 - b));
}

/** What `agents` seats deliver under Erlang C; an overloaded system has service level 0. */
export function erlangC(d: Demand, agents: number): Performance {
	const a = trafficErlangs(d);
	if (a <= 0) return { agents, serviceLevel: 1, occupancy: 0, pWait: 0, asaSeconds: 0 };
	if (agents <= a)
		return {
			agents,
			serviceLevel: 0,
			occupancy: 1,
			pWait: 1,
			asaSeconds: Number.POSITIVE_INFINITY
		};
	const pWait = erlangCWait(agents, a);
	const spare = agents - a;
	return {
		agents,
		serviceLevel: 1 - pWait * Math.exp((-spare * d.targetSeconds) / d.ahtSeconds),
		occupancy: a / agents,
		pWait,
		asaSeconds: (pWait * d.ahtSeconds) / spare
	};
}

/** Steady-state probabilities of the M/M/N+M birth-death chain, truncated where they vanish. */
function stationary(lambda: number, mu: number, theta: number, agents: number): number[] {
	const p = [1];
	let total = 1;
	for (let n = 1; n < 100_000; n++) {
		const death = Math.min(n, agents) * mu + Math.max(0, n - agents) * theta;
		const next = (p[n - 1]! * lambda) / death;
		p.push(next);
		total += next;
		if (n > agents && next < total * 1e-14) break;
	}
	return p.map((x) => x / total);
}

/**
 * What `agents` seats deliver under Erlang A. An arriving caller who finds q callers waiting
 * reaches a seat after the q ahead have gone (served or abandoned) and a seat frees: a pure
 * death chain with rates N·μ + i·θ, while the caller's own patience runs out at rate θ. That
 * chain is integrated numerically (RK4) for the answered-within-T share and the mean wait.
 */
export function erlangA(d: Demand & { patienceSeconds: number }, agents: number): Performance {
	const lambda = d.calls / d.intervalSeconds;
	const mu = 1 / d.ahtSeconds;
	const theta = 1 / d.patienceSeconds;
	if (lambda <= 0)
		return { agents, serviceLevel: 1, occupancy: 0, pWait: 0, asaSeconds: 0, abandonRate: 0 };
	const p = stationary(lambda, mu, theta, agents);
	let pWait = 0;
	let queue = 0;
	for (let n = agents; n < p.length; n++) {
		pWait += p[n]!;
		queue += (n - agents) * p[n]!;
	}
	const abandonRate = (theta * queue) / lambda;
	// x[i]: the tagged caller is waiting with i callers ahead (and has not given up).
	const x = p.slice(agents);
	const rate = (i: number) => agents * mu + i * theta + theta;
	const deriv = (v: number[]) =>
		v.map(
			(vi, i) =>
				-rate(i) * vi + (i + 1 < v.length ? (agents * mu + (i + 1) * theta) * v[i + 1]! : 0)
		);
	const served = (v: number[]) => agents * mu * v[0]!;
	const step = Math.min(d.ahtSeconds / agents, d.patienceSeconds) / 200;
	let t = 0;
	let servedByT = 0;
	let servedAll = 0;
	let waitServed = 0;
	let v = x;
	while (v.reduce((s, y) => s + y, 0) > 1e-10 && t < 1e7) {
		const k1 = deriv(v);
		const k2 = deriv(v.map((y, i) => y + (step / 2) * k1[i]!));
		const k3 = deriv(v.map((y, i) => y + (step / 2) * k2[i]!));
		const k4 = deriv(v.map((y, i) => y + step * k3[i]!));
		const next = v.map((y, i) => y + (step / 6) * (k1[i]! + 2 * k2[i]! + 2 * k3[i]! + k4[i]!));
		// trapezoid of the rate of callers reaching a seat over this step
		const gain = ((served(v) + served(next)) / 2) * step;
		if (t + step <= d.targetSeconds + 1e-9) servedByT += gain;
		else if (t < d.targetSeconds) servedByT += gain * ((d.targetSeconds - t) / step);
		servedAll += gain;
		waitServed += gain * (t + step / 2);
		t += step;
		v = next;
	}
	const answered = 1 - pWait + servedAll;
	return {
		agents,
		serviceLevel: 1 - pWait + servedByT,
		occupancy: Math.min(1, (lambda * (1 - abandonRate) * d.ahtSeconds) / agents),
		pWait,
		asaSeconds: answered > 0 ? waitServed / answered : 0,
		abandonRate
	};
}

/** Erlang A when a patience is given, Erlang C otherwise. */
export function performance(d: Demand, agents: number): Performance {
	return d.patienceSeconds
		? erlangA({ ...d, patienceSeconds: d.patienceSeconds }, agents)
		: erlangC(d, agents);
}

/**
 * The fewest seats whose service level reaches `target` (0..1), with what they deliver. Zero
 * calls need zero seats. Capped at 10,000 seats.
 */
export function seatsNeeded(d: Demand, target: number): Performance {
	const a = trafficErlangs(d);
	if (a <= 0) return performance(d, 0);
	let n = d.patienceSeconds ? 1 : Math.floor(a) + 1;
	for (; n < 10_000; n++) {
		const perf = performance(d, n);
		if (perf.serviceLevel >= target) return perf;
	}
	return performance(d, n);
}
