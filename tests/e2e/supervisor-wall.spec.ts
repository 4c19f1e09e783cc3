import AxeBuilder from '@axe-core/playwright';
import { expect, request, test, type APIRequestContext, type Page } from '@playwright/test';
import { acceptCall, staffApi } from './caller-helpers';
import { loginAs } from './fixtures';

const PASSWORD = 'wall-seat-2026';
let seat: APIRequestContext | undefined;
let admin: APIRequestContext | undefined;

async function serious(page: Page) {
	const r = await new AxeBuilder({ page }).analyze();
	return r.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test.afterEach(async () => {
	await seat?.put('/api/v1/agent/state', { data: { state: 'offline' } });
	await seat?.dispose();
	await admin?.dispose();
	seat = admin = undefined;
});

test('the supervisor watches a call arrive, wait with its reason, get answered and end, without reloading', async ({
	page,
	baseURL
}) => {
	test.setTimeout(90_000);
	admin = await staffApi(baseURL!, 'demoadmin');
	// A Korean caller for a matter only a new seat (still offline) handles in Korean.
	const matter = (await (await admin.get('/api/v1/matters?limit=1')).json()).matters[0];
	const username = `wall${Date.now().toString(36)}`;
	const created = await admin.post('/api/v1/admin/agents', {
		data: {
			username,
			password: PASSWORD,
			displayName: `韩语坐席${username.slice(-3)}`,
			roles: ['agent'],
			skills: [
				{ kind: 'language', code: 'ko', level: 5 },
				{ kind: 'matter', matterId: matter.id, level: 4 }
			]
		}
	});
	expect(created.status()).toBe(201);
	// The demo's Korean seat stays out of it.
	const demoKo = await staffApi(baseURL!, 'agent13');
	await demoKo.put('/api/v1/agent/state', { data: { state: 'offline' } });
	await demoKo.dispose();

	await loginAs(page, 'super01');
	await expect(page).toHaveURL(/\/supervisor$/);
	await expect(page.getByRole('heading', { name: '监控大屏' })).toBeVisible();
	await page.evaluate(() => ((window as unknown as { wallMark: number }).wallMark = 1));

	const caller = await request.newContext({ baseURL });
	const call = await caller.post('/api/v1/calls', {
		data: {
			channel: 'mobile',
			matterId: matter.id,
			language: 'ko',
			signLanguage: false,
			elderly: true,
			priorityLane: 'none'
		}
	});
	expect(call.status()).toBe(201);
	const { callId } = await call.json();
	await caller.dispose();

	const row = page.locator(`[data-testid="waiting-row"][data-call-id="${callId}"]`);
	await expect(row).toBeVisible();
	await expect(row.getByTestId('waiting-reason')).toHaveText('没有可办理该事项的坐席在线');
	await expect(row).toContainText('长者优先');
	await expect(row).toContainText('한국어');
	// The wait ticks on the page.
	const waited = await row.locator('td').first().textContent();
	await expect(row.locator('td').first()).not.toHaveText(waited!, { timeout: 4_000 });
	await expect(page.locator('[data-queue="lang:ko"] [data-testid="queue-waiting"]')).toHaveText(
		/^[1-9]/
	);
	expect(await serious(page)).toEqual([]);

	seat = await request.newContext({ baseURL });
	const login = await seat.post('/api/v1/auth/login', { data: { username, password: PASSWORD } });
	expect(login.status()).toBe(200);
	expect((await seat.put('/api/v1/agent/state', { data: { state: 'available' } })).status()).toBe(
		200
	);
	await expect(row.getByTestId('waiting-reason')).toHaveText('正在向坐席振铃');
	await acceptCall(seat, callId);

	await expect(row).toHaveCount(0);
	const live = page.locator(`[data-testid="live-row"][data-call-id="${callId}"]`);
	await expect(live).toBeVisible();
	await expect(live).toContainText(`韩语坐席${username.slice(-3)}`);
	await expect(page.locator('[data-queue="lang:ko"] [data-testid="queue-answered"]')).toHaveText(
		/^[1-9]/
	);

	expect((await seat.post(`/api/v1/calls/${callId}/end`)).status()).toBe(200);
	await expect(live).toHaveCount(0);
	await seat.post(`/api/v1/calls/${callId}/wrap-up`, {
		data: { outcome: 'info', mailResults: false }
	});
	// The same page all along: nothing reloaded it.
	expect(await page.evaluate(() => (window as unknown as { wallMark?: number }).wallMark)).toBe(1);
});
