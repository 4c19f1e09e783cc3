import type { Page } from '@playwright/test';
import { seriousViolations as serious } from './a11y';
import { expect, test } from './fixtures';

// A popular matter at the booth; only this file's agents serve it while its tests run.
test.use({ matterName: '内资有限责任公司设立登记' });

const DESKTOP = { width: 1280, height: 720 };
/** 200 % zoom of the desktop: the same page laid out in half the CSS pixels. */
const ZOOM_200 = { width: 640, height: 360 };

/** Axe finds nothing serious at 100 % and at 200 % zoom, and nothing scrolls sideways at 200 %. */
async function accessibleAtBothZooms(page: Page) {
	await page.setViewportSize(DESKTOP);
	expect(await serious(page)).toEqual([]);
	await page.setViewportSize(ZOOM_200);
	expect(await serious(page)).toEqual([]);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
		ZOOM_200.width
	);
	await page.setViewportSize(DESKTOP);
}

/** The computed font size of an element, in CSS pixels. */
async function fontSize(page: Page, locator: ReturnType<Page['locator']>): Promise<number> {
	return locator.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
}

test('booth: the 50+ choice gives large text, fewer choices and a plain confirmation before calling', async ({
	booth,
	agents,
	matter,
	page
}) => {
	test.setTimeout(120_000);
	const volunteer = await agents.create({ matters: [matter], elderlyGuidance: true });
	await page.setViewportSize(DESKTOP);
	await booth.openAtStart();
	const buttons = booth.popularMatters.getByRole('button');
	const usual = await buttons.count();
	expect(usual).toBeGreaterThan(4);
	const usualSize = await fontSize(page, buttons.first());
	await expect(booth.search).toBeVisible();

	await page.getByRole('button', { name: /我 50 岁以上/ }).click();
	await expect(page.getByRole('button', { name: /我 50 岁以上/ })).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	await expect(page.getByTestId('elderly-on')).toContainText('字更大，选项更少');
	await expect(buttons).toHaveCount(4);
	expect(await fontSize(page, buttons.first())).toBeGreaterThan(usualSize * 1.3);
	// The search is one tap away, not on the screen.
	await expect(booth.search).toBeHidden();
	await accessibleAtBothZooms(page);
	await page.getByRole('button', { name: '没有要办的？搜索其他事项' }).click();
	await expect(booth.search).toBeVisible();
	/** The test's matter, found by search (the four big buttons are this booth's most asked). */
	const pick = async () => {
		if (!(await booth.search.isVisible()))
			await page.getByRole('button', { name: '没有要办的？搜索其他事项' }).click();
		await booth.search.fill(matter.name);
		await booth.results.getByRole('button', { name: matter.name }).first().click();
	};

	// Asked first, in plain words; "not this one" goes back without calling.
	await pick();
	await expect(booth.confirmation).toContainText('开始视频办事吗？');
	await expect(booth.confirmation).toContainText(`您要办的是：${matter.name}`);
	expect(await serious(page)).toEqual([]);
	await page.getByRole('button', { name: '不是这个，返回' }).click();
	await expect(booth.confirmation).toBeHidden();
	await expect(page.getByRole('heading', { name: '常办事项' })).toBeVisible();
	await expect(page.getByRole('heading', { name: '正在为您排队' })).toHaveCount(0);

	await pick();
	await page.getByRole('button', { name: '开始视频', exact: true }).click();
	await expect(page.getByRole('heading', { name: '正在为您排队' })).toBeVisible();
	await booth.expectQueued();
	// The large text stays for the whole visit.
	expect(await fontSize(page, booth.queuePosition)).toBeGreaterThanOrEqual(24);
	await accessibleAtBothZooms(page);

	const callId = await booth.callId();
	await volunteer.api.goAvailable();
	await volunteer.api.acceptCall(callId);
	await expect(booth.callStatus).toHaveText(/已接通/, { timeout: 15_000 });
	await expect(booth.hangUp).toBeVisible();
	await accessibleAtBothZooms(page);

	expect((await volunteer.api.endCall(callId)).status()).toBe(200);
	await expect(booth.ratingHeading).toBeVisible({ timeout: 15_000 });
	await booth.rating('满意').check();
	await accessibleAtBothZooms(page);
	await booth.submitRating();
	await expect(booth.thanks).toBeVisible();
	await accessibleAtBothZooms(page);

	// The next person starts with the usual screen.
	await booth.backToStart();
	await expect(page.getByRole('heading', { name: '常办事项' })).toBeVisible({ timeout: 15_000 });
	await expect(buttons).toHaveCount(usual);
	await expect(booth.search).toBeVisible();
});

