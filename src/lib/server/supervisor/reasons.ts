import type { WaitReason } from '../../contracts/supervisor-api';

/** The routing's stored reasons (calls/route.ts, calls/supervise.ts) as the wall names them. */
const STORED: Record<string, WaitReason> = {
	no_eligible_agent_online: 'no_eligible_online',
	all_busy: 'all_eligible_busy',
	all_on_break: 'all_eligible_on_break',
	cooling_down: 'cooling_down',
	outside_hours: 'outside_hours'
};

export const REASON_TEXT: Record<WaitReason, string> = {
	no_eligible_online: 'No seat that may take this call is online',
	all_eligible_busy: 'Every eligible seat is busy',
	all_eligible_on_break: 'Every eligible seat online is on a break',
	cooling_down: 'The free eligible seats let this call pass a moment ago',
	outside_hours: 'Outside service hours for this matter',
	being_offered: 'Being offered to a seat now',
	being_routed: 'An eligible seat is free: the call is being matched'
};

/**
 * Why a call still waits: being offered when an offer is out; else the reason routing stored
 * with its last decision; when that decision is not a wait (an offer came back), what the seats
 * online now say.
 */
export function waitReasonOf(
	status: string,
	stored: Record<string, unknown> | null | undefined,
	now: { eligibleOnline: number; eligibleAvailable: number }
): WaitReason {
	if (status === 'offered') return 'being_offered';
	if (stored?.decision === 'waiting') {
		const code = STORED[String(stored.reason)];
		if (code) return code;
	}
	if (now.eligibleOnline === 0) return 'no_eligible_online';
	return now.eligibleAvailable > 0 ? 'being_routed' : 'all_eligible_busy';
}
