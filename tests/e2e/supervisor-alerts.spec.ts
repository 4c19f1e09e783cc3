import { seriousViolations } from './a11y';
import { expect, test } from './fixtures';
import { gotoReady, hydrated } from './pages/ready';
import { countTones, tonesPlayed, WallAlerts } from './pages/wall-alerts';

test.use({ matterName: '内资有限责任公司设立登记' });

test('an agent who lets calls ring raises an alert with a chime; a supervisor acknowledges it and every wall shows who, without reloading', async ({
	supervisorPage: page,
	supervisorSession,
	adminPage,
	agents,
	callers,
	matter
}) => {
	test.setTimeout(90_000);
	await countTones(page);
	await gotoReady(page, '/supervisor');
	const alerts = new WallAlerts(page);
	await expect(alerts.panel).toBeVisible();
	await page.evaluate(() => ((window as unknown as { wallMark: number }).wallMark = 1));
	// the supervisor has used the page (browsers play sound only after that)
	await alerts.mute.click();
	await expect(alerts.mute).toHaveAttribute('aria-pressed', 'true');
	await alerts.mute.click();
	await expect(alerts.mute).toHaveAttribute('aria-pressed', 'false');

	// a second duty supervisor's wall, and the hall screen
	await gotoReady(adminPage, '/supervisor');
	const otherWall = new WallAlerts(adminPage);
	const screen = await adminPage.context().newPage();
	await screen.goto('/supervisor/screen');

	const seat = await agents.create({ matters: [matter] });
	await seat.api.goAvailable();
	const key = `agent:${seat.account.id}:not_responding`;
	await expect(alerts.alert(key)).toHaveCount(0);
	// two offers in a row let pass (OFFER_MAX_MISSES): the console sets the agent "not responding"
	// (the only seat for the matter: the caller rings there again at once)
	const call = await callers.phoneIn(matter.id);
	for (let i = 0; i < 2; i++) await seat.api.declineCall(call.callId);

	const alert = alerts.alert(key);
	await expect(alert).toBeVisible({ timeout: 15_000 });
	await expect(alert).toHaveAttribute('data-acknowledged', 'false');
	await expect(alert).toContainText('坐席未响应');
	await expect(alert.getByTestId('alert-text')).toContainText(seat.displayName);
	await expect(alerts.announcer).toContainText(`新告警：坐席 ${seat.displayName}`);
	await expect.poll(() => tonesPlayed(page)).toBeGreaterThan(0);
	await expect(otherWall.alert(key)).toBeVisible();
	const onScreen = screen.locator(`[data-testid="screen-open-alert"][data-key="${key}"]`);
	await expect(onScreen).toContainText(seat.displayName);
	expect(await seriousViolations(page)).toEqual([]);

	await alerts.acknowledgeByKeyboard(key);
	const me = supervisorSession.account.displayName!;
	await alerts.expectAcknowledgedBy(key, me);
	await otherWall.expectAcknowledgedBy(key, me);
	await expect(onScreen).toHaveCount(0);
	expect(await seriousViolations(page)).toEqual([]);
	// The same page all along: nothing reloaded it.
	expect(await page.evaluate(() => (window as unknown as { wallMark?: number }).wallMark)).toBe(1);

	// The agent is back: the alert is over on every wall.
	await seat.api.goAvailable();
	await expect(alert).toHaveCount(0, { timeout: 15_000 });
	await expect(otherWall.alert(key)).toHaveCount(0);
	await screen.close();
});

test('the alert sound stays muted after a reload, and a muted wall plays nothing for a new alert', async ({
	supervisorPage: page,
	agents,
	callers,
	matter
}) => {
	test.setTimeout(60_000);
	await countTones(page);
	// the mute button works once the wall is hydrated (a click before that reaches no handler)
	await gotoReady(page, '/supervisor');
	const alerts = new WallAlerts(page);
	await alerts.mute.click();
	await expect(alerts.mute).toHaveAttribute('aria-pressed', 'true');
	await page.reload();
	await hydrated(page);
	await expect(alerts.mute).toHaveAttribute('aria-pressed', 'true');
	await expect(page.getByTestId('alerts-sound-state')).toHaveText('提示音已静音');

	const seat = await agents.create({ matters: [matter] });
	await seat.api.goAvailable();
	// The only seat for the matter lets the caller pass twice (it rings there again at once).
	const caller = await callers.phoneIn(matter.id);
	for (let i = 0; i < 2; i++) await seat.api.declineCall(caller.callId);
	const key = `agent:${seat.account.id}:not_responding`;
	await expect(alerts.alert(key)).toBeVisible({ timeout: 15_000 });
	await expect(alerts.announcer).toContainText(seat.displayName);
	expect(await tonesPlayed(page)).toBe(0);
	await alerts.mute.click();
	await expect(alerts.mute).toHaveAttribute('aria-pressed', 'false');
	await seat.api.goAvailable();
	await expect(alerts.alert(key)).toHaveCount(0, { timeout: 15_000 });
});
