import { devices } from '@playwright/test';
import { seriousViolations as serious } from './a11y';
import { expect, test } from './fixtures';

test.use({ viewport: devices['Pixel 7'].viewport, hasTouch: true });

test('mobile: a reload while waiting keeps the same call and place; leaving ends it', async ({
	mobile,
	page
}) => {
	await mobile.open();
	await mobile.expectStartScreen();
	expect(await serious(page)).toEqual([]);
	// A tax matter no agent of this run is serving: the call stays in the queue.
	await mobile.searchAndChoose('出租屋综合税');
	await mobile.expectQueued();
	const position = await mobile.queuePosition.textContent();
	const id = await mobile.callId();
	expect(await serious(page)).toEqual([]);

	await page.reload();
	await expect(mobile.queuePosition).toHaveText(position!);
	expect(await mobile.callId()).toBe(id);

	await mobile.cancelWaiting();
	await mobile.expectStartScreen();
	expect(await page.evaluate(() => localStorage.getItem('cw.caller.mobile'))).toBeNull();
});

test('mobile: connected and rated from a phone; the rating is stored once', async ({
	mobile,
	agents,
	catalogue
}) => {
	test.setTimeout(90_000);
	await mobile.open();
	const matter = await catalogue.matter(await mobile.chooseFirstPopular());
	await mobile.expectQueued();
	const callId = await mobile.callId();

	// An agent for exactly this matter comes in and takes the call.
	const agent = await agents.create({ matters: [matter] });
	await agent.api.goAvailable();
	await agent.api.acceptCall(callId);
	await expect(mobile.callStatus).toBeVisible({ timeout: 15_000 });
	expect(await serious(mobile.page)).toEqual([]);
	await mobile.hangUpCall();
	await expect(mobile.ratingHeading).toBeVisible();
	await mobile.rating('非常满意').check();
	await expect(mobile.ratingReasons).toHaveCount(0);
	await mobile.submitRating();
	await expect(mobile.thanks).toBeVisible();
	expect((await agent.api.wrapUp(callId)).status()).toBe(200);
});
