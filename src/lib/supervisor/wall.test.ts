import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WallSnapshot, WallWaitingCall } from '$lib/contracts/supervisor-api';
import { SupervisorWall } from './wall.svelte';

const AT = '2026-03-02T02:00:00.000Z';

function waitingCall(callId: string, over: Partial<WallWaitingCall> = {}): WallWaitingCall {
	return {
		callId,
		status: 'queued',
		channel: 'mobile',
		boothId: null,
		boothName: null,
		town: null,
		callerIdMasked: null,
		matterId: 1,
		matterName: '个体工商户设立登记',
		matterNameEn: 'Sole-proprietor registration',
		departmentId: 1,
		language: 'zh',
		signLanguage: false,
		elderly: false,
		lane: 'normal',
		queuedAt: '2026-03-02T01:59:00.000Z',
		waitSeconds: 60,
		step: 0,
		reason: { code: 'all_eligible_busy', text: '' },
		eligibleAgentIds: [7],
		...over
	};
}

function snapshot(over: Partial<WallSnapshot> = {}): WallSnapshot {
	return {
		at: AT,
		eventsFrom: '0-0',
		queues: [],
		waiting: [waitingCall('c1')],
		waitingTotal: 1,
		waitingLimit: 200,
		day: { offered: 0, answered: 0, abandoned: 0, serviceLevel: null },
		hours: [],
		waitingTrend: [],
		agents: [
			{ id: 7, displayName: '陈嘉欣', state: 'busy', reason: null, since: AT, callId: 'c0' },
			{ id: 8, displayName: '李婉婷', state: 'break', reason: 'meal', since: AT, callId: null }
		],
		booths: [
			{ id: 1, name: '石楼镇市场晓屋', town: '石楼镇', state: 'idle', lastSeenAt: AT },
			{ id: 2, name: '大龙街商业广场晓屋', town: '大龙街', state: 'offline', lastSeenAt: null }
		],
		live: [],
		scope: null,
		waitingNext: null,
		alerts: [],
		...over
	};
}

