import { describe, expect, it } from 'vitest';
import { waitReasonOf } from './reasons';

const none = { eligibleOnline: 0, eligibleAvailable: 0 };

describe('why a call waits', () => {
	it('names the stored routing reason in the wall’s words', () => {
		const w = (reason: string) => waitReasonOf('queued', { decision: 'waiting', reason }, none);
		expect(w('no_eligible_agent_online')).toBe('no_eligible_online');
		expect(w('all_busy')).toBe('all_eligible_busy');
		expect(w('all_on_break')).toBe('all_eligible_on_break');
		expect(w('cooling_down')).toBe('cooling_down');
		expect(w('outside_hours')).toBe('outside_hours');
	});

	it('says a call with an offer out is being offered, whatever was stored', () => {
		expect(waitReasonOf('offered', { decision: 'waiting', reason: 'all_busy' }, none)).toBe(
			'being_offered'
		);
	});

	it('falls back to the seats online now when the last decision was not a wait', () => {
		const back = { decision: 'offered', agentId: 3 };
		expect(waitReasonOf('queued', back, none)).toBe('no_eligible_online');
		expect(waitReasonOf('queued', back, { eligibleOnline: 2, eligibleAvailable: 0 })).toBe(
			'all_eligible_busy'
		);
		expect(waitReasonOf('queued', null, { eligibleOnline: 2, eligibleAvailable: 1 })).toBe(
			'being_routed'
		);
	});
});
