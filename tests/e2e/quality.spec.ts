import type { Page } from '@playwright/test';
import { seriousViolations as serious } from './a11y';
import { expect, test } from './fixtures';
import { gotoReady, hydrated } from './pages/ready';

// Only this file's agents serve this matter.
test.use({ matterName: '失业保险金申领' });

/** Records the case's next step with the form on the case page and waits for the timeline. */
async function record(page: Page, step: string, fill: () => Promise<void> = async () => {}) {
	const form = page.getByTestId('step-form');
	await expect(form.getByRole('heading', { name: `下一步：${step}` })).toBeVisible();
	await fill();
	await form.getByTestId('step-submit').click();
	await expect(page.getByTestId('step-saved')).toHaveText(`已记录“${step}”`);
	await expect(page.getByTestId('timeline')).toContainText(step);
}

test('quality: a bad rating at a booth becomes a case the owner works and a supervisor closes', async ({
	booth,
	agent,
	desk,
	page,
	supervisorPage
}) => {
	test.setTimeout(120_000);
	// A citizen at a booth is served, then rates the service 非常不满意.
	await booth.openAtStart();
	await booth.searchAndChoose('失业保险金', '失业保险金申领');
	await booth.expectQueued();
	const callId = await booth.callId();
	await agent.api.goAvailable();
	await agent.api.acceptCall(callId);
	await expect(booth.callStatus).toHaveText(/已接通/, { timeout: 15_000 });
	expect((await agent.api.endCall(callId)).status()).toBe(200);
	await expect(booth.ratingHeading).toBeVisible({ timeout: 15_000 });
	await booth.rating('非常不满意').check();
	await booth.reason('问题没有解决').check();
	await booth.submitRating();
	await expect(booth.thanks).toBeVisible();
	expect((await agent.api.wrapUp(callId, 'info')).status()).toBe(200);

	// The agent's desk shows the open case and leads to it.
	const a = desk.page;
	await gotoReady(a, '/agent');
	await expect(a.getByTestId('my-cases')).toContainText('1 件未结');
	await a.getByTestId('my-cases').getByRole('link', { name: '整改与回访' }).click();
	await expect(a).toHaveURL(/\/agent\/cases/);
	await expect(a.getByRole('heading', { level: 1, name: '差评整改与办不成事' })).toBeVisible();
	const row = a.locator('tr', { hasText: '失业保险金申领' });
	await expect(row).toHaveCount(1);
	await expect(row).toContainText('非常不满意');
	await expect(row).toContainText('待核实');
	expect(await serious(a)).toEqual([]);
	await row.getByRole('link').click();
	await expect(a.getByTestId('case-status')).toHaveText('待核实');
	await hydrated(a);
	expect(await serious(a)).toEqual([]);
	await expect(a.getByTestId('case-rating')).toHaveText('非常不满意');

	// The owner verifies, triages, rectifies, feeds back and calls back, in that order.
	await record(a, '核实', () => a.getByLabel('办理说明').fill('已调阅通话记录，材料清单解释不清'));
	await record(a, '研判', () => a.getByLabel('立行立改').check());
	await record(a, '整改', () => a.getByLabel('办理说明').fill('已补发材料清单并重新受理'));
	await record(a, '反馈', () => a.getByLabel('办理说明').fill('已电话告知办理进度'));
	await record(a, '回访', async () => {
		await a.getByLabel('已联系上').check();
		await a.getByLabel('满意', { exact: true }).check();
	});
	await expect(a.getByTestId('case-status')).toHaveText('已回访');
	await expect(a.getByText('等待值班长或管理员复核。')).toBeVisible();
	await expect(a.getByTestId('step-form')).toHaveCount(0);

	// The duty supervisor finds it on /quality, reviews and closes it.
	const s = supervisorPage;
	await gotoReady(s, '/quality');
	const listed = s.locator('tr', { hasText: '失业保险金申领' }).filter({ hasText: '已回访' });
	await expect(listed).toHaveCount(1);
	expect(await serious(s)).toEqual([]);
	await listed.getByRole('link').click();
	await expect(s.getByTestId('case-status')).toHaveText('已回访');
	await hydrated(s);
	expect(await serious(s)).toEqual([]);
	s.once('dialog', (d) => void d.accept());
	await record(s, '复核结案', () => s.getByLabel('办理说明').fill('整改到位，市民满意'));
	await expect(s.getByTestId('case-status')).toHaveText('已结案');
	await expect(s.getByTestId('case-readonly')).toHaveText('案件已结案，只读。');
	await expect(s.getByTestId('timeline').locator('li')).toHaveCount(6);

	// The closed case is read-only for its owner too.
	await a.reload();
	await expect(a.getByTestId('case-status')).toHaveText('已结案');
	await expect(a.getByTestId('step-form')).toHaveCount(0);
	void page;
});

test('quality: a call that could not get done lands on the 办不成事 desk of its agent', async ({
	agent,
	desk,
	callers,
	matter
}) => {
	const call = await callers.phoneIn(matter.id);
	await agent.api.goAvailable();
	await agent.api.acceptCall(call.callId);
	expect((await agent.api.endCall(call.callId)).status()).toBe(200);
	expect((await agent.api.wrapUp(call.callId, 'not_done')).status()).toBe(200);

	const a = desk.page;
	// /quality is the supervisors'; an agent is taken to their own cases on the desk.
	await gotoReady(a, '/quality');
	await expect(a).toHaveURL(/\/agent\/cases$/);
	// Bad ratings first; the 办不成事 tab holds the case.
	await expect(a.locator('tr', { hasText: matter.name })).toHaveCount(0);
	await a.getByTestId('tab-not_done').click();
	await expect(a.getByTestId('tab-not_done')).toHaveAttribute('aria-current', 'page');
	const row = a.locator('tr', { hasText: matter.name });
	await expect(row).toHaveCount(1);
	await expect(row).toContainText('核实所缺');
	expect(await serious(a)).toEqual([]);
	await row.getByRole('link').click();
	await expect(a.getByTestId('case-outcome')).toContainText('办不成事');
	await hydrated(a);
	await record(a, '核实所缺', () =>
		a.getByLabel('缺少什么（材料、条件）').fill('缺少房产证明原件')
	);
	await expect(a.getByTestId('step-form').getByRole('heading')).toHaveText('下一步：解决办理');
});
