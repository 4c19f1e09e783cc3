import { getContext, setContext } from 'svelte';
import type { UiLocale } from '$lib/i18n';

const KEY = Symbol('caller-ui');

/** The caller pages' screen language: switched by the caller's language choice, not a cookie. */
export class CallerUi {
	locale = $state<UiLocale>('zh-CN');
	constructor(initial: UiLocale) {
		this.locale = initial;
	}
}

/** Puts the caller UI state in context (caller layout). */
export function provideCallerUi(ui: CallerUi): CallerUi {
	return setContext(KEY, ui);
}

/** The caller UI state of the current page. */
export function useCallerUi(): CallerUi {
	return getContext<CallerUi>(KEY);
}
