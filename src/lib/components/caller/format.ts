import type { TFunction } from 'i18next';

/** A wait in words: "less than 1 min" or "about N min". */
export function waitText(t: TFunction, seconds: number): string {
	return seconds < 60
		? t('caller.lessThanMinute')
		: t('caller.minutes', { count: Math.round(seconds / 60) });
}

/** An ISO time with offset as "YYYY-MM-DD HH:MM" in that offset (Asia/Shanghai for the console). */
export function localTime(iso: string): string {
	return iso.slice(0, 16).replace('T', ' ');
}
