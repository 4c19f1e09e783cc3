import type { ExceptionKind } from '../schedule/hours';
import { addWorkingDays } from '../schedule/workdays';
import { rectifyDays, type Triage } from './steps';

/** The deadline rules as configured (RECTIFY_* settings). */
export interface DeadlineRules {
	RECTIFY_CONTACT_WORKDAYS: number;
	RECTIFY_WORKDAYS: number;
	RECTIFY_WORKDAYS_BY_TRIAGE: string;
}

/**
 * The local dates (YYYY-MM-DD) by which a case opened on `opened` must have contacted the
 * citizen and be rectified, in working days on the holiday and make-up-day calendar; the
 * rectify deadline follows the triage kind once the case is triaged.
 */
export function caseDeadlines(
	opened: string,
	rules: DeadlineRules,
	exceptions: ReadonlyMap<string, ExceptionKind>,
	triage: Triage | null = null
): { contactDueAt: string; dueAt: string } {
	const days = triage
		? rectifyDays(rules.RECTIFY_WORKDAYS, rules.RECTIFY_WORKDAYS_BY_TRIAGE)[triage]
		: rules.RECTIFY_WORKDAYS;
	return {
		contactDueAt: addWorkingDays(opened, rules.RECTIFY_CONTACT_WORKDAYS, exceptions),
		dueAt: addWorkingDays(opened, days, exceptions)
	};
}
