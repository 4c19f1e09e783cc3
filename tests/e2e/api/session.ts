import { randomUUID } from 'node:crypto';
import {
	expect,
	request as requests,
	type APIRequest,
	type APIRequestContext
} from '@playwright/test';

/** The first admin created at start-up from `CONSOLE_ADMIN_PASSWORD` (set in playwright.config.ts). */
export const CONSOLE_ADMIN = { username: 'admin', password: 'e2e-admin-pass' } as const;

/** Password of the demo accounts (only the lifecycle spec still needs one: it checks the seed). */
export const DEMO_PASSWORD = 'Demo#2026';

/** A short suffix that makes names unique across tests, retries and runs against one server. */
export function uniqueSuffix(): string {
	return randomUUID().replaceAll('-', '').slice(0, 10);
}

/** An API session of a staff member, as a second person on another computer. */
export async function signIn(
	baseURL: string,
	username: string,
	password: string,
	request: APIRequest = requests
): Promise<APIRequestContext> {
	const api = await request.newContext({ baseURL });
	const res = await api.post('/api/v1/auth/login', { data: { username, password } });
	expect(res.status(), `login of ${username}`).toBe(200);
	return api;
}
