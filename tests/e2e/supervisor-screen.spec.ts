import { expect, test } from './fixtures';
import { LoginPage } from './pages/login-page';

test.use({ matterName: '养犬登记' });

test('the hall screen shows the figures and charts without controls, and recovers after a reload and a network drop', async ({
	supervisorPage: page,
	agents,
	callers,
	matter
}) => {
	test.setTimeout(90_000);
	await page.setViewportSize({ width: 1920, height: 1080 });
	// A Korean seat for the matter, still offline: the caller waits for it.
	const seat = await agents.create({ matters: [matter], languages: ['ko'] });

	// Keeps the page's event streams reachable, to cut them as a network drop would.
	await page.addInitScript(() => {
		const Native = window.EventSource;
		const open: EventSource[] = [];
		(window as unknown as { cutStreams: () => void }).cutStreams = () => {
			for (const es of open.splice(0)) {
				es.close();
				es.onerror?.(new Event('error'));
			}
		};
		window.EventSource = class extends Native {
			constructor(url: string | URL, init?: EventSourceInit) {
				super(url, init);
				open.push(this);
			}
		};
	});
	await page.goto('/supervisor/screen');
	await expect(page.getByRole('heading', { name: '监控大屏 · 大厅' })).toBeVisible();
	const waiting = page.getByTestId('screen-waiting');
	const before = Number(await waiting.textContent());
	await expect(page.getByTestId('screen-service-level')).toBeVisible();
	await expect(page.getByTestId('screen-agents')).toHaveText(/^\d+ \/ \d+$/);
	for (const chart of ['chart-calls', 'chart-service-level', 'chart-waiting'])
		await expect(page.getByTestId(chart).locator('svg')).toBeVisible();
	// Nothing to press on the hall's screen.
	await expect(page.locator('button, a, input, select, textarea, summary')).toHaveCount(0);

	const call = await callers.phoneIn(matter.id, { language: 'ko' });
	await expect(waiting).toHaveText(String(before + 1));
	await expect(page.getByTestId('screen-answered')).toContainText('今日接通');
	// The charts' tables say the same as the charts: a call waits now.
	await expect(page.getByTestId('table-waiting').locator('tbody tr').last()).toContainText(
		String(before + 1)
	);
	await page.screenshot({ path: test.info().outputPath('screen.png') });

	await page.reload();
	await expect(waiting).toHaveText(String(before + 1));
	await expect(page.getByTestId('chart-calls').locator('svg')).toBeVisible();

	// The network drops: a discreet marker, then the screen catches up on its own.
	await page.route('**/api/v1/**', (route) => route.abort('internetdisconnected'));
	await page.evaluate(() => (window as unknown as { cutStreams: () => void }).cutStreams());
	await expect(page.getByTestId('screen-reconnecting')).toBeVisible({ timeout: 20_000 });
	await seat.api.goAvailable();
	await seat.api.acceptCall(call.callId);
	await page.unroute('**/api/v1/**');
	await expect(page.getByTestId('screen-reconnecting')).toHaveCount(0, { timeout: 30_000 });
	await expect(waiting).toHaveText(String(before), { timeout: 15_000 });

	await seat.api.endCall(call.callId);
	await seat.api.wrapUp(call.callId);
});

test('the wall shows today’s charts with their tables and opens the hall screen', async ({
	supervisorPage: page
}) => {
	await page.goto('/supervisor');
	await expect(page.getByTestId('today-charts')).toBeVisible();
	await expect(page.getByTestId('chart-calls').locator('svg')).toBeVisible();
	await expect(page.getByTestId('table-calls').locator('tbody tr').first()).toBeAttached();
	await page.screenshot({ path: test.info().outputPath('wall.png'), fullPage: true });
	await page.getByTestId('open-screen').click();
	await expect(page).toHaveURL(/\/supervisor\/screen$/);
	await expect(page.getByTestId('screen')).toBeVisible();
});

test('the hall screen is for supervisors: a visitor logs in first, an agent is refused', async ({
	page,
	adminApi
}) => {
	await page.goto('/supervisor/screen');
	await expect(page).toHaveURL(/\/login\?next=%2Fsupervisor%2Fscreen/);
	const user = await adminApi.createStaff(['agent']);
	await new LoginPage(page).logIn(user.username, user.password);
	const res = await page.goto('/supervisor/screen');
	expect(res?.status()).toBe(403);
	await expect(page.getByTestId('screen')).toHaveCount(0);
});
