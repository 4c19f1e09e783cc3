import { expect, test } from './fixtures';
import { gotoReady } from './pages/ready';

test('matter search finds 养老金 and pension', async ({ schedulerPage: page }) => {
	await gotoReady(page, '/schedule');
	const search = page.getByTestId('matter-search');
	await search.fill('养老金');
	await expect(page.getByTestId('matter-results')).toContainText('企业职工基本养老金申领');
	await search.fill('pension');
	await expect(page.getByTestId('matter-results')).toContainText('企业职工基本养老金申领');
	await search.fill('不存在的事项xyz');
	await expect(page.getByText('没有找到匹配的事项')).toBeVisible();
});

test('the public matter API answers in Chinese and English and rejects bad input with the error shape', async ({
	request
}) => {
	const zh = await (await request.get('/api/v1/matters?q=' + encodeURIComponent('养老金'))).json();
	expect(zh.matters.map((m: { name: string }) => m.name)).toContain('企业职工基本养老金申领');
	const en = await (await request.get('/api/v1/matters?q=pension')).json();
	expect(en.matters.map((m: { nameEn: string }) => m.nameEn)).toContain(
		'Enterprise employee pension claim'
	);
	const bad = await request.get('/api/v1/matters?limit=0');
	expect(bad.status()).toBe(400);
	expect((await bad.json()).error).toMatchObject({ code: 'validation_failed' });
});

test('the health endpoint reports video unavailable and the console shows the banner', async ({
	agentPage,
	request
}) => {
	const health = await (await request.get('/api/v1/health')).json();
	expect(health.checks.sqlite.ok).toBe(true);
	expect(health.checks.redis.ok).toBe(true);
	expect(health.checks.livekit.ok).toBe(false);
	await expect(agentPage.getByTestId('video-unavailable')).toBeVisible();
});
