import { json } from '@sveltejs/kit';
import { SessionUpdateBody, VersionQuery } from '$lib/contracts/schedule-api';
import { requireRole } from '$lib/server/auth/auth';
import { appContext } from '$lib/server/context';
import { api, readBody, readId, readQuery } from '$lib/server/http';
import { deleteSession, saveSession } from '$lib/server/schedule/edit';
import { matterIdsOfDepartment, sessionMatterList } from '$lib/server/schedule/queries';
import { checkTargets, sessionOf } from '../../views';
import type { RequestHandler } from './$types';

/** A session with its matters and its version. */
export const GET: RequestHandler = api(async ({ locals, params }) => {
	requireRole(locals.user, 'scheduler', 'admin');
	return json(sessionOf(await appContext(), readId(params.id, 'session id')));
});

/**
 * Updates a session; a stale `version` is 409 `version_conflict`. `matterIds` replaces its
 * matters (omitted: kept); `departmentIds` adds every active matter of those departments.
 */
export const PUT: RequestHandler = api(async ({ locals, params, request }) => {
	const user = requireRole(locals.user, 'scheduler', 'admin');
	const id = readId(params.id, 'session id');
	const { departmentIds, matterIds, ...body } = await readBody(request, SessionUpdateBody);
	const ctx = await appContext();
	checkTargets(ctx, { departmentIds });
	const base = matterIds ?? (departmentIds ? sessionMatterList(ctx.db, id).map((m) => m.id) : []);
	const added = (departmentIds ?? []).flatMap((d) => matterIdsOfDepartment(ctx.db, d));
	saveSession(ctx, user.id, id, {
		...body,
		matterIds: matterIds || departmentIds ? [...base, ...added] : undefined
	});
	return json(sessionOf(ctx, id));
});

/** Deletes a session with its matters and roster. */
export const DELETE: RequestHandler = api(async ({ locals, params, url }) => {
	const user = requireRole(locals.user, 'scheduler', 'admin');
	const id = readId(params.id, 'session id');
	const { version } = readQuery(url, VersionQuery);
	deleteSession(await appContext(), user.id, id, version);
	return new Response(null, { status: 204 });
});
