import Database from 'better-sqlite3';
import { inject } from 'vitest';

/** Who a request is made as: nobody, a staff session cookie, or a bearer token. */
export interface Identity {
	cookie?: string;
	bearer?: string;
}

export interface Reply {
	status: number;
	type: string;
	body: unknown;
}

export interface Request {
	as?: Identity;
	/** A JSON body, or `raw` text (or bytes) sent as application/json (or `headers`' type) as is. */
	body?: unknown;
	raw?: string | Uint8Array;
	headers?: Record<string, string>;
}

const base = () => `${inject('baseUrl')}/api/v1`;

/** The console's base URL (pages and API). */
export const origin = () => inject('baseUrl');

/** One request to the running console; an event stream is closed once its headers are in. */
export async function send(method: string, path: string, req: Request = {}): Promise<Reply> {
	const headers: Record<string, string> = { ...req.headers };
	if (req.as?.cookie) headers.cookie = req.as.cookie;
	if (req.as?.bearer) headers.authorization = `Bearer ${req.as.bearer}`;
	let body: string | Uint8Array | undefined;
	if (req.raw !== undefined || req.body !== undefined) {
		headers['content-type'] ??= 'application/json';
		body = req.raw ?? JSON.stringify(req.body);
	}
	const res = await fetch(base() + path, {
		method,
		headers,
		body: body as BodyInit | undefined,
		redirect: 'manual'
	});
	const type = res.headers.get('content-type') ?? '';
	if (type.startsWith('text/event-stream')) {
		await res.body?.cancel();
		return { status: res.status, type, body: null };
	}
	const text = await res.text();
	let parsed: unknown = text;
	if (type.includes('json') && text) parsed = JSON.parse(text);
	return { status: res.status, type, body: parsed };
}

/** A request that must succeed with `status`; returns its JSON body. */
export async function ok<T = Record<string, unknown>>(
	method: string,
	path: string,
	req: Request = {},
	status = 200
): Promise<T> {
	const r = await send(method, path, req);
	if (r.status !== status)
		throw new Error(
			`${method} ${path}: expected ${status}, got ${r.status} ${JSON.stringify(r.body)}`
		);
	return r.body as T;
}

/** Logs a staff user in; the identity carries the session cookie. */
export async function login(username: string, password: string): Promise<Identity> {
	const res = await fetch(`${base()}/auth/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ username, password })
	});
	if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
	const cookie = res.headers.getSetCookie().find((c) => c.startsWith('cw_session='));
	if (!cookie) throw new Error(`login ${username}: no session cookie`);
	return { cookie: cookie.split(';')[0] };
}

/** Read-only access to the console's SQLite file, for counts a supervisor would see. */
export function database() {
	const db = new Database(inject('databasePath'), { readonly: true, fileMustExist: true });
	return {
		count: (table: 'calls' | 'ratings' | 'appointments' | 'users' | 'booths') =>
			(db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n,
		matterIds: () =>
			(db.prepare('select id from matters order by id').all() as { id: number }[]).map((r) => r.id),
		departmentOf: (matterId: number) =>
			(
				db.prepare('select department_id as d from matters where id = ?').get(matterId) as {
					d: number;
				}
			).d,
		close: () => db.close()
	};
}
