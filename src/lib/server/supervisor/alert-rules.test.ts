import { describe, expect, it } from 'vitest';
import {
	deriveAlerts,
	present,
	reconcile,
	type AlertInputs,
	type AlertSettings,
	type Occurrence
} from './alert-rules';

const NOW = Date.parse('2026-05-06T02:00:00Z'); // 10:00 in Shanghai
const ago = (s: number) => new Date(NOW - s * 1000).toISOString();
const S: AlertSettings = {
	waitSeconds: 120,
	serviceLevel: 0.8,
	serviceLevelMinCalls: 10,
	interpreterSeconds: 60
};

function inputs(over: Partial<AlertInputs> = {}): AlertInputs {
	return {
		departments: [],
		agents: [],
		booths: [],
		serviceOpen: true,
		interpreterAsks: [],
		...over
	};
}
const dept = (over: Partial<AlertInputs['departments'][number]> = {}) => ({
	id: 3,
	name: '区人社局',
	nameEn: 'Human Resources and Social Security',
	oldestQueuedAt: null,
	serviceLevel: null,
	counted: 0,
	...over
});
const booth = (over: Partial<AlertInputs['booths'][number]> = {}) => ({
	id: 5,
	name: '市桥街晓屋',
	town: '市桥街道',
	state: 'offline',
	active: true,
	lastSeenAt: ago(300),
	...over
});
const keys = (i: AlertInputs, now = NOW) => deriveAlerts(i, S, now).map((a) => a.key);

describe('deriving the alerts', () => {
	it('raises a wait alert once the longest wait reaches the threshold, since that caller arrived', () => {
		expect(keys(inputs({ departments: [dept({ oldestQueuedAt: ago(119) })] }))).toEqual([]);
		const [a] = deriveAlerts(inputs({ departments: [dept({ oldestQueuedAt: ago(120) })] }), S, NOW);
		expect(a).toMatchObject({
			key: 'wait:dept:3',
			kind: 'wait',
			severity: 'critical',
			since: ago(120),
			threshold: 120,
			subject: { name: '区人社局', departmentId: 3 }
		});
	});

	it('raises a service level alert under target, only once enough calls count', () => {
		const under = dept({ serviceLevel: 0.7, counted: 10 });
		const [a] = deriveAlerts(inputs({ departments: [under] }), S, NOW);
		expect(a).toMatchObject({
			key: 'sl:dept:3',
			kind: 'service_level',
			value: 0.7,
			threshold: 0.8
		});
		expect(keys(inputs({ departments: [dept({ serviceLevel: 0.7, counted: 9 })] }))).toEqual([]);
		expect(keys(inputs({ departments: [dept({ serviceLevel: 0.8, counted: 50 })] }))).toEqual([]);
		expect(keys(inputs({ departments: [dept({ serviceLevel: null, counted: 0 })] }))).toEqual([]);
	});

	it('keeps a service level alert open until the level is two points above the target', () => {
		const at = (serviceLevel: number, open: string[]) =>
			deriveAlerts(
				inputs({ departments: [dept({ serviceLevel, counted: 50 })] }),
				S,
				NOW,
				new Set(open)
			).map((a) => a.key);
		// not open: it opens under the target only
		expect(at(0.8, [])).toEqual([]);
		expect(at(0.79, [])).toEqual(['sl:dept:3']);
		// open: back at the target, or just above it, it stays; two points above, it clears
		expect(at(0.8, ['sl:dept:3'])).toEqual(['sl:dept:3']);
		expect(at(0.815, ['sl:dept:3'])).toEqual(['sl:dept:3']);
		expect(at(0.82, ['sl:dept:3'])).toEqual([]);
		// another department's open alert does not hold this one
		expect(at(0.8, ['sl:dept:4'])).toEqual([]);
	});

	it('raises an agent alert for a "not responding" break, not for a break the agent took', () => {
		const agent = { id: 12, displayName: '陈坐席', state: 'break', since: ago(30) };
		const [a] = deriveAlerts(inputs({ agents: [{ ...agent, reason: 'not responding' }] }), S, NOW);
		expect(a).toMatchObject({
			key: 'agent:12:not_responding',
			kind: 'agent',
			since: ago(30),
			subject: { name: '陈坐席', agentId: 12 }
		});
		expect(keys(inputs({ agents: [{ ...agent, reason: '午餐' }] }))).toEqual([]);
		expect(
			keys(inputs({ agents: [{ ...agent, state: 'available', reason: 'not responding' }] }))
		).toEqual([]);
	});

	it('raises a booth alert for an offline booth only during service hours', () => {
		expect(keys(inputs({ booths: [booth()] }))).toEqual(['booth:5:offline']);
		expect(keys(inputs({ booths: [booth()], serviceOpen: false }))).toEqual([]);
		expect(keys(inputs({ booths: [booth({ state: 'idle' })] }))).toEqual([]);
		// retired, or never installed: nothing is expected of it
		expect(keys(inputs({ booths: [booth({ active: false })] }))).toEqual([]);
		expect(keys(inputs({ booths: [booth({ lastSeenAt: null })] }))).toEqual([]);
		const [a] = deriveAlerts(inputs({ booths: [booth()] }), S, NOW);
		expect(a).toMatchObject({ since: ago(300), subject: { name: '市桥街晓屋', town: '市桥街道' } });
	});

	it('raises an interpreter alert once a request has gone untaken for the threshold', () => {
		const ask = {
			callId: 'c-1',
			agentId: 12,
			agentName: '陈坐席',
			matterName: '养犬登记',
			matterNameEn: 'Dog registration'
		};
		expect(keys(inputs({ interpreterAsks: [{ ...ask, askedAt: ago(59) }] }))).toEqual([]);
		const [a] = deriveAlerts(inputs({ interpreterAsks: [{ ...ask, askedAt: ago(60) }] }), S, NOW);
		expect(a).toMatchObject({
			key: 'interpreter:c-1',
			kind: 'interpreter',
			severity: 'critical',
			since: ago(60),
			subject: { name: '陈坐席', callId: 'c-1', matterName: '养犬登记' }
		});
	});

	it('names no caller: subjects carry names and ids of departments, staff, booths and calls only', () => {
		const all = deriveAlerts(
			inputs({
				departments: [dept({ oldestQueuedAt: ago(500), serviceLevel: 0.1, counted: 20 })],
				booths: [booth()]
			}),
			S,
			NOW
		);
		for (const a of all) expect(Object.keys(a.subject).sort()).not.toContain('callerIdMasked');
	});
});

