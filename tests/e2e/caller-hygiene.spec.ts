import { seriousViolations as serious } from './a11y';
import { savedCall } from './api/caller-api';
import { expect, test } from './fixtures';

// Pension claims: each test's agents are made for it and serve only this matter.
test.use({ matterName: '企业职工基本养老金申领' });

test('booth: an untouched rating screen returns to a clean start, and the call stays not rated', async ({
	booth,
	agent,
	matter,
	page
}) => {
	test.setTimeout(90_000);
	await booth.openAtStart();
	// This caller asks for the green channel; the next person must not find it ticked.
	const green = page.getByRole('button', { name: /绿色通道/ });
	await green.click();
	await expect(green).toHaveAttribute('aria-pressed', 'true');
	await booth.searchAndChoose(matter.name, matter.name);
	await booth.expectQueued();
	const callId = await booth.callId();
	await agent.api.goAvailable();
	await agent.api.acceptCall(callId);
	await expect(booth.callStatus).toHaveText(/已接通/, { timeout: 15_000 });
	expect((await agent.api.endCall(callId)).status()).toBe(200);

	await expect(booth.ratingHeading).toBeVisible({ timeout: 15_000 });
	await expect(page.getByTestId('rating-idle')).toHaveText('10 秒内没有操作将返回首页（不评价）。');
	expect(await serious(page)).toEqual([]);
	// Nobody touches the screen (the e2e idle time is 10 s): it goes back through the UV cycle.
	await expect(booth.disinfecting).toBeVisible({ timeout: 20_000 });
	await booth.expectStartScreen();
	await expect(green).toHaveAttribute('aria-pressed', 'false');
	await expect(page.getByRole('button', { name: '普通话' })).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	await expect(booth.ratingHeading).toBeHidden();
	expect(await page.evaluate(() => localStorage.getItem('cw.caller.booth'))).toBeNull();

	// Not rated: the agent's list says so, and nobody rated in the caller's name.
	expect((await agent.api.wrapUp(callId)).status()).toBe(200);
	const mine = (await (await agent.api.api.get('/api/v1/agent/calls')).json()) as {
		calls: { callId: string; rating: number | null }[];
	};
	expect(mine.calls.find((c) => c.callId === callId)?.rating).toBeNull();
});

test('a phone that vanished from the queue is never offered; the one still there is', async ({
	desk,
	matter,
	callers,
	supervisorPage
}) => {
	test.setTimeout(90_000);
	const vanished = await callers.phoneIn(matter.id);
	const present = await callers.phoneIn(matter.id);
	// The first phone goes out of network for good; the second keeps its page open.
	vanished.hangUpPhone();
	// Watched from the supervisor's side (a caller reading its own call counts as being there).
	const seen = async (id: string) =>
		((await (await supervisorPage.request.get(`/api/v1/calls/${id}`)).json()) as { status: string })
			.status;
	await expect.poll(() => seen(vanished.callId), { timeout: 30_000 }).toBe('abandoned');
	expect(await seen(present.callId)).toBe('queued');

	// The agent comes on with a caller waiting: it rings at once, for the phone still there.
	await desk.page.getByTestId('go-available').click();
	await expect(desk.offer).toBeVisible();
	await desk.accept();
	await desk.inCall(present.callId);
	expect(await seen(vanished.callId)).toBe('abandoned');
});

test('mobile: the page says when the network is gone and recovers by itself, keeping the place', async ({
	mobile,
	page,
	context
}) => {
	test.setTimeout(60_000);
	await mobile.open();
	// A tax matter no agent of this run is serving: the call stays in the queue.
	await mobile.searchAndChoose('出租屋综合税');
	await mobile.expectQueued();
	const position = await mobile.queuePosition.textContent();
	const id = await mobile.callId();

	await context.setOffline(true);
	const banner = page.getByTestId('caller-offline');
	await expect(banner).toBeVisible();
	await expect(banner).toContainText('短暂断开不会影响您的排队位置');
	expect(await serious(page)).toEqual([]);
	await context.setOffline(false);
	await expect(banner).toBeHidden({ timeout: 15_000 });
	await expect(mobile.queuePosition).toHaveText(position!);
	expect(await mobile.callId()).toBe(id);
	const saved = (await savedCall(page, 'mobile'))!;
	const res = await page.request.get(`/api/v1/calls/${id}`, {
		headers: { authorization: `Bearer ${saved.token}` }
	});
	expect((await res.json()).status).toBe('queued');

	await mobile.cancelWaiting();
	await mobile.expectStartScreen();
});

