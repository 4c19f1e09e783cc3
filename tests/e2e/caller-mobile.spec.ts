import AxeBuilder from '@axe-core/playwright';
import { devices, expect, test } from '@playwright/test';
import { acceptCall, currentCallId, staffApi } from './caller-helpers';

test.use({ viewport: devices['Pixel 7'].viewport, hasTouch: true });

async function serious(page: import('@playwright/test').Page) {
	const r = await new AxeBuilder({ page }).analyze();
	return r.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('mobile: a reload while waiting keeps the same call and place; leaving ends it', async ({
	page
}) => {
	await page.goto('/m');
	await expect(page.getByRole('heading', { name: '常办事项' })).toBeVisible();
	expect(await serious(page)).toEqual([]);
	// A tax matter no agent of this run is serving: the call stays in the queue.
	await page.getByRole('searchbox', { name: '搜索事项' }).fill('出租屋综合税');
	await page.getByTestId('caller-results').getByRole('button').first().click();
	await expect(page.getByTestId('queue-position')).toBeVisible();
	const position = await page.getByTestId('queue-position').textContent();
	const id = await currentCallId(page, 'mobile');
	expect(await serious(page)).toEqual([]);

	await page.reload();
	await expect(page.getByTestId('queue-position')).toHaveText(position!);
	expect(await currentCallId(page, 'mobile')).toBe(id);

	await page.getByRole('button', { name: '取消排队' }).click();
	await expect(page.getByRole('heading', { name: '常办事项' })).toBeVisible();
	expect(await page.evaluate(() => localStorage.getItem('cw.caller.mobile'))).toBeNull();
});

test('mobile: connected and rated from a phone; the rating is stored once', async ({
	page,
	baseURL
}) => {
	test.setTimeout(90_000);
	const agent = await staffApi(baseURL!, 'agent28');
	let callId: string | undefined;
	try {
		await page.goto('/m');
		await page.getByTestId('popular-matters').getByRole('button').first().click();
		await expect(page.getByTestId('queue-position')).toBeVisible();
		callId = await currentCallId(page, 'mobile');
		await agent.put('/api/v1/agent/state', { data: { state: 'available' } });
		await acceptCall(agent, callId);
		await expect(page.getByTestId('call-status')).toBeVisible({ timeout: 15_000 });
		expect(await serious(page)).toEqual([]);
		await page.getByRole('button', { name: /挂断/ }).click();
		await expect(page.getByRole('heading', { name: '请为本次服务评价' })).toBeVisible();
		await page.getByRole('radio', { name: '非常满意' }).check();
		await expect(page.getByTestId('rating-reasons')).toHaveCount(0);
		await page.getByRole('button', { name: '提交评价' }).click();
		await expect(page.getByTestId('thanks')).toBeVisible();
		const wrap = await agent.post(`/api/v1/calls/${callId}/wrap-up`, {
			data: { outcome: 'info', mailResults: false }
		});
		expect(wrap.status()).toBe(200);
		callId = undefined;
	} finally {
		if (callId) {
			await agent.post(`/api/v1/calls/${callId}/end`);
			await agent.post(`/api/v1/calls/${callId}/wrap-up`, {
				data: { outcome: 'info', mailResults: false }
			});
		}
		await agent.put('/api/v1/agent/state', { data: { state: 'offline' } });
		await agent.dispose();
	}
});
