import i18next, { type TFunction } from 'i18next';
import { getContext, setContext } from 'svelte';
import { alertsEn, alertsZh } from './alerts';
import { auditEn, auditZh } from './audit';
import { bookingEn, bookingZh } from './bookings';
import { skillsEn, skillsZh } from './skills';
import { staffingEn, staffingZh } from './staffing';
import { callerEn, callerZh } from './caller';
import { callerJa, callerKo } from './caller-ja-ko';
import { callingEn, callingZh } from './calling';
import {
	callerSessionEn,
	callerSessionJa,
	callerSessionKo,
	callerSessionZh
} from './caller-session';
import { consoleEn, consoleZh } from './console';
import { finderEn, finderZh } from './finder';
import { scheduleEn, scheduleZh } from './schedule';
import { en } from './en';
import { qualityEn, qualityZh } from './quality';
import { reportsEn, reportsZh } from './reports';
import { wallEn, wallZh } from './wall';
import { zhCN } from './zh-CN';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const LOCALE_COOKIE = 'cw_locale';

/** Every catalogue by locale: the core texts plus one namespace per area (console., caller.). */
export const resources = {
	'zh-CN': {
		translation: {
			...zhCN,
			console: consoleZh,
			caller: callerZh,
			wall: wallZh,
			audit: auditZh,
			alerts: alertsZh,
			quality: qualityZh,
			sched: scheduleZh,
			reports: reportsZh,
			booking: bookingZh,
			skills: skillsZh,
			staffing: staffingZh,
			calling: callingZh,
			callerSession: callerSessionZh,
			finder: finderZh
		}
	},
	en: {
		translation: {
			...en,
			console: consoleEn,
			caller: callerEn,
			wall: wallEn,
			audit: auditEn,
			alerts: alertsEn,
			quality: qualityEn,
			sched: scheduleEn,
			reports: reportsEn,
			booking: bookingEn,
			skills: skillsEn,
			staffing: staffingEn,
			calling: callingEn,
			callerSession: callerSessionEn,
			finder: finderEn
		}
	},
	// Japanese and Korean cover the caller pages; anything else falls back to English.
	ja: { translation: { caller: callerJa, callerSession: callerSessionJa } },
	ko: { translation: { caller: callerKo, callerSession: callerSessionKo } }
};

/** Languages the caller pages (booth, mobile) can show; staff pages use LOCALES. */
export type UiLocale = Locale | 'ja' | 'ko';

const instance = i18next.createInstance();
void instance.init({
	resources,
	lng: 'zh-CN',
	fallbackLng: { ja: ['en'], ko: ['en'], default: ['zh-CN'] },
	initAsync: false,
	showSupportNotice: false,
	interpolation: { escapeValue: false }
});

/** The locale to use: the cookie first, then Chinese unless the browser asks only for English. */
export function pickLocale(cookie: string | undefined, acceptLanguage: string | null): Locale {
	if (cookie && (LOCALES as readonly string[]).includes(cookie)) return cookie as Locale;
	const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
	return first.startsWith('en') ? 'en' : 'zh-CN';
}

/** A translate function fixed to one locale (safe on the server: no global language switch). */
export function translator(locale: UiLocale): TFunction {
	return instance.getFixedT(locale);
}

const KEY = Symbol('i18n');

export interface I18n {
	locale: UiLocale;
	t: TFunction;
}

/** Puts the page's translator in context (root layout). */
export function provideI18n(get: () => UiLocale): I18n {
	const value: I18n = {
		get locale() {
			return get();
		},
		get t() {
			return translator(get());
		}
	};
	setContext(KEY, value);
	return value;
}

/** The translator of the current page. */
export function useI18n(): I18n {
	return getContext<I18n>(KEY);
}
