import { describe, expect, it } from 'vitest';
import type { WallAlert } from '$lib/contracts/alerts';
import { WallAlerts } from './alerts.svelte';

const alert = (key: string, over: Partial<WallAlert> = {}): WallAlert => ({
	key,
	id: `${key}@1`,
	kind: 'agent',
	severity: 'warning',
	subject: { name: key, nameEn: key },
	since: '2026-03-02T02:00:00.000Z',
	openedAt: '2026-03-02T02:00:00.000Z',
	value: null,
	threshold: 0,
	acknowledged: null,
	...over
});
const ack = { by: { userId: 3, displayName: '王值班长' }, at: '2026-03-02T02:01:00.000Z' };

describe('the wall’s alerts in the browser', () => {
	it('tells about alerts that appear after the first load, once each, and not acknowledged ones', () => {
		const told: string[] = [];
		const alerts = new WallAlerts((list) => told.push(...list.map((a) => a.key)));
		alerts.load([alert('agent:1:not_responding')]);
		expect(told).toEqual([]);
		alerts.apply({ state: 'open', alert: alert('booth:5:offline') });
		alerts.load([alert('agent:1:not_responding'), alert('booth:5:offline')]);
		alerts.apply({ state: 'open', alert: alert('sl:dept:2', { acknowledged: ack }) });
		expect(told).toEqual(['booth:5:offline']);
		expect(alerts.latest.map((a) => a.key)).toEqual(['booth:5:offline']);
	});

	it('shows who acknowledged, moves it below the others, and drops a cleared alert', () => {
		const alerts = new WallAlerts();
		alerts.load([alert('a', { openedAt: '2026-03-02T02:00:00.000Z' }), alert('b')]);
		alerts.apply({ state: 'acknowledged', alert: alert('a', { acknowledged: ack }) });
		expect(alerts.list.map((a) => [a.key, a.acknowledged?.by.displayName ?? null])).toEqual([
			['b', null],
			['a', '王值班长']
		]);
		expect(alerts.unacknowledged.map((a) => a.key)).toEqual(['b']);
		// a later change of the same occurrence keeps its acknowledgement
		alerts.apply({ state: 'open', alert: alert('a', { since: '2026-03-02T02:05:00.000Z' }) });
		expect(alerts.list.find((a) => a.key === 'a')!.acknowledged).toEqual(ack);
		alerts.apply({ state: 'cleared', key: 'a', id: 'a@1' });
		expect(alerts.list.map((a) => a.key)).toEqual(['b']);
	});

	it('treats the same key coming back as a new alert, and ignores an old occurrence’s acknowledgement', () => {
		const told: string[] = [];
		const alerts = new WallAlerts((list) => told.push(...list.map((a) => a.id)));
		alerts.load([alert('a')]);
		alerts.apply({ state: 'cleared', key: 'a', id: 'a@1' });
		alerts.apply({ state: 'open', alert: alert('a', { id: 'a@2' }) });
		expect(told).toEqual(['a@2']);
		alerts.apply({ state: 'acknowledged', alert: alert('a', { acknowledged: ack }) });
		expect(alerts.list[0]!.acknowledged).toBeNull();
	});

	it('a snapshot read before an event arrived neither brings back a cleared alert nor drops a new one', () => {
		const alerts = new WallAlerts();
		alerts.load([alert('a')], '100-0');
		alerts.apply({ state: 'cleared', key: 'a', id: 'a@1' }, '105-0');
		alerts.apply({ state: 'open', alert: alert('b') }, '106-0');
		// a reload that started before both events: its list still has a, not b
		alerts.load([alert('a')], '104-0');
		expect(alerts.list.map((a) => a.key)).toEqual(['b']);
		// a later snapshot covers the events: it alone decides
		alerts.load([alert('c')], '107-0');
		expect(alerts.list.map((a) => a.key)).toEqual(['c']);
	});
});
