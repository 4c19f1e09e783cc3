import type { TFunction } from 'i18next';
import { clock } from '$lib/agent/format';
import type { WallAlert } from '$lib/contracts/alerts';

const hhmm = (iso: string) =>
	new Date(iso).toLocaleTimeString('en-GB', {
		timeZone: 'Asia/Shanghai',
		hour: '2-digit',
		minute: '2-digit'
	});

/**
 * What an alert says, in the page's language. `elapsed`: seconds since the alert's `since` on
 * the wall's clock (the longest wait, how long an interpreter request went untaken).
 */
export function alertText(t: TFunction, en: boolean, a: WallAlert, elapsed: number): string {
	const name = en ? a.subject.nameEn : a.subject.name;
	switch (a.kind) {
		case 'wait':
			return t('alerts.text.wait', { name, wait: clock(elapsed), threshold: clock(a.threshold) });
		case 'service_level':
			return t('alerts.text.service_level', {
				name,
				value: Math.round((a.value ?? 0) * 100),
				target: Math.round(a.threshold * 100)
			});
		case 'agent':
			return t('alerts.text.agent', { name });
		case 'booth':
			return t('alerts.text.booth', { name, town: a.subject.town ?? '', time: hhmm(a.since) });
		case 'interpreter':
			return t('alerts.text.interpreter', {
				name,
				matter: (en ? a.subject.matterNameEn : a.subject.matterName) ?? '',
				wait: clock(elapsed)
			});
	}
}

/** The clock time (Asia/Shanghai) of an instant, HH:MM. */
export const alertTime = hhmm;
