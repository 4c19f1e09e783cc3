import { json } from '@sveltejs/kit';
import { DepartmentSettingsBody } from '$lib/contracts/api';
import { requireRole } from '$lib/server/auth/auth';
import { setDepartmentAnswerSeconds } from '$lib/server/catalog/catalog';
import { appContext } from '$lib/server/context';
import { api, readBody, readId } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** An admin sets a department's answer threshold T (null: the console's default). */
export const PUT: RequestHandler = api(async ({ locals, params, request }) => {
	const admin = requireRole(locals.user, 'admin');
	const id = readId(params.id, 'department id');
	const body = await readBody(request, DepartmentSettingsBody);
	return json(setDepartmentAnswerSeconds(await appContext(), admin.id, id, body.answerSeconds));
});