describe('the wall in the browser', () => {
	let fetches = 0;
	let next: WallSnapshot;
	/** Pages of waiting calls the server answers, by the URL's query. */
	let pages: (q: URLSearchParams) => unknown;
	const asked: URLSearchParams[] = [];
	beforeEach(() => {
		vi.useFakeTimers();
		fetches = 0;
		asked.length = 0;
		vi.stubGlobal('fetch', async (input: string) => {
			const url = new URL(input, 'http://wall.test');
			if (url.pathname.endsWith('/supervisor/wall/waiting')) {
				asked.push(url.searchParams);
				return new Response(JSON.stringify(pages(url.searchParams)), { status: 200 });
			}
			fetches++;
			return new Response(JSON.stringify(next), { status: 200 });
		});
	});
	afterEach(() => {
		vi.useRealTimers();
		vi.unstubAllGlobals();
		vi.restoreAllMocks();
	});

	it('adds a waiting sample each minute from its own count, keeping one hour', () => {
		const trend = [0, 1].map((i) => ({
			at: new Date(Date.parse(AT) - (1 - i) * 60_000).toISOString(),
			waiting: i
		}));
		const wall = new SupervisorWall(snapshot({ waitingTrend: trend }));
		wall.extendTrend();
		expect(wall.waitingTrend).toEqual(trend);
		wall.now = Date.parse(AT) + 60_000;
		wall.extendTrend();
		expect(wall.waitingTrend).toEqual([
			trend[1],
			{ at: new Date(Date.parse(AT) + 60_000).toISOString(), waiting: 1 }
		]);
	});

	it('shows a ringing call as being offered, and drops an answered one from the waiting list', () => {
		const wall = new SupervisorWall(snapshot());
		next = snapshot({ waiting: [], waitingTotal: 0 });
		wall.applyCall({ callId: 'c1', status: 'offered' });
		expect(wall.waiting[0]!.reason.code).toBe('being_offered');
		wall.applyCall({ callId: 'c1', status: 'connected' });
		expect(wall.waiting).toEqual([]);
		expect(wall.waitingTotal).toBe(0);
	});

	it('takes a new call and the day’s figures from one reload after a burst of events', async () => {
		const wall = new SupervisorWall(snapshot());
		next = snapshot({ waiting: [waitingCall('c1'), waitingCall('c2')], waitingTotal: 2 });
		wall.applyCall({ callId: 'c2', status: 'queued' });
		wall.applyAgent({ agentId: 8, state: 'available', since: AT });
		wall.applyCall({ callId: 'c2', status: 'queued' });
		expect(wall.agents.find((a) => a.id === 8)!.state).toBe('available');
		await vi.advanceTimersByTimeAsync(1000);
		expect(fetches).toBe(1);
		expect(wall.waiting.map((c) => c.callId)).toEqual(['c1', 'c2']);
		expect(wall.waitingTotal).toBe(2);
	});

	it('lists further pages and one queue on demand, and keeps that list across a reload', async () => {
		const calls = ['c1', 'c2', 'c3', 'c4', 'c5'].map((id) => waitingCall(id));
		const first = snapshot({
			waiting: calls.slice(0, 2),
			waitingTotal: 5,
			waitingLimit: 2,
			waitingNext: 'after-c2'
		});
		const wall = new SupervisorWall(first);
		expect(wall.waitingShownTotal).toBe(5);
		pages = (q) =>
			q.get('after') === 'after-c2'
				? { items: calls.slice(2, 4), total: 5, next: 'after-c4' }
				: q.get('queue') === 'lang:yue'
					? { items: [calls[4]], total: 1, next: null }
					: { items: calls.slice(0, Number(q.get('limit'))), total: 5, next: null };
		expect(await wall.moreWaiting()).toBeNull();
		expect(wall.waiting.map((c) => c.callId)).toEqual(['c1', 'c2', 'c3', 'c4']);
		expect(wall.waitingNext).toBe('after-c4');

		// a reload lists as many again instead of falling back to the snapshot's first page
		next = first;
		await wall.reload();
		expect(asked.at(-1)?.get('limit')).toBe('4');
		expect(wall.waiting.map((c) => c.callId)).toEqual(['c1', 'c2', 'c3', 'c4']);

		expect(await wall.showQueue('lang:yue')).toBeNull();
		expect(wall.waiting.map((c) => c.callId)).toEqual(['c5']);
		expect(wall.waitingShownTotal).toBe(1);
		wall.applyCall({ callId: 'c5', status: 'connected' });
		expect(wall.waiting).toEqual([]);
		expect(wall.waitingShownTotal).toBe(0);
		expect(wall.waitingTotal).toBe(4);

		await wall.showQueue(null);
		expect(asked.at(-1)?.has('queue')).toBe(false);
	});

	it('reloads at most every two seconds while events keep coming, but soon after the supervisor’s own action', async () => {
		// the interval's jitter at its middle: exactly 2 s
		vi.spyOn(Math, 'random').mockReturnValue(0.5);
		const wall = new SupervisorWall(snapshot());
		next = snapshot();
		for (let t = 0; t < 5000; t += 100) {
			wall.applyAgent({ agentId: 8, state: t % 200 ? 'available' : 'break', since: AT });
			await vi.advanceTimersByTimeAsync(100);
		}
		// at 400 ms, then 2 s after each reload
		expect(fetches).toBe(3);
		expect(wall.agents.find((a) => a.id === 8)!.state).toBe('available');
		wall.applyAgent({ agentId: 8, state: 'available', since: AT });
		await wall.changeLane('c1', 'green');
		await vi.advanceTimersByTimeAsync(500);
		expect(fetches).toBe(5);
	});

	it('updates a known booth in place and reloads for an unknown one', async () => {
		const wall = new SupervisorWall(snapshot());
		wall.applyBooth({ boothId: 2, state: 'idle', lastSeenAt: AT });
		expect(wall.booths.find((b) => b.id === 2)!.state).toBe('idle');
		await vi.advanceTimersByTimeAsync(1000);
		expect(fetches).toBe(0);
		next = snapshot();
		wall.applyBooth({ boothId: 3, state: 'offline', lastSeenAt: null });
		await vi.advanceTimersByTimeAsync(1000);
		expect(fetches).toBe(1);
	});

	it('filters agents by state and name, groups booths by town, colours queues by the longest wait', () => {
		const wall = new SupervisorWall(snapshot());
		wall.agentFilter = 'break';
		expect(wall.shownAgents.map((a) => a.id)).toEqual([8]);
		wall.agentFilter = 'all';
		wall.agentSearch = '嘉';
		expect(wall.shownAgents.map((a) => a.id)).toEqual([7]);
		expect(wall.boothsByTown.map((g) => g.town)).toEqual(['大龙街', '石楼镇']);
		const q = { oldestQueuedAt: '2026-03-02T01:58:00.000Z' } as WallSnapshot['queues'][number];
		wall.setThresholds({ amberSeconds: 60, redSeconds: 180 });
		expect(wall.levelOf(q)).toBe('amber');
		wall.setThresholds({ amberSeconds: 30, redSeconds: 100 });
		expect(wall.levelOf(q)).toBe('red');
		expect(wall.since('2026-03-02T01:59:00.000Z')).toBe(60);
	});
});
