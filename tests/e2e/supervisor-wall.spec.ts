import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

test.use({ matterName: '养犬登记' });

async function serious(page: Page) {
	const r = await new AxeBuilder({ page }).analyze();
	return r.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('the supervisor watches a call arrive, wait with its reason, get answered and end, without reloading', async ({
	supervisorPage: page,
	agents,
	callers,
	matter
}) => {
	test.setTimeout(90_000);
	// A Korean seat for the matter, still offline: the caller waits for it.
	const seat = await agents.create({ matters: [matter], languages: ['ko'] });

	await page.goto('/supervisor');
	await expect(page.getByRole('heading', { name: '监控大屏' })).toBeVisible();
	await page.evaluate(() => ((window as unknown as { wallMark: number }).wallMark = 1));

	const call = await callers.phoneIn(matter.id, { language: 'ko', elderly: true });
	const row = page.locator(`[data-testid="waiting-row"][data-call-id="${call.callId}"]`);
	await expect(row).toBeVisible();
	await expect(row.getByTestId('waiting-reason')).toHaveText('没有可办理该事项的坐席在线');
	await expect(row).toContainText('长者优先');
	await expect(row).toContainText('한국어');
	// The wait ticks on the page.
	const waited = await row.locator('td').first().textContent();
	await expect(row.locator('td').first()).not.toHaveText(waited!, { timeout: 4_000 });
	await expect(page.locator('[data-queue="lang:ko"] [data-testid="queue-waiting"]')).toHaveText(
		/^[1-9]/
	);
	expect(await serious(page)).toEqual([]);

	await seat.api.goAvailable();
	await expect(row.getByTestId('waiting-reason')).toHaveText('正在向坐席振铃');
	await seat.api.acceptCall(call.callId);

	await expect(row).toHaveCount(0);
	const live = page.locator(`[data-testid="live-row"][data-call-id="${call.callId}"]`);
	await expect(live).toBeVisible();
	await expect(live).toContainText(seat.displayName);
	await expect(page.locator('[data-queue="lang:ko"] [data-testid="queue-answered"]')).toHaveText(
		/^[1-9]/
	);

	await seat.api.endCall(call.callId);
	await expect(live).toHaveCount(0);
	await seat.api.wrapUp(call.callId);
	// The same page all along: nothing reloaded it.
	expect(await page.evaluate(() => (window as unknown as { wallMark?: number }).wallMark)).toBe(1);
});
