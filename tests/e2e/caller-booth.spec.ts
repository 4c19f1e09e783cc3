import { seriousViolations as serious } from './a11y';
import { expect, test } from './fixtures';

// The most used matter on the booth's buttons; only this test file's agents serve it.
test.use({ matterName: '内资有限责任公司设立登记' });

test('booth: a matter by button, position 1, told plainly that no agent is online, agent accepts, ends, 不满意 rating with reasons is stored', async ({
	booth,
	agent,
	matter,
	page
}) => {
	test.setTimeout(90_000);
	await booth.openAtStart();
	expect(await serious(page)).toEqual([]);

	await booth.choosePopular(matter.name);
	await expect(booth.queuePosition).toHaveText(/第 1 位/);
	await expect(booth.queueWait).toContainText('目前没有能办理此事项的工作人员在线');
	await expect(page.getByText('身份证 / ID card')).toBeVisible();
	expect(await serious(page)).toEqual([]);
	const callId = await booth.callId();

	// The agent, on another computer, comes in and takes the call.
	await agent.api.goAvailable();
	await agent.api.acceptCall(callId);

	await expect(booth.callStatus).toHaveText(/已接通/, { timeout: 15_000 });
	await expect(booth.agentName).toContainText('工作人员');
	await expect(booth.videoUnavailable).toBeVisible({ timeout: 15_000 });
	expect((await agent.api.call(callId)).status).toBe('connected');
	await expect(booth.hangUp).toBeVisible();
	expect(await serious(page)).toEqual([]);

	expect((await agent.api.endCall(callId)).status()).toBe(200);
	await expect(booth.ratingHeading).toBeVisible({ timeout: 15_000 });
	// Nothing is pre-selected, and reasons only appear for a bad level.
	for (const level of booth.levels()) await expect(level).not.toBeChecked();
	await expect(booth.ratingReasons).toHaveCount(0);
	await booth.rating('不满意').check();
	await expect(booth.ratingReasons).toBeVisible();
	await booth.reason('等待时间太长').check();
	expect(await serious(page)).toEqual([]);
	await booth.submitRating();
	await expect(booth.thanks).toBeVisible();

	// The rating is stored: a second one is refused as already rated.
	const again = await page.request.post(`/api/v1/calls/${callId}/rating`, { data: { score: 5 } });
	expect(again.status()).toBe(409);
	expect((await again.json()).error.code).toBe('already_rated');
	// Staff may not rate on the caller's behalf.
	expect((await agent.api.rate(callId, 5)).status()).toBe(403);

	// After the thank-you and the UV cycle, the start screen is back.
	await booth.backToStart();
	await expect(booth.disinfecting).toBeVisible();
	await expect(page.getByRole('heading', { name: '常办事项' })).toBeVisible({ timeout: 15_000 });
});

test('booth: a matter found by search; cancelling leaves the queue', async ({ booth, page }) => {
	test.setTimeout(60_000);
	await booth.openAtStart();
	await booth.searchAndChoose('个体工商户设立', '个体工商户设立登记');
	await expect(page.getByRole('heading', { name: '正在为您排队' })).toBeVisible();
	await booth.expectQueued();
	const id = await booth.callId();
	await booth.cancelWaiting();
	await booth.expectStartScreen();
	const res = await page.request.get(`/api/v1/calls/${id}`);
	expect((await res.json()).status).toBe('abandoned');
});

test('booth: the language choice switches the kiosk to English, Japanese and Korean', async ({
	booth,
	page
}) => {
	await booth.openAtStart();
	await booth.chooseLanguage('English');
	await expect(page.getByRole('heading', { name: 'Common services' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'I use sign language' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	expect(await serious(page)).toEqual([]);
	await booth.chooseLanguage('日本語');
	await expect(page.getByRole('heading', { name: 'よく使われる手続き' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
	await booth.chooseLanguage('한국어');
	await expect(page.getByRole('heading', { name: '자주 찾는 업무' })).toBeVisible();
	await booth.chooseLanguage('普通话');
	await booth.expectStartScreen();
});

test('booth: out of hours it shows when it opens, and opens again', async ({
	booth,
	page,
	schedulerApi
}) => {
	const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
	const tomorrow = new Date(Date.now() + 32 * 3600_000).toISOString().slice(0, 10);
	try {
		const holiday = await schedulerApi.put(`/api/v1/schedule/exceptions/${today}`, {
			data: { kind: 'holiday' }
		});
		expect(holiday.status()).toBe(200);
		await booth.open();
		await expect(booth.closed).toBeVisible({ timeout: 15_000 });
		await expect(booth.opensAt).toContainText(`${tomorrow} 00:00`);
		expect(await serious(page)).toEqual([]);

		// The caller books a slot they pick (not today: today is a holiday), and sees its code.
		const bookFor = page.getByRole('button', { name: /^预约：/ }).first();
		const matter = (await bookFor.textContent())!.replace('预约：', '');
		await bookFor.click();
		await expect(page.getByRole('heading', { name: `${matter} 的可预约时段` })).toBeVisible();
		const slot = page.getByTestId('slot').nth(1);
		await expect(slot).toBeEnabled();
		const label = (await slot.getAttribute('aria-label'))!;
		expect(label).toContain(tomorrow);
		await slot.click();
		const time = label.replace('预约 ', '').slice(11);
		await expect(page.getByRole('status').filter({ hasText: '已预约：' })).toContainText(
			time.split('–')[0]!
		);
		await expect(page.getByRole('status').filter({ hasText: '已预约：' })).toContainText(
			/预约号 [A-Z0-9]{8}/
		);
		expect(await serious(page)).toEqual([]);
		// 返回 forgets it: the next person sees no booking
		await page.getByRole('button', { name: '返回' }).click();
		await expect(page.getByText('已预约：')).toHaveCount(0);
	} finally {
		await schedulerApi.delete(`/api/v1/schedule/exceptions/${today}`);
	}
});

test('booth: big touch targets, and usable at 200 % zoom', async ({ booth, page }) => {
	await booth.openAtStart();
	for (const b of await page.getByRole('button').all()) {
		const box = await b.boundingBox();
		if (!box) continue;
		expect(box.height).toBeGreaterThanOrEqual(48);
		expect(box.width).toBeGreaterThanOrEqual(48);
	}
	await page.setViewportSize({ width: 640, height: 360 });
	const first = booth.popularMatters.getByRole('button').first();
	await first.scrollIntoViewIfNeeded();
	await expect(first).toBeInViewport();
	await booth.search.scrollIntoViewIfNeeded();
	await expect(booth.search).toBeInViewport();
	const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(scrollWidth).toBeLessThanOrEqual(640);
});

test('booth: an unregistered device sees how to register it', async ({ page }) => {
	await page.goto('/booth?token=not-a-real-token');
	await expect(page.getByRole('heading', { name: '这台设备还没有登记为政务晓屋' })).toBeVisible();
	const hb = await page.request.post('/api/v1/booth/heartbeat', { data: { state: 'idle' } });
	expect(hb.status()).toBe(401);
});
