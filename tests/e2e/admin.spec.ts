import { uniqueSuffix } from './api/session';
import { expect, loginAs, test } from './fixtures';
import { gotoReady } from './pages/ready';

test('an admin registers a booth and sees its token once', async ({ adminPage: page }) => {
	const name = `E2E 测试晓屋 ${uniqueSuffix().slice(0, 6)}`;
	await gotoReady(page, '/admin/booths');
	await page.getByLabel('名称').fill(name);
	await page.getByLabel('镇街').selectOption('南村镇');
	await page.getByLabel('场所').fill('农贸市场');
	await page.getByRole('button', { name: '创建' }).click();
	await expect(page.getByTestId('booth-token')).toHaveText(/^[A-Za-z0-9_-]{40,}$/);
	await expect(page.getByRole('cell', { name })).toBeVisible();
	await page.reload();
	await expect(page.getByTestId('booth-token')).toHaveCount(0);
});

test('an admin creates an agent who can then log in', async ({ adminPage: page, browser }) => {
	const username = `e2eagent${uniqueSuffix()}`;
	await gotoReady(page, '/admin/agents');
	await page.getByLabel('用户名').fill(username);
	await page.getByLabel('显示名').fill('测试坐席');
	await page.getByLabel('初始密码').fill('e2e-password-1');
	await page.getByLabel('粤语').selectOption({ label: '4 级' });
	await page.getByRole('button', { name: '创建' }).click();
	await expect(page.getByTestId('created')).toContainText('已创建');
	await expect(page.getByRole('cell', { name: username })).toBeVisible();
	// skills by name, not code
	const row = page.getByRole('row').filter({ hasText: username });
	await expect(row).toContainText('粤语');
	await expect(row).not.toContainText('yue');

	const other = await (await browser.newContext()).newPage();
	await loginAs(other, username, 'e2e-password-1');
	await expect(other).toHaveURL(/\/agent$/);
	await expect(other.getByText('粤语')).toBeVisible();
	await other.context().close();
});

test('the admin API rejects bad input with 400 and the contract error shape', async ({
	adminApi
}) => {
	const res = await adminApi.api.post('/api/v1/admin/agents', {
		data: { username: 'x', password: 'short', roles: [] }
	});
	expect(res.status()).toBe(400);
	const body = await res.json();
	expect(body.error.code).toBe('validation_failed');
	expect(body.error.message).toMatch(/username/);
});

test('an admin limits a supervisor to a department, and their wall shows only its callers', async ({
	adminPage: page,
	adminApi,
	catalogue,
	callers,
	browser
}) => {
	const supervisor = await adminApi.createStaff(['supervisor']);
	const mine = await catalogue.matter('个体工商户设立登记');
	const other = await catalogue.matter('养老服务补贴申请');
	expect(other.departmentId).not.toBe(mine.departmentId);
	const inScope = await callers.phoneIn(mine.id);
	const outside = await callers.phoneIn(other.id);

	await gotoReady(page, '/admin/supervision');
	const row = page.getByTestId(`scope-${supervisor.id}`);
	await expect(row.getByTestId('scope-text')).toHaveText('全区');
	await row.locator('summary').click();
	await row.getByRole('checkbox', { name: mine.departmentName }).check();
	await row.getByRole('button', { name: '保存' }).click();
	await expect(row.getByRole('status')).toHaveText('已保存');
	await expect(row.getByTestId('scope-text')).toHaveText(mine.departmentName);

	const wall = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
	await loginAs(wall, supervisor.username, supervisor.password);
	await gotoReady(wall, '/supervisor');
	await expect(wall.getByTestId('wall-scope')).toHaveText(`范围：${mine.departmentName}`);
	const rows = wall.getByTestId('waiting-row');
	await expect(rows.and(wall.locator(`[data-call-id="${inScope.callId}"]`))).toBeVisible();
	await expect(wall.locator(`[data-call-id="${outside.callId}"]`)).toHaveCount(0);
	await wall.context().close();
});
