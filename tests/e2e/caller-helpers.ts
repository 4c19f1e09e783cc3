import fs from 'node:fs';
import path from 'node:path';
import { expect, request, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from './fixtures';

/** The demo booth's device token (written by the seed into the e2e data dir). */
export function demoBoothToken(): string {
	const file = path.resolve('data/e2e/demo-booth.json');
	return (JSON.parse(fs.readFileSync(file, 'utf8')) as { token: string }).token;
}

/** Opens the kiosk as the demo booth (device link once, then the cookie). */
export async function openBooth(page: Page) {
	await page.goto(`/booth?token=${demoBoothToken()}`);
	await expect(page).toHaveURL(/\/booth$/);
	await expect(page.getByRole('heading', { name: '常办事项' })).toBeVisible();
}

/** An API session of a staff member, as a second person on another computer. */
export async function staffApi(baseURL: string, username: string): Promise<APIRequestContext> {
	const api = await request.newContext({ baseURL });
	const res = await api.post('/api/v1/auth/login', {
		data: { username, password: DEMO_PASSWORD }
	});
	expect(res.status()).toBe(200);
	return api;
}

/** The agent goes available and accepts the offer for `callId`; returns when connected. */
export async function acceptCall(agent: APIRequestContext, callId: string) {
	await expect
		.poll(
			async () => {
				const r = await agent.get('/api/v1/agent/offer');
				return r.status() === 200 ? (await r.json()).callId : null;
			},
			{ timeout: 15_000 }
		)
		.toBe(callId);
	const offer = await (await agent.get('/api/v1/agent/offer')).json();
	const acc = await agent.post(`/api/v1/offers/${offer.offerId}/accept`);
	expect(acc.status()).toBe(200);
}

/** The call id the page is on (kept in localStorage by the caller page). */
export async function currentCallId(page: Page, channel: 'booth' | 'mobile'): Promise<string> {
	const raw = await page.evaluate((k) => localStorage.getItem(k), `cw.caller.${channel}`);
	expect(raw).not.toBeNull();
	return (JSON.parse(raw!) as { callId: string }).callId;
}