describe('occurrences and acknowledgements', () => {
	const waitFor = (s: number) => inputs({ departments: [dept({ oldestQueuedAt: ago(s) })] });
	const store = (list: Occurrence[]) => new Map(list.map((o) => [o.key, o]));

	it('opens an occurrence once, keeps it while the condition holds, and clears it after', () => {
		const t1 = reconcile(new Map(), deriveAlerts(waitFor(130), S, NOW), NOW);
		expect(t1.opened.map((o) => o.key)).toEqual(['wait:dept:3']);
		const first = t1.opened[0]!;
		expect(first.openedAt).toBe(new Date(NOW).toISOString());

		// five seconds later, the same caller still waiting
		const t2 = reconcile(store(t1.opened), deriveAlerts(waitFor(130), S, NOW + 5000), NOW + 5000);
		expect(t2).toEqual({ opened: [], changed: [], cleared: [] });

		const t3 = reconcile(store(t1.opened), deriveAlerts(waitFor(0), S, NOW + 9000), NOW + 9000);
		expect(t3.cleared.map((o) => o.id)).toEqual([first.id]);
	});

	it('updates an occurrence in place when another caller becomes the longest waiting', () => {
		const t1 = reconcile(new Map(), deriveAlerts(waitFor(200), S, NOW), NOW);
		const t2 = reconcile(store(t1.opened), deriveAlerts(waitFor(150), S, NOW), NOW);
		expect(t2.changed).toHaveLength(1);
		expect(t2.changed[0]).toMatchObject({ id: t1.opened[0]!.id, since: ago(150) });
	});

	it('keeps a service level occurrence since it was first seen under target', () => {
		const sl = (v: number) => inputs({ departments: [dept({ serviceLevel: v, counted: 20 })] });
		const t1 = reconcile(new Map(), deriveAlerts(sl(0.6), S, NOW), NOW);
		expect(t1.opened[0]!.since).toBe(new Date(NOW).toISOString());
		const later = NOW + 60_000;
		const t2 = reconcile(store(t1.opened), deriveAlerts(sl(0.5), S, later), later);
		expect(t2.changed[0]).toMatchObject({ since: new Date(NOW).toISOString(), value: 0.5 });
	});

	it('an acknowledged alert that clears and comes back is a new, unacknowledged alert', () => {
		const t1 = reconcile(new Map(), deriveAlerts(waitFor(130), S, NOW), NOW);
		const o = t1.opened[0]!;
		const ack = { id: o.id, by: { userId: 7, displayName: '王值班长' }, at: ago(-1) };
		const acks = new Map([[o.key, ack]]);
		expect(present([o], acks)[0]!.acknowledged).toEqual({ by: ack.by, at: ack.at });

		const t2 = reconcile(store([o]), deriveAlerts(waitFor(0), S, NOW + 5000), NOW + 5000);
		expect(t2.cleared).toHaveLength(1);
		const t3 = reconcile(new Map(), deriveAlerts(waitFor(125), S, NOW + 10_000), NOW + 10_000);
		const again = t3.opened[0]!;
		expect(again.key).toBe(o.key);
		expect(again.id).not.toBe(o.id);
		// the old acknowledgement belongs to the old occurrence
		expect(present([again], acks)[0]!.acknowledged).toBeNull();
	});

	it('lists unacknowledged first, then critical first, then newest first', () => {
		const base = { since: ago(0), value: null, threshold: 0 };
		const occ = (key: string, severity: 'critical' | 'warning', openedAt: number): Occurrence => ({
			...base,
			key,
			id: `${key}@${openedAt}`,
			kind: 'agent',
			severity,
			subject: { name: key, nameEn: key },
			openedAt: ago(openedAt)
		});
		const list = [
			occ('acked-critical', 'critical', 1),
			occ('old-warning', 'warning', 90),
			occ('new-warning', 'warning', 10),
			occ('old-critical', 'critical', 100)
		];
		const acks = new Map([
			[
				'acked-critical',
				{ id: 'acked-critical@1', by: { userId: 1, displayName: 'x' }, at: ago(0) }
			]
		]);
		expect(present(list, acks).map((a) => a.key)).toEqual([
			'old-critical',
			'new-warning',
			'old-warning',
			'acked-critical'
		]);
	});
});