test('booth: 粤语 switches the screen to written Cantonese (繁體) for the whole call', async ({
	booth,
	agents,
	matter,
	page
}) => {
	test.setTimeout(120_000);
	const seat = await agents.create({ matters: [matter], languages: ['zh', 'yue'] });
	await page.setViewportSize(DESKTOP);
	await booth.openAtStart();
	await booth.chooseLanguage('粤语');
	await expect(page.getByRole('heading', { name: '常辦事項' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-HK');
	await expect(page.getByRole('button', { name: '我 50 歲以上 / 需要幫助' })).toBeVisible();
	await expect(page.getByRole('button', { name: '我使用手語' })).toBeVisible();
	await expect(page.getByRole('searchbox', { name: '搜索事項' })).toBeVisible();
	// Matter names are the catalogue's Chinese names (not the English ones), written in 繁體.
	const hk = '內資有限責任公司設立登記';
	expect(matter.name).toBe('内资有限责任公司设立登记');
	await expect(booth.popularMatters.getByRole('button', { name: hk })).toBeVisible();
	await accessibleAtBothZooms(page);

	await booth.popularMatters.getByRole('button', { name: hk }).click();
	await expect(booth.confirmation).toContainText('開始視頻連線？');
	await booth.confirm();
	await expect(page.getByRole('heading', { name: '正在為你排隊' })).toBeVisible();
	await expect(booth.queuePosition).toContainText('你排在第 1 位');
	await accessibleAtBothZooms(page);

	const callId = await booth.callId();
	await seat.api.goAvailable();
	await seat.api.acceptCall(callId);
	await expect(page.getByRole('heading', { name: '視頻通話中' })).toBeVisible({ timeout: 15_000 });
	await expect(page.getByRole('button', { name: /掛斷/ })).toBeVisible();
	await accessibleAtBothZooms(page);

	expect((await seat.api.endCall(callId)).status()).toBe(200);
	await expect(page.getByRole('heading', { name: '請為本次服務評價' })).toBeVisible({
		timeout: 15_000
	});
	await page.getByRole('radio', { name: '非常滿意', exact: true }).check();
	await accessibleAtBothZooms(page);
	await page.getByRole('button', { name: '提交評價' }).click();
	await expect(page.getByText('多謝你使用雲窗口服務。')).toBeVisible();
	await accessibleAtBothZooms(page);

	// The next person starts in 普通话.
	await page.getByRole('button', { name: '返回首頁' }).click();
	await booth.expectStartScreen();
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

test('phone: the 50+ layout in Cantonese, from the start to waiting, at 100 % and 200 %', async ({
	mobile,
	page
}) => {
	await page.setViewportSize(DESKTOP);
	await mobile.open();
	await mobile.expectStartScreen();
	await page.getByRole('button', { name: '粤语' }).click();
	await page.getByRole('button', { name: '我 50 歲以上 / 需要幫助' }).click();
	await expect(page.getByTestId('elderly-on')).toContainText('已為你換成大字');
	await expect(mobile.popularMatters.getByRole('button')).toHaveCount(4);
	await accessibleAtBothZooms(page);

	// A tax matter no agent of this run serves: the call stays in the queue.
	await page.getByRole('button', { name: '冇要辦的？搜索其他事項' }).click();
	await page.getByRole('searchbox', { name: '搜索事項' }).fill('出租屋综合税');
	await mobile.results.getByRole('button').first().click();
	await expect(mobile.confirmation).toContainText('開始視頻辦事嗎？');
	await accessibleAtBothZooms(page);
	await page.getByRole('button', { name: '開始視頻', exact: true }).click();
	await expect(page.getByRole('heading', { name: '正在為你排隊' })).toBeVisible();
	await accessibleAtBothZooms(page);

	await page.getByRole('button', { name: '取消排隊', exact: true }).click();
	await expect(mobile.confirmation).toContainText('取消排隊？');
	await accessibleAtBothZooms(page);
	await page.getByTestId('caller-confirm-yes').click();
	await expect(page.getByRole('heading', { name: '常辦事項' })).toBeVisible();
});

test('booth: the out-of-hours screen says when it opens, accessible at 100 % and 200 %', async ({
	booth,
	page,
	schedulerApi
}) => {
	const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
	try {
		const holiday = await schedulerApi.put(`/api/v1/schedule/exceptions/${today}`, {
			data: { kind: 'holiday' }
		});
		expect(holiday.status()).toBe(200);
		await page.setViewportSize(DESKTOP);
		await booth.open();
		await expect(booth.closed).toBeVisible({ timeout: 15_000 });
		await accessibleAtBothZooms(page);
	} finally {
		await schedulerApi.delete(`/api/v1/schedule/exceptions/${today}`);
	}
});
