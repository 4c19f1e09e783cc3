import type { TFunction } from 'i18next';

/** A slot as "2026-05-09 09:00–09:30" in the console's local time (the times carry +08:00). */
export function slotText(t: TFunction, start: string, end: string): string {
	return t('booking.slot', {
		date: start.slice(0, 10),
		start: start.slice(11, 16),
		end: end.slice(11, 16)
	});
}
