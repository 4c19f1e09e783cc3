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

/**
 * Where a booth call comes from, as the agent reads it: the booth and its town (the town's
 * English name when there is one, else its Chinese one); no empty brackets when a booth has no
 * town on record.
 */
export function boothLine(
	t: (key: string, values?: Record<string, unknown>) => string,
	call: { boothName: string | null; boothTown: string | null; boothTownEn: string | null },
	en: boolean
): string {
	const town = (en ? call.boothTownEn || call.boothTown : call.boothTown) || '';
	const name = call.boothName ?? '';
	return town ? t('console.offer.booth', { name, town }) : t('console.offer.boothNoTown', { name });
}
