import { json } from '@sveltejs/kit';
import { DateParam, ExceptionBody } from '$lib/contracts/api';
import { requireRole } from '$lib/server/auth/auth';
import { appContext } from '$lib/server/context';
import { badRequest } from '$lib/server/errors';
import { VersionQuery } from '$lib/contracts/schedule-api';
import { api, readBody, readQuery } from '$lib/server/http';
import { deleteException, putException } from '$lib/server/schedule/schedule';
import type { RequestHandler } from './$types';

function dateOf(raw: string): string {
	if (!DateParam.safeParse(raw).success)
		throw badRequest('date must be YYYY-MM-DD', 'invalid_date');
	return raw;
}

/** Sets a date's exception: holiday, make-up workday, closed (all day or some hours) or extra hours. */
export const PUT: RequestHandler = api(async ({ locals, params, request }) => {
	const user = requireRole(locals.user, 'scheduler', 'admin');
	const date = dateOf(params.date);
	const body = await readBody(request, ExceptionBody);
	return json(putException(await appContext(), user.id, date, body));
});

/** Removes a date's exception; `?version=` (the version read before) refuses a stale removal. */
export const DELETE: RequestHandler = api(async ({ locals, params, url }) => {
	const user = requireRole(locals.user, 'scheduler', 'admin');
	const date = dateOf(params.date);
	const { version } = readQuery(url, VersionQuery);
	deleteException(await appContext(), user.id, date, version);
	return new Response(null, { status: 204 });
});
