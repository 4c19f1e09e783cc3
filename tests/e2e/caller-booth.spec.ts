import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { acceptCall, currentCallId, openBooth, staffApi } from './caller-helpers';

// agent29 serves the market-regulation matters, the most used ones on the booth's buttons.
const AGENT = 'agent29';
let agent: APIRequestContext | undefined;
let callId: string | undefined;

test.afterEach(async ({ baseURL }) => {
	if (agent) {
		if (callId) {
			await agent.post(`/api/v1/calls/${callId}/end`);
			await agent.post(`/api/v1/calls/${callId}/wrap-up`, {
				data: { outcome: 'info', mailResults: false }
			});
		}
		await agent.put('/api/v1/agent/state', { data: { state: 'offline' } });
		await agent.dispose();
	}
	agent = undefined;
	callId = undefined;
	void baseURL;
});

async function serious(page: import('@playwright/test').Page) {
	const r = await new AxeBuilder({ page }).analyze();
	return r.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('booth: a matter by button, position 1 with an estimate, agent accepts, ends, 不满意 rating with reasons is stored', async ({
	page,
	baseURL
}) => {
	test.setTimeout(90_000);
	agent = await staffApi(baseURL!, AGENT);
	await openBooth(page);
	expect(await serious(page)).toEqual([]);

	await page
		.getByTestId('popular-matters')
		.getByRole('button', { name: '内资有限责任公司设立登记' })
		.click();
	await expect(page.getByTestId('queue-position')).toHaveText(/第 1 位/);
	await expect(page.getByTestId('queue-wait')).toContainText('预计等待');
	await expect(page.getByText('身份证 / ID card')).toBeVisible();
	expect(await serious(page)).toEqual([]);
	callId = await currentCallId(page, 'booth');

	const put = await agent.put('/api/v1/agent/state', { data: { state: 'available' } });
	expect(put.status()).toBe(200);
	await acceptCall(agent, callId);

	await expect(page.getByTestId('call-status')).toHaveText(/已接通/, { timeout: 15_000 });
	await expect(page.getByTestId('agent-name')).toContainText('工作人员');
	await expect(page.getByTestId('video-unavailable')).toBeVisible({ timeout: 15_000 });
	const seen = await (await agent.get(`/api/v1/calls/${callId}`)).json();
	expect(seen.status).toBe('connected');
	await expect(page.getByRole('button', { name: /挂断/ })).toBeVisible();
	expect(await serious(page)).toEqual([]);

	expect((await agent.post(`/api/v1/calls/${callId}/end`)).status()).toBe(200);
	await expect(page.getByRole('heading', { name: '请为本次服务评价' })).toBeVisible({
		timeout: 15_000
	});
	// Nothing is pre-selected, and reasons only appear for a bad level.
	for (const level of ['非常满意', '满意', '基本满意', '不满意', '非常不满意'])
		await expect(page.getByRole('radio', { name: level, exact: true })).not.toBeChecked();
	await expect(page.getByTestId('rating-reasons')).toHaveCount(0);
	await page.getByRole('radio', { name: '不满意', exact: true }).check();
	await expect(page.getByTestId('rating-reasons')).toBeVisible();
	await page.getByRole('checkbox', { name: '等待时间太长' }).check();
	expect(await serious(page)).toEqual([]);
	await page.getByRole('button', { name: '提交评价' }).click();
	await expect(page.getByTestId('thanks')).toBeVisible();

	// The rating is stored: a second one is refused as already rated.
	const again = await page.request.post(`/api/v1/calls/${callId}/rating`, { data: { score: 5 } });
	expect(again.status()).toBe(409);
	expect((await again.json()).error.code).toBe('already_rated');
	// Staff may not rate on the caller's behalf.
	const staff = await agent.post(`/api/v1/calls/${callId}/rating`, { data: { score: 5 } });
	expect(staff.status()).toBe(403);

	// After the thank-you and the UV cycle, the start screen is back.
	await page.getByRole('button', { name: '返回首页' }).click();
	await expect(page.getByRole('heading', { name: '正在消毒' })).toBeVisible();
	await expect(page.getByRole('heading', { name: '常办事项' })).toBeVisible({ timeout: 15_000 });
});

test('booth: a matter found by search; cancelling leaves the queue', async ({ page }) => {
	test.setTimeout(60_000);
	await openBooth(page);
	await page.getByRole('searchbox', { name: '搜索事项' }).fill('个体工商户设立');
	await page
		.getByTestId('caller-results')
		.getByRole('button', { name: '个体工商户设立登记' })
		.click();
	await expect(page.getByRole('heading', { name: '正在为您排队' })).toBeVisible();
	await expect(page.getByTestId('queue-position')).toBeVisible();
	const id = await currentCallId(page, 'booth');
	await page.getByRole('button', { name: '取消排队' }).click();
	await expect(page.getByRole('heading', { name: '常办事项' })).toBeVisible();
	const res = await page.request.get(`/api/v1/calls/${id}`);
	expect((await res.json()).status).toBe('abandoned');
});

test('booth: the language choice switches the kiosk to English, Japanese and Korean', async ({
	page
}) => {
	await openBooth(page);
	await page.getByRole('button', { name: 'English' }).click();
	await expect(page.getByRole('heading', { name: 'Common services' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'I use sign language' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	expect(await serious(page)).toEqual([]);
	await page.getByRole('button', { name: '日本語' }).click();
	await expect(page.getByRole('heading', { name: 'よく使われる手続き' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
	await page.getByRole('button', { name: '한국어' }).click();
	await expect(page.getByRole('heading', { name: '자주 찾는 업무' })).toBeVisible();
	await page.getByRole('button', { name: '普通话' }).click();
	await expect(page.getByRole('heading', { name: '常办事项' })).toBeVisible();
});

test('booth: out of hours it shows when it opens, and opens again', async ({ page, baseURL }) => {
	const sched = await staffApi(baseURL!, 'sched01');
	const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
	const tomorrow = new Date(Date.now() + 32 * 3600_000).toISOString().slice(0, 10);
	try {
		expect(
			(
				await sched.put(`/api/v1/schedule/exceptions/${today}`, { data: { kind: 'holiday' } })
			).status()
		).toBe(200);
		await openBooth(page).catch(() => undefined);
		await expect(page.getByRole('heading', { name: '现在不在服务时间' })).toBeVisible({
			timeout: 15_000
		});
		await expect(page.getByTestId('opens-at')).toContainText(`${tomorrow} 00:00`);
		expect(await serious(page)).toEqual([]);
	} finally {
		await sched.delete(`/api/v1/schedule/exceptions/${today}`);
		await sched.dispose();
	}
});

test('booth: big touch targets, and usable at 200 % zoom', async ({ page }) => {
	await openBooth(page);
	for (const b of await page.getByRole('button').all()) {
		const box = await b.boundingBox();
		if (!box) continue;
		expect(box.height).toBeGreaterThanOrEqual(48);
		expect(box.width).toBeGreaterThanOrEqual(48);
	}
	await page.setViewportSize({ width: 640, height: 360 });
	const first = page.getByTestId('popular-matters').getByRole('button').first();
	await first.scrollIntoViewIfNeeded();
	await expect(first).toBeInViewport();
	const search = page.getByRole('searchbox', { name: '搜索事项' });
	await search.scrollIntoViewIfNeeded();
	await expect(search).toBeInViewport();
	const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(scrollWidth).toBeLessThanOrEqual(640);
});

test('booth: an unregistered device sees how to register it', async ({ page }) => {
	await page.goto('/booth?token=not-a-real-token');
	await expect(page.getByRole('heading', { name: '这台设备还没有登记为政务晓屋' })).toBeVisible();
	const hb = await page.request.post('/api/v1/booth/heartbeat', { data: { state: 'idle' } });
	expect(hb.status()).toBe(401);
});
