import { json } from '@sveltejs/kit';
import { ALERT_KEY } from '$lib/contracts/alerts';
import { requireRole } from '$lib/server/auth/auth';
import { appContext } from '$lib/server/context';
import { badRequest } from '$lib/server/errors';
import { api } from '$lib/server/http';
import { acknowledgeAlert } from '$lib/server/supervisor/alerts';
import type { RequestHandler } from './$types';

/** A supervisor acknowledges an open alert; every wall shows who did. */
export const POST: RequestHandler = api(async ({ locals, params }) => {
	const actor = requireRole(locals.user, 'supervisor', 'admin');
	if (!ALERT_KEY.test(params.key))
		throw badRequest(
			'Not an alert key (e.g. wait:dept:3, agent:12:not_responding)',
			'invalid_alert_key'
		);
	return json(await acknowledgeAlert(await appContext(), actor, params.key, locals.requestId));
});
