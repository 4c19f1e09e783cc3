import { redirect } from '@sveltejs/kit';
import { LOCALE_COOKIE, LOCALES } from '$lib/i18n';
import type { RequestHandler } from './$types';

/** Switches the UI language (a preference cookie) and returns to the page the user was on. */
export const GET: RequestHandler = ({ url, cookies }) => {
	const to = url.searchParams.get('to') ?? 'zh-CN';
	const next = url.searchParams.get('next') ?? '/';
	if ((LOCALES as readonly string[]).includes(to)) {
		cookies.set(LOCALE_COOKIE, to, {
			path: '/',
			maxAge: 365 * 24 * 3600,
			httpOnly: false,
			sameSite: 'lax',
			secure: url.protocol === 'https:'
		});
	}
	redirect(303, next.startsWith('/') && !next.startsWith('//') ? next : '/');
};