test('booth: starting a call and leaving the queue are asked first, with big answers; Esc changes nothing', async ({
	booth,
	matter,
	page
}) => {
	test.setTimeout(60_000);
	await booth.openAtStart();
	await booth.search.fill(matter.name);
	await booth.results.getByRole('button', { name: matter.name }).click();
	const ask = page.getByRole('dialog', { name: '开始视频连线？' });
	await expect(ask).toBeVisible();
	await expect(ask).toContainText(`办理事项：${matter.name}`);
	await expect(ask.getByRole('button', { name: '返回' })).toBeFocused();
	for (const b of await ask.getByRole('button').all())
		expect((await b.boundingBox())!.height).toBeGreaterThanOrEqual(64);
	expect(await serious(page)).toEqual([]);
	await page.keyboard.press('Escape');
	await expect(ask).toBeHidden();
	expect(await page.evaluate(() => localStorage.getItem('cw.caller.booth'))).toBeNull();

	await booth.results.getByRole('button', { name: matter.name }).click();
	await booth.confirm();
	await booth.expectQueued();
	const id = await booth.callId();

	await page.getByRole('button', { name: '取消排队', exact: true }).click();
	const leave = page.getByRole('dialog', { name: '取消排队？' });
	await expect(leave).toBeVisible();
	await leave.getByRole('button', { name: '继续排队' }).click();
	await expect(leave).toBeHidden();
	await booth.expectQueued();
	expect(await booth.callId()).toBe(id);

	await booth.cancelWaiting();
	await booth.expectStartScreen();
	const res = await page.request.get(`/api/v1/calls/${id}`);
	expect((await res.json()).status).toBe('abandoned');
});

test('mobile: the caller is told of a transfer, and the thanks screen says the outcome, a reference and what to do next', async ({
	mobile,
	page,
	agents,
	catalogue
}) => {
	test.setTimeout(90_000);
	await mobile.open();
	const matter = await catalogue.matter(await mobile.chooseFirstPopular());
	await mobile.expectQueued();
	const callId = await mobile.callId();
	const first = await agents.create({ matters: [matter] });
	const second = await agents.create({ matters: [matter] });
	await first.api.goAvailable();
	await first.api.acceptCall(callId);
	await expect(mobile.callStatus).toBeVisible({ timeout: 15_000 });

	// The agent hands the caller on: the phone says so instead of "queueing".
	const t = await first.api.api.post(`/api/v1/calls/${callId}/transfer`, { data: {} });
	expect(t.status(), await t.text()).toBe(200);
	await expect(page.getByTestId('screen-heading')).toHaveText('正在为您转接…');
	await expect(page.getByTestId('transferring')).toContainText('不需要重新排队');
	expect(await serious(page)).toEqual([]);
	await second.api.goAvailable();
	await second.api.acceptCall(callId);
	await expect(mobile.callStatus).toBeVisible({ timeout: 15_000 });

	await mobile.hangUpCall();
	await expect(mobile.ratingHeading).toBeVisible();
	expect((await second.api.wrapUp(callId, 'need_docs')).status()).toBe(200);
	await mobile.rating('满意').check();
	await mobile.submitRating();
	const outcome = page.getByTestId('thanks-outcome');
	await expect(outcome).toContainText('还需要补充材料');
	await expect(outcome).toContainText(/业务编号：CW-[0-9A-F]{8}/);
	await expect(outcome).toContainText('请按工作人员的说明准备补充材料');
	expect(await serious(page)).toEqual([]);
});

test('mobile: a call snapshot answered late does not take back a transfer the phone was told of', async ({
	mobile,
	page,
	agents,
	catalogue
}) => {
	test.setTimeout(60_000);
	await mobile.open();
	const matter = await catalogue.matter(await mobile.chooseFirstPopular());
	await mobile.expectQueued();
	const callId = await mobile.callId();
	const agent = await agents.create({ matters: [matter] });
	// The page reads the call once it is connected (for the agent's name); that answer is held
	// back until after the agent has transferred the caller, as on a slow network.
	let release!: () => void;
	const released = new Promise<void>((r) => (release = r));
	let delivered!: () => void;
	const late = new Promise<void>((r) => (delivered = r));
	await page.route(
		(url) => url.pathname === `/api/v1/calls/${callId}`,
		async (route) => {
			if (route.request().method() !== 'GET') return route.continue();
			const response = await route.fetch();
			await released;
			await route.fulfill({ response });
			delivered();
		}
	);
	await agent.api.goAvailable();
	await agent.api.acceptCall(callId);
	await expect(mobile.callStatus).toBeVisible({ timeout: 15_000 });
	const t = await agent.api.api.post(`/api/v1/calls/${callId}/transfer`, { data: {} });
	expect(t.status(), await t.text()).toBe(200);
	await expect(page.getByTestId('screen-heading')).toHaveText('正在为您转接…');
	release();
	await late;
	// the connected snapshot arrived after the transfer: the phone still says it is being transferred
	await expect(page.getByTestId('transferring')).toContainText('不需要重新排队');
	await expect(page.getByTestId('screen-heading')).toHaveText('正在为您转接…');
	await page.unrouteAll({ behavior: 'ignoreErrors' });
});
