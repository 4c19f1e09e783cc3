import { fail, redirect } from '@sveltejs/kit';
import { LoginBody } from '$lib/contracts/api';
import { homeFor, login } from '$lib/server/auth/auth';
import { startSession } from '$lib/server/auth/cookies';
import { appContext } from '$lib/server/context';
import { DomainError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

function safeNext(next: string | null): string | null {
	return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next')) ?? homeFor(locals.user));
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const form = await request.formData();
		const parsed = LoginBody.safeParse({
			username: form.get('username') ?? '',
			password: form.get('password') ?? ''
		});
		const username = String(form.get('username') ?? '');
		if (!parsed.success) return fail(400, { username, error: 'required' as const });
		try {
			const ctx = await appContext();
			const res = await login(ctx, { ...parsed.data, ip: getClientAddress() });
			startSession(ctx, cookies, url, res);
			redirect(303, safeNext(url.searchParams.get('next')) ?? homeFor(res.user));
		} catch (e) {
			if (!(e instanceof DomainError)) throw e;
			if (e.status === 429) {
				const minutes = Math.ceil(Number(e.extra.retryAfterSeconds ?? 60) / 60);
				return fail(429, { username, error: 'rateLimited' as const, minutes });
			}
			return fail(400, { username, error: 'wrong' as const });
		}
	}
};
