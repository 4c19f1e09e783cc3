import { json } from '@sveltejs/kit';
import { ErlangQuery } from '$lib/contracts/bookings-api';
import { requireRole } from '$lib/server/auth/auth';
import { api, readQuery } from '$lib/server/http';
import { seatsNeeded } from '$lib/server/staffing/erlang';
import type { RequestHandler } from './$types';

/** Seats needed for a service level: Erlang C, or Erlang A with a patience. */
export const GET: RequestHandler = api(async ({ locals, url }) => {
	requireRole(locals.user, 'scheduler', 'supervisor', 'admin');
	const q = readQuery(url, ErlangQuery);
	const p = seatsNeeded(
		{
			calls: q.calls,
			intervalSeconds: q.intervalMinutes * 60,
			ahtSeconds: q.ahtSeconds,
			targetSeconds: q.targetSeconds,
			patienceSeconds: q.patienceSeconds
		},
		q.serviceLevel
	);
	return json(p);
});
