import { seriousViolations } from './a11y';
import { AgentApi } from './api/agent-api';
import { uniqueSuffix } from './api/session';
import { expect, loginAs, test } from './fixtures';
import { Desk } from './pages/desk';
import { gotoReady } from './pages/ready';

// A matter no other spec serves: the only seat for it is the one this test creates.
const MATTER = '供水报装注销';

test('an admin creates a Cantonese seat for a matter in the admin page, and it is rung for a Cantonese caller of that matter', async ({
	adminPage: page,
	browser,
	catalogue,
	callers
}) => {
	const matter = await catalogue.matter(MATTER);
	const username = `e2eyue${uniqueSuffix()}`;
	await gotoReady(page, '/admin/agents');
	await page.getByLabel('用户名').fill(username);
	await page.getByLabel('显示名').fill('粤语坐席');
	await page.getByLabel('初始密码').fill('e2e-password-1');
	await page.getByLabel('粤语').selectOption({ label: '5 级' });
	await page.getByLabel('普通话').selectOption({ label: '不会' });
	await page.getByTestId('skill-matter-search').fill(MATTER);
	await page.getByRole('button', { name: `+ ${MATTER}` }).click();
	await expect(page.getByTestId('picked-matters')).toContainText(MATTER);
	expect(await seriousViolations(page)).toEqual([]);
	await page.getByRole('button', { name: '创建' }).click();
	await expect(page.getByTestId('created')).toContainText('已创建');
	const row = page.getByRole('row').filter({ hasText: username });
	await expect(row).toContainText('粤语 5');
	await expect(row).toContainText('1 项');

	const context = await browser.newContext({ locale: 'zh-CN' });
	const agentPage = await context.newPage();
	try {
		await loginAs(agentPage, username, 'e2e-password-1');
		await expect(agentPage).toHaveURL(/\/agent$/);
		const desk = new Desk(agentPage);
		await desk.open();
		await desk.goAvailable();
		const call = await callers.phoneIn(matter.id, { language: 'yue' });
		await expect(desk.offer).toBeVisible();
		await expect(desk.offerMatter).toContainText(MATTER);
		await expect(desk.offerLanguage).toContainText('粤语');
		await desk.accept();
		await desk.inCall(call.callId);
		await expect.poll(() => call.status()).toBe('connected');
	} finally {
		await callers.leaveAll();
		await new AgentApi(agentPage.request).signOff();
		await context.close();
	}
});

test('skills of several seats at once: a department for all its matters, taking effect on the list', async ({
	adminPage: page,
	agents,
	catalogue
}) => {
	const matter = await catalogue.matter(MATTER);
	const a = await agents.create({ languages: ['zh'] });
	const b = await agents.create({ languages: ['zh'] });
	await gotoReady(page, '/admin/skills');
	expect(await seriousViolations(page)).toEqual([]);
	await page.getByRole('checkbox', { name: a.account.displayName, exact: true }).check();
	await page.getByRole('checkbox', { name: b.account.displayName, exact: true }).check();
	await expect(page.getByRole('status').filter({ hasText: '已选' })).toHaveText('已选 2 个坐席');
	await page.getByTestId('skill-department').selectOption({ label: matter.departmentName });
	await page.getByLabel('手语').selectOption({ label: '3 级' });
	await page.getByRole('button', { name: '应用到所选坐席' }).click();
	await expect(page.getByTestId('skills-applied')).toHaveText('已更新 2 个坐席的技能');
	for (const who of [a, b]) {
		const row = page.getByRole('row').filter({ hasText: who.account.username });
		await expect(row).toContainText('手语 3');
		await expect(row).toContainText(/\d+ 项事项/);
	}
});
