import { error, redirect } from '@sveltejs/kit';
import type { StaffUser } from './auth/auth';
import type { Role } from './db/schema';

/** For pages and form actions: redirects to login without a user, 403 without one of the roles. */
export function guardPage(locals: App.Locals, url: URL, ...roles: Role[]): StaffUser {
	const user = locals.user;
	if (!user) redirect(303, `/login?next=${encodeURIComponent(url.pathname + url.search)}`);
	if (!roles.some((r) => user.roles.includes(r)))
		error(403, { message: 'forbidden', code: 'forbidden' });
	return user;
}
