/**
 * Load on a running console through its HTTP API, as people make it: callers start calls from
 * their phones, agents answer what their desk shows (accept the offer, talk, end, wrap up). A
 * request that fails (the web is down, Redis is away) is simply tried again later.
 */

export interface Identity {
	cookie?: string;
	bearer?: string;
}

export interface Reply {
	status: number;
	body: Record<string, unknown> | null;
	headers: Headers | null;
}

/** One API request; a network failure (nothing listening, connection cut) is status 0. */
export async function send(
	base: string,
	method: string,
	path: string,
	as: Identity = {},
	body?: unknown
): Promise<Reply> {
	const headers: Record<string, string> = {};
	if (as.cookie) headers.cookie = as.cookie;
	if (as.bearer) headers.authorization = `Bearer ${as.bearer}`;
	if (body !== undefined) headers['content-type'] = 'application/json';
	try {
		const res = await fetch(`${base}/api/v1${path}`, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(10_000)
		});
		const text = await res.text();
		let parsed: Record<string, unknown> | null = null;
		try {
			parsed = text ? JSON.parse(text) : null;
		} catch {
			/* not JSON */
		}
		return { status: res.status, body: parsed, headers: res.headers };
	} catch {
		return { status: 0, body: null, headers: null };
	}
}

/** Logs a staff user in; the identity carries the session cookie. */
export async function login(base: string, username: string, password: string): Promise<Identity> {
	const res = await fetch(`${base}/api/v1/auth/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ username, password })
	});
	if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
	const cookie = res.headers.getSetCookie().find((c) => c.startsWith('cw_session='));
	return { cookie: cookie!.split(';')[0] };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What the load saw: calls accepted (201) and refused, by status. */
export interface Figures {
	attempted: number;
	accepted: string[];
	/** Refusals by HTTP status (0: no answer, the web was down). */
	refused: Record<number, number>;
	/** A refusal that was not the API's error shape with Retry-After (503) or no answer at all. */
	badRefusals: string[];
	handled: number;
}

/** Callers: one new mobile call every `everyMs` until stopped. */
export function callers(base: string, matterId: number, everyMs: number, f: Figures) {
	let on = true;
	const inflight = new Set<Promise<void>>();
	const one = async () => {
		f.attempted++;
		const r = await send(
			base,
			'POST',
			'/calls',
			{},
			{ channel: 'mobile', matterId, language: 'zh' }
		);
		if (r.status === 201) f.accepted.push(String(r.body!.callId));
		else {
			f.refused[r.status] = (f.refused[r.status] ?? 0) + 1;
			const e = r.body?.error as { code?: string } | undefined;
			if (r.status === 503 && (e?.code !== 'service_unavailable' || !r.headers?.get('retry-after')))
				f.badRefusals.push(`503 ${JSON.stringify(r.body)}`);
			else if (r.status !== 0 && r.status !== 503)
				f.badRefusals.push(`${r.status} ${JSON.stringify(r.body)}`);
		}
	};
	const running = (async () => {
		while (on) {
			const p = one().finally(() => inflight.delete(p));
			inflight.add(p);
			await pause(everyMs);
		}
		await Promise.all(inflight);
	})();
	return {
		stop() {
			on = false;
			return running;
		}
	};
}

/** An agent who answers whatever the desk shows, as a person at the desk would. */
export function agentAtDesk(base: string, as: Identity, f: Figures, talkMs = 200) {
	let on = true;
	const running = (async () => {
		while (on) {
			const desk = await send(base, 'GET', '/agent/desk', as);
			const d = desk.body as {
				offer: { offerId: string } | null;
				liveCallId: string | null;
				pendingWrapUps: string[];
			} | null;
			if (desk.status !== 200 || !d) {
				await pause(200);
				continue;
			}
			if (d.offer) await send(base, 'POST', `/offers/${d.offer.offerId}/accept`, as);
			else if (d.pendingWrapUps[0]) {
				const r = await send(base, 'POST', `/calls/${d.pendingWrapUps[0]}/wrap-up`, as, {
					outcome: 'done',
					mailResults: false
				});
				if (r.status < 300) f.handled++;
			} else if (d.liveCallId) {
				await pause(talkMs);
				await send(base, 'POST', `/calls/${d.liveCallId}/end`, as);
			} else await pause(100);
		}
	})();
	return {
		stop() {
			on = false;
			return running;
		}
	};
}
