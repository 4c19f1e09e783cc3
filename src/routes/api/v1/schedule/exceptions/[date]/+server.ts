import { json } from '@sveltejs/kit';
import { DateParam, ExceptionBody } from '$lib/contracts/api';
import { requireRole } from '$lib/server/auth/auth';
import { appContext } from '$lib/server/context';
import { badRequest } from '$lib/server/errors';
import { api, readBody } from '$lib/server/http';
import { deleteException, putException } from '$lib/server/schedule/schedule';
import type { RequestHandler } from './$types';

function dateOf(raw: string): string {
	if (!DateParam.safeParse(raw).success)
		throw badRequest('date must be YYYY-MM-DD', 'invalid_date');
	return raw;
}

/** Marks a date as a holiday or a make-up workday. */
export const PUT: RequestHandler = api(async ({ locals, params, request }) => {
	const user = requireRole(locals.user, 'scheduler', 'admin');
	const date = dateOf(params.date);
	const body = await readBody(request, ExceptionBody);
	return json(putException(await appContext(), user.id, date, body));
});

/** Removes a date's exception. */
export const DELETE: RequestHandler = api(async ({ locals, params }) => {
	const user = requireRole(locals.user, 'scheduler', 'admin');
	deleteException(await appContext(), user.id, dateOf(params.date));
	return new Response(null, { status: 204 });
});
