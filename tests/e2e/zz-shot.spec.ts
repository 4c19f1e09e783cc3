import { test } from './fixtures';
import { gotoReady } from './pages/ready';
test('shot', async ({ supervisorPage: page }) => {
	await page.setViewportSize({ width: 1280, height: 900 });
	await gotoReady(page, '/reports?period=quarter');
	await page.waitForTimeout(500);
	await page.screenshot({ path: '/tmp/reports-zh.png', fullPage: true });
	await gotoReady(page, '/lang?to=en&next=%2Freports%3Fperiod%3Dmonth%26groupBy%3Dagent');
	await page.waitForTimeout(500);
	await page.screenshot({ path: '/tmp/reports-en.png', fullPage: true });
	await page.emulateMedia({ media: 'print' });
	await page.screenshot({ path: '/tmp/reports-print.png', fullPage: true });
	await gotoReady(page, '/lang?to=zh-CN&next=%2Freports');
});
