import { devices } from '@playwright/test';
import { seriousViolations as serious } from './a11y';
import { expect, test } from './fixtures';

// Only this file's agents serve this matter.
test.use({
	matterName: '居住证申领',
	viewport: devices['Pixel 7'].viewport,
	hasTouch: true
});

test('mobile: "no agent online" is said plainly with the other ways in, and turns to ringing when one comes', async ({
	mobile,
	agent,
	matter,
	page
}) => {
	test.setTimeout(90_000);
	await mobile.open();
	await mobile.searchAndChoose(matter.name, matter.name);
	const status = page.getByTestId('queue-status');
	await expect(status).toHaveAttribute('data-wait-state', 'none_online');
	await expect(mobile.queueWait).toHaveText('目前没有能办理此事项的工作人员在线');
	await expect(status).toContainText('继续等待会保留您的位置');
	// no minute is promised, and the place is kept
	await expect(status).not.toContainText('分钟');
	await expect(mobile.queuePosition).toHaveText('您排在第 1 位');
	// a booking and the other channels are offered plainly
	await expect(page.getByText('拨打 12345 政务服务热线')).toBeVisible();
	await expect(page.getByRole('button', { name: '预约时段' })).toBeVisible();
	// the time waited counts up
	const elapsed = page.getByTestId('queue-elapsed');
	await expect(elapsed).toHaveText(/^已等待 0:0[2-9]$/, { timeout: 15_000 });
	expect(await serious(page)).toEqual([]);

	// The agent who handles it comes on: the caller sees the ringing at once.
	const callId = await mobile.callId();
	await agent.api.goAvailable();
	await expect(status).toHaveAttribute('data-wait-state', 'ringing');
	await expect(status).toContainText('正在为您呼叫坐席');
	await expect(mobile.queueWait).toBeHidden();
	await agent.api.acceptCall(callId);
	await expect(mobile.callStatus).toBeVisible({ timeout: 15_000 });
});

test('mobile: with the only agent busy, the caller sees a range of minutes, not "your turn next"', async ({
	mobile,
	agent,
	matter,
	callers,
	page
}) => {
	test.setTimeout(90_000);
	// The agent is on a call with someone else.
	await agent.api.goAvailable();
	const first = await callers.phoneIn(matter.id);
	await agent.api.acceptCall(first.callId);

	await mobile.open();
	await mobile.searchAndChoose(matter.name, matter.name);
	const status = page.getByTestId('queue-status');
	await expect(status).toHaveAttribute('data-wait-state', 'busy');
	await expect(mobile.queuePosition).toHaveText('您排在第 1 位');
	await expect(mobile.queueWait).toHaveText(/^预计等待：(约 \d+–\d+ 分钟|\d+ 分钟以内)$/);
	await expect(status).not.toContainText('马上');
});

test('mobile: a phone that went silent is never rung, even before the queue sweep takes it out', async ({
	mobile,
	desk,
	matter,
	page,
	context,
	supervisorPage
}) => {
	test.setTimeout(90_000);
	await mobile.open();
	await mobile.searchAndChoose(matter.name, matter.name);
	await mobile.expectQueued();
	const callId = await mobile.callId();
	// The phone drops out of the network for good.
	await context.setOffline(true);
	const seen = async () =>
		(
			(await (await supervisorPage.request.get(`/api/v1/calls/${callId}`)).json()) as {
				status: string;
			}
		).status;
	// Just past the e2e's CALLER_GONE_SECONDS (10 s) the caller counts as gone, while the sweep
	// (every 5 s) may not have taken the call out yet: the agent who comes on then must not ring.
	await page.waitForTimeout(10_500);
	await desk.goAvailable();
	await expect.poll(seen, { timeout: 30_000 }).toBe('abandoned');
	await expect(desk.offer).toBeHidden();
	// and the call's routing history holds no offer at all (not even one withdrawn at once)
	const routing = (await (
		await supervisorPage.request.get(`/api/v1/calls/${callId}/routing`)
	).json()) as { history: { type: string }[] };
	expect(routing.history.map((h) => h.type)).not.toContain('offered');
});
