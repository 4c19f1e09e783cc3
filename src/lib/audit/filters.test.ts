import { describe, expect, it } from 'vitest';
import { actionKey, filtersFrom, queryOf, shanghaiIso, shanghaiTime } from './filters';

describe('audit filters', () => {
	it('reads Beijing wall-clock times as +08:00 and shows stored UTC times in Beijing time', () => {
		expect(shanghaiIso('2026-12-01T09:30')).toBe('2026-12-01T09:30:00+08:00');
		expect(shanghaiIso('2026-12-01 09:30')).toBeNull();
		expect(shanghaiIso('2026-13-01T09:30')).toBeNull();
		expect(shanghaiTime('2026-12-01T01:30:05.123Z')).toBe('2026-12-01 09:30:05');
		expect(shanghaiTime('2026-12-31T16:00:00.000Z')).toBe('2027-01-01 00:00:00');
	});

	it('turns the form into the API query and names what it cannot read', () => {
		const f = filtersFrom(
			new URLSearchParams(
				'person=12&call=c-1&kind=call&action=call.offered&from=2026-12-01T09:00&to=x'
			)
		);
		expect(queryOf(f)).toEqual({
			query: {
				actor: 12,
				target: 'call:c-1',
				kind: 'call',
				action: 'call.offered',
				from: '2026-12-01T09:00:00+08:00'
			},
			bad: ['to']
		});
		expect(queryOf(filtersFrom(new URLSearchParams(''))).query).toEqual({});
		expect(queryOf({ ...f, limit: '5' }).query.limit).toBe(5);
		expect(queryOf({ ...f, person: 'abc', kind: 'nope', to: '' }).bad).toEqual(['person', 'kind']);
	});

	it('names the text of an action', () => {
		expect(actionKey('supervisor.agent_state')).toBe('audit.action.supervisor_agent_state');
	});
});
