import type { Role } from './api/admin-api';
import { CONSOLE_ADMIN, expect, test } from './fixtures';
import { LoginPage } from './pages/login-page';

test.describe('staff login', () => {
	for (const [role, who, home, heading] of [
		['agent', 'an agent', '/agent', '坐席工作台'],
		['supervisor', 'a supervisor', '/supervisor', '监控大屏'],
		['scheduler', 'a scheduler', '/schedule', '排班与服务时间'],
		['admin', 'an admin', '/admin/agents', '坐席管理']
	] as const satisfies readonly (readonly [Role, string, string, string])[]) {
		test(`${who} lands on ${home}`, async ({ page, adminApi }) => {
			const user = await adminApi.createStaff([role]);
			await new LoginPage(page).logIn(user.username, user.password);
			await expect(page).toHaveURL(new RegExp(`${home}$`));
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
		});
	}

	test('the first admin from CONSOLE_ADMIN_PASSWORD can log in', async ({ page }) => {
		await new LoginPage(page).logIn(CONSOLE_ADMIN.username, CONSOLE_ADMIN.password);
		await expect(page).toHaveURL(/\/admin\/agents$/);
	});

	test('a wrong password shows an error and stays on the login page', async ({
		page,
		adminApi
	}) => {
		const user = await adminApi.createStaff(['agent']);
		const login = new LoginPage(page);
		await login.open();
		await login.submit(user.username, 'not-the-password');
		await expect(login.error).toHaveText('用户名或密码错误');
		await expect(page).toHaveURL(/\/login/);
	});

	test('an agent cannot open an admin page (403)', async ({ page, adminApi }) => {
		const user = await adminApi.createStaff(['agent']);
		await new LoginPage(page).logIn(user.username, user.password);
		const res = await page.goto('/admin/agents');
		expect(res?.status()).toBe(403);
		await expect(page.getByTestId('error-page')).toContainText('无权访问');
	});

	test('a signed-out visitor is sent to login, then back to the page they wanted', async ({
		page,
		adminApi
	}) => {
		const user = await adminApi.createStaff(['supervisor']);
		await page.goto('/supervisor');
		await expect(page).toHaveURL(/\/login\?next=%2Fsupervisor/);
		await new LoginPage(page).submit(user.username, user.password);
		await expect(page).toHaveURL(/\/supervisor$/);
	});

	test('logout ends the session', async ({ page, adminApi }) => {
		const user = await adminApi.createStaff(['agent']);
		await new LoginPage(page).logIn(user.username, user.password);
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
