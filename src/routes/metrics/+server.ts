import { appContext } from '$lib/server/context';
import { api } from '$lib/server/http';
import { metricsText, requireMetricsReader } from '$lib/server/ops/metrics';
import type { RequestHandler } from './$types';

/** Prometheus metrics of every web and worker process: for the METRICS_TOKEN bearer or an admin. */
export const GET: RequestHandler = api(async ({ locals, request }) => {
	const ctx = await appContext();
	requireMetricsReader(ctx, locals.user, request.headers.get('authorization'));
	return new Response(await metricsText(ctx), {
		headers: {
			'content-type': 'text/plain; version=0.0.4; charset=utf-8',
			'cache-control': 'no-store'
		}
	});
});
