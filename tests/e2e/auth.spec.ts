import { expect, test } from '@playwright/test';
import { loginAs } from './fixtures';

test.describe('staff login', () => {
	for (const [username, home, heading] of [
		['agent01', '/agent', '坐席工作台'],
		['super01', '/supervisor', '监控大屏'],
		['sched01', '/schedule', '排班与服务时间'],
		['demoadmin', '/admin/agents', '坐席管理']
	] as const) {
		test(`${username} lands on ${home}`, async ({ page }) => {
			await loginAs(page, username);
			await expect(page).toHaveURL(new RegExp(`${home}$`));
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
		});
	}

	test('the first admin from CONSOLE_ADMIN_PASSWORD can log in', async ({ page }) => {
		await loginAs(page, 'admin', 'e2e-admin-pass');
		await expect(page).toHaveURL(/\/admin\/agents$/);
	});

	test('a wrong password shows an error and stays on the login page', async ({ page }) => {
		await page.goto('/login');
		await page.getByLabel('用户名').fill('agent02');
		await page.getByLabel('密码').fill('not-the-password');
		await page.getByRole('button', { name: '登录' }).click();
		await expect(page.getByTestId('login-error')).toHaveText('用户名或密码错误');
		await expect(page).toHaveURL(/\/login/);
	});

	test('an agent cannot open an admin page (403)', async ({ page }) => {
		await loginAs(page, 'agent03');
		const res = await page.goto('/admin/agents');
		expect(res?.status()).toBe(403);
		await expect(page.getByTestId('error-page')).toContainText('无权访问');
	});

	test('a signed-out visitor is sent to login, then back to the page they wanted', async ({
		page
	}) => {
		await page.goto('/supervisor');
		await expect(page).toHaveURL(/\/login\?next=%2Fsupervisor/);
		await page.getByLabel('用户名').fill('super02');
		await page.getByLabel('密码').fill('Demo#2026');
		await page.getByRole('button', { name: '登录' }).click();
		await expect(page).toHaveURL(/\/supervisor$/);
	});

	test('logout ends the session', async ({ page }) => {
		await loginAs(page, 'agent04');
		await page.getByRole('button', { name: '退出登录' }).click();
		await expect(page).toHaveURL(/\/login$/);
		await page.goto('/agent');
		await expect(page).toHaveURL(/\/login/);
	});
});

test('the English switch translates the login page', async ({ page }) => {
	await page.goto('/login');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('坐席登录');
	await page.getByRole('link', { name: 'English' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Staff login');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await page.getByRole('link', { name: '中文' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('坐席登录');
});
