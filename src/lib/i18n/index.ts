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
import { elderlyEn, elderlyZh } from './elderly';
import { interpreterEn, interpreterZh } from './interpreter';
import { transferEn, transferZh } from './transfer';
import { finderEn, finderZh } from './finder';
import { scheduleEn, scheduleZh } from './schedule';
import { en } from './en';
import { qualityEn, qualityZh } from './quality';
import { reportsEn, reportsZh } from './reports';
import { wallEn, wallZh } from './wall';
import { waitingEn, waitingJa, waitingKo, waitingZh } from './waiting';
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
			elderly: elderlyZh,
			interp: interpreterZh,
			transfer: transferZh,
			waiting: waitingZh,
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
			elderly: elderlyEn,
			interp: interpreterEn,
			transfer: transferEn,
			waiting: waitingEn,
			finder: finderEn
		}
	},
	// Japanese and Korean cover the caller pages; anything else falls back to English.
	ja: { translation: { caller: callerJa, callerSession: callerSessionJa, waiting: waitingJa } },
	ko: { translation: { caller: callerKo, callerSession: callerSessionKo, waiting: waitingKo } }
};

/**
 * Languages the caller pages (booth, mobile) can show; staff pages use LOCALES. zh-HK is written
 * Cantonese: its texts are derived on the server (`yue.server.ts`) and added by the caller layout.
 */
export type UiLocale = Locale | 'zh-HK' | 'ja' | 'ko';

const instance = i18next.createInstance();
void instance.init({
	resources,
	lng: 'zh-CN',
	fallbackLng: { ja: ['en'], ko: ['en'], 'zh-HK': ['zh-CN'], default: ['zh-CN'] },
	initAsync: false,
	showSupportNotice: false,
	interpolation: { escapeValue: false }
});

/** Adds texts derived elsewhere (the Cantonese caller catalogue) to a locale, in every process. */
export function addTexts(locale: UiLocale, texts: object): void {
	instance.addResourceBundle(locale, 'translation', texts, true, true);
}

let hongKong: {
	chars: Readonly<Record<string, string>>;
	names: Readonly<Record<string, string>>;
} = { chars: {}, names: {} };
/** How the catalogue's names are written in 繁體 (sent with the caller pages). */
export function addNameChars(map: typeof hongKong): void {
	hongKong = map;
}

/**
 * A catalogue name (a matter's, a department's) in the screen's language: the English one, or
 * the Chinese one, in 繁體 on a written-Cantonese screen.
 */
export function nameIn(locale: UiLocale, zh: string, en?: string | null): string {
	if (!chineseNames(locale)) return en || zh;
	if (locale !== 'zh-HK') return zh;
	const whole = hongKong.names[zh];
	if (whole) return whole;
	let out = '';
	for (const c of zh) out += hongKong.chars[c] ?? c;
	return out;
}

/** Whether a screen language shows the catalogue's Chinese names (else the English ones). */
export function chineseNames(locale: UiLocale): boolean {
	return locale === 'zh-CN' || locale === 'zh-HK';
}

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
