import type { ExceptionKind } from './hours';

/** Whether a local date (YYYY-MM-DD) is a working day: Mon–Fri unless a holiday, or a make-up workday. */
export function isWorkingDay(date: string, exceptions: ReadonlyMap<string, ExceptionKind>) {
	const kind = exceptions.get(date);
	if (kind) return kind === 'workday';
	const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
	return dow !== 0 && dow !== 6;
}

/**
 * The date `n` working days after `date` (the start date itself is not counted), honouring
 * holidays and make-up workdays: the deadline rule of rectification cases.
 */
export function addWorkingDays(
	date: string,
	n: number,
	exceptions: ReadonlyMap<string, ExceptionKind>
): string {
	let t = Date.parse(`${date}T00:00:00Z`);
	let left = n;
	while (left > 0) {
		t += 24 * 3600_000;
		if (isWorkingDay(new Date(t).toISOString().slice(0, 10), exceptions)) left--;
	}
	return new Date(t).toISOString().slice(0, 10);
}
