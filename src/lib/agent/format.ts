/** Whole seconds until `iso` (never negative). */
export function secondsLeft(iso: string, now: number): number {
	return Math.max(0, Math.ceil((Date.parse(iso) - now) / 1000));
}

/** Whole seconds elapsed since `iso` (never negative). */
export function secondsSince(iso: string | null, now: number): number {
	if (!iso) return 0;
	return Math.max(0, Math.floor((now - Date.parse(iso)) / 1000));
}

/** A duration as m:ss, or h:mm:ss from one hour. */
export function clock(seconds: number): string {
	const s = Math.max(0, Math.floor(seconds));
	const h = Math.floor(s / 3600);
	const m = Math.floor((s % 3600) / 60);
	const ss = String(s % 60).padStart(2, '0');
	return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Keys that answer an offer, unless the person is typing somewhere. */
export function offerKey(
	key: string,
	target: { tagName?: string; isContentEditable?: boolean } | null
): 'accept' | 'decline' | null {
	const tag = target?.tagName?.toUpperCase();
	if (key === 'Escape') return 'decline';
	if (key !== 'Enter') return null;
	if (target?.isContentEditable || tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT')
		return null;
	// A focused button answers Enter itself.
	if (tag === 'BUTTON' || tag === 'A') return null;
	return 'accept';
}
