import { describe, expect, it } from 'vitest';
import {
	arrivedBetween,
	figures,
	figuresByHour,
	lifeOf,
	shanghaiDay,
	type CallHistory,
	type MetricSettings
} from './metrics';

/** 2026-12-01 09:00:00 in Asia/Shanghai. */
const NINE = Date.parse('2026-12-01T09:00:00+08:00');
const s = (n: number) => NINE + n * 1000;

/** A call arriving at `arrive` seconds after 09:00 with steps at seconds after 09:00. */
function call(
	id: string,
	arrive: number,
	steps: [string, number][],
	departmentId = 1
): CallHistory {
	return {
		callId: id,
		departmentId,
		arrivedAt: s(arrive),
		steps: [['created', arrive] as [string, number], ...steps].map(([type, at]) => ({
			type,
			at: s(at)
		}))
	};
}

// A morning by hand:
//   a: answered after 10 s, talks 100 s, wraps up 20 s            → wait 10, handle 120
//   b: answered after 30 s (over T = 20), talks 60 s, wraps 0 s   → wait 30, handle 60
//   c: leaves after 3 s (within S = 5: a short abandon)
//   d: leaves after 40 s (abandoned, counted)
//   e: answered after 15 s, talks 50 s, transferred, waits 25 s, answered again, talks 70 s,
//      wraps 10 s: ONE call, wait 15, handle 50 + 70 + 10 = 130
//   f: answered after 5 s, still talking (not handled yet)
const morning = [
	call('a', 0, [
		['offered', 2],
		['connected', 10],
		['wrap_up', 110],
		['ended', 130]
	]),
	call('b', 60, [
		['connected', 90],
		['wrap_up', 150],
		['ended', 150]
	]),
	call('c', 120, [['abandoned', 123]]),
	call('d', 200, [
		['offered', 210],
		['offer_expired', 230],
		['abandoned', 240]
	]),
	call('e', 300, [
		['connected', 315],
		['transferred', 365],
		['offered', 380],
		['connected', 390],
		['wrap_up', 460],
		['ended', 470]
	]),
	call('f', 500, [['connected', 505]])
];

describe('service figures', () => {
	it('are what a supervisor computes by hand for a morning of calls', () => {
		const f = figures(morning.map(lifeOf));
		expect(f).toMatchObject({
			offered: 6,
			answered: 4, // a, b, e, f
			abandoned: 2, // c, d
			shortAbandoned: 1, // c
			answeredWithinThreshold: 3 // a (10 s), e (15 s), f (5 s); b waited 30 s
		});
		// answered within T ÷ (answered + abandoned after S) = 3 ÷ (4 + 1)
		expect(f.serviceLevel).toBeCloseTo(3 / 5);
		// abandoned after S ÷ (answered + abandoned after S) = 1 ÷ 5
		expect(f.abandonmentRate).toBeCloseTo(1 / 5);
		// (10 + 30 + 15 + 5) ÷ 4
		expect(f.averageSpeedOfAnswer).toBeCloseTo(15);
		// handled: a 120, b 60, e 130 (f still talking)
		expect(f.averageHandleTime).toBeCloseTo((120 + 60 + 130) / 3);
	});

	it('count a transferred call once, with its first wait and every stretch of talk', () => {
		const e = lifeOf(morning[4]!);
		expect(e).toMatchObject({ answeredAt: s(315), talkSeconds: 120, wrapUpSeconds: 10 });
		expect(figures([e])).toMatchObject({ offered: 1, answered: 1, averageHandleTime: 130 });
	});

	it('use the department threshold T', () => {
		const settings: MetricSettings = {
			answerSeconds: (d) => (d === 2 ? 40 : 20),
			shortAbandonSeconds: 5
		};
		const b2 = call('b2', 0, [['connected', 30]], 2);
		const b1 = call('b1', 0, [['connected', 30]], 1);
		expect(figures([lifeOf(b2)], settings).serviceLevel).toBe(1);
		expect(figures([lifeOf(b1)], settings).serviceLevel).toBe(0);
	});

	it('say "no calls yet" as null, not as 0 % or 100 %', () => {
		expect(figures([])).toMatchObject({
			offered: 0,
			serviceLevel: null,
			abandonmentRate: null,
			averageSpeedOfAnswer: null,
			averageHandleTime: null
		});
		// only short abandons: nothing counts towards service
		expect(figures([lifeOf(call('c', 0, [['abandoned', 2]]))]).serviceLevel).toBeNull();
	});
});

describe('days and hours in Asia/Shanghai', () => {
	it('a day runs from local midnight to local midnight', () => {
		const day = shanghaiDay(NINE);
		expect(new Date(day.start).toISOString()).toBe('2026-11-30T16:00:00.000Z');
		expect(day.end - day.start).toBe(86_400_000);
		expect(shanghaiDay(Date.parse('2026-12-01T23:59:59+08:00')).start).toBe(day.start);
		expect(shanghaiDay(Date.parse('2026-12-02T00:00:00+08:00')).start).toBe(day.end);
	});

	it('a call spanning midnight counts on the day it arrived, with its whole handling', () => {
		const late = Date.parse('2026-12-01T23:59:50+08:00');
		const span: CallHistory = {
			callId: 'late',
			departmentId: 1,
			arrivedAt: late,
			steps: [
				{ type: 'created', at: late },
				{ type: 'connected', at: late + 20_000 }, // answered at 00:00:10 the next day
				{ type: 'wrap_up', at: late + 320_000 },
				{ type: 'ended', at: late + 340_000 }
			]
		};
		const lives = [lifeOf(span)];
		const dec1 = shanghaiDay(late);
		const dec2 = shanghaiDay(late + 86_400_000);
		expect(figures(arrivedBetween(lives, dec1.start, dec1.end))).toMatchObject({
			offered: 1,
			answered: 1,
			averageSpeedOfAnswer: 20,
			averageHandleTime: 320
		});
		expect(figures(arrivedBetween(lives, dec2.start, dec2.end)).offered).toBe(0);
	});

	it('splits a day into local hours by arrival', () => {
		const byHour = figuresByHour(morning.map(lifeOf), shanghaiDay(NINE));
		expect(byHour).toHaveLength(24);
		expect(byHour[9]!.offered).toBe(6);
		expect(byHour.filter((h, i) => i !== 9).every((h) => h.offered === 0)).toBe(true);
	});
});
