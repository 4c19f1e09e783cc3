import { devices } from '@playwright/test';
import { seriousViolations as serious } from './a11y';
import { expect, test } from './fixtures';

const PENSION = '企业职工基本养老金申领';
const HRSS = '区人力资源和社会保障局';

test('booth: pinyin, initials, a typo and traditional characters find the matter, each with its department', async ({
	booth,
	page
}) => {
	await booth.openAtStart();
	await booth.search.fill('yanglaojin');
	const pension = booth.results.getByRole('button', { name: PENSION });
	await expect(pension).toBeVisible();
	await expect(pension).toContainText(`所属部门：${HRSS}`);
	expect(await serious(page)).toEqual([]);

	await booth.search.fill('ylj');
	await expect(booth.results.getByRole('button', { name: PENSION })).toBeVisible();
	await booth.search.fill('营业只照');
	await expect(booth.results.getByRole('button').first()).toContainText('营业执照');
	await booth.search.fill('護照');
	await expect(booth.results.getByRole('button').first()).toContainText('普通护照签发');
	await booth.search.fill('火星探险');
	await expect(page.getByText('没有找到相关事项')).toBeVisible();
});

test('booth: a department pages through all of its matters by keyboard, the count honest', async ({
	booth,
	page
}) => {
	await booth.openAtStart();
	await page.getByRole('button', { name: HRSS }).click();
	const count = page.getByTestId('matter-count');
	await expect(count).toHaveText(/^第 1–30 项，共 (\d+) 项$/);
	const total = Number(/共 (\d+) 项/.exec((await count.textContent())!)![1]);
	expect(total).toBeGreaterThan(60);
	const names = new Set(await booth.results.getByRole('button').allTextContents());

	const next = page.getByTestId('matter-pager').getByRole('button', { name: '下一页' });
	await next.focus();
	const pages = Math.ceil(total / 30);
	for (let p = 2; p <= pages; p++) {
		await page.keyboard.press('Enter');
		const to = Math.min(p * 30, total);
		await expect(count).toHaveText(`第 ${(p - 1) * 30 + 1}–${to} 项，共 ${total} 项`);
		await expect(page.getByTestId('matter-pager')).toContainText(`第 ${p} / ${pages} 页`);
		for (const t of await booth.results.getByRole('button').allTextContents()) names.add(t);
	}
	// every matter of the department was shown once, and there is no page after the last
	expect(names.size).toBe(total);
	await expect(next).toBeDisabled();
	const prev = page.getByTestId('matter-pager').getByRole('button', { name: '上一页' });
	await expect(prev).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(count).toHaveText(
		`第 ${(pages - 2) * 30 + 1}–${(pages - 1) * 30} 项，共 ${total} 项`
	);
	expect(await serious(page)).toEqual([]);
});

test.describe('mobile', () => {
	test.use({ viewport: devices['Pixel 7'].viewport, hasTouch: true });

	test('mobile: the phone shares the forgiving search', async ({ mobile, page }) => {
		await mobile.open();
		await mobile.expectStartScreen();
		await mobile.search.fill('养老全');
		await expect(mobile.results.getByRole('button', { name: PENSION })).toBeVisible();
		await mobile.search.fill('shebaoka');
		await expect(mobile.results.getByRole('button').first()).toContainText('社会保障卡');
		expect(await serious(page)).toEqual([]);
	});
});
