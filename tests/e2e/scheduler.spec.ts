import type { Page } from '@playwright/test';
import { seriousViolations } from './a11y';
import { expect, test } from './fixtures';
import { gotoReady } from './pages/ready';

test.use({ matterName: '内资有限责任公司设立登记' });

const MATTERS = ['内资有限责任公司设立登记', '个体工商户设立登记', '食品经营许可'];

/** The next Saturday (Asia/Shanghai) at least a day away. */
function nextSaturday(): string {
	let t = Date.now() + 8 * 3600_000 + 86_400_000;
	while (new Date(t).getUTCDay() !== 6) t += 86_400_000;
	return new Date(t).toISOString().slice(0, 10);
}

async function noSeriousFindings(page: Page) {
	expect(await seriousViolations(page)).toEqual([]);
}

async function pickMatter(page: Page, name: string) {
	await page.getByTestId('matter-search').fill(name);
	await page.getByTestId('matter-results').getByRole('button', { name, exact: true }).click();
}

test('a scheduler sets a Saturday session for three matters, rosters two seats, adds a holiday and a make-up day, and previews', async ({
	schedulerPage: page,
	agents,
	matter
}) => {
	const seatA = await agents.create({ matters: [matter] });
	const seatB = await agents.create({ matters: [matter] });
	const saturday = nextSaturday();
	const name = `周六下午延时服务 ${Date.now().toString(36)}`;

	// A Saturday afternoon session.
	await gotoReady(page, '/schedule/sessions');
	await noSeriousFindings(page);
	await page.getByTestId('new-session-name').fill(name);
	await page.getByTestId('new-session-weekday').selectOption('6');
	await page.getByTestId('new-session-hours').fill('14:00-16:00');
	await page.getByTestId('new-session-create').click();
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });

	// Three matters, chosen by search.
	for (const m of MATTERS) await pickMatter(page, m);
	await expect(page.getByTestId('session-matters').locator('li')).toHaveCount(3);
	await page.getByTestId('session-save').click();
	await expect(page.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
	await page.reload();
	await expect(page.getByTestId('session-matters').locator('li')).toHaveCount(3);
	await noSeriousFindings(page);

	// Two seats rostered for the coming Saturday.
	await page.getByTestId(`roster-edit-${saturday}`).click();
	await page.getByRole('checkbox', { name: new RegExp(seatA.account.username) }).check();
	await page.getByRole('checkbox', { name: new RegExp(seatB.account.username) }).check();
	await page.getByTestId('roster-save').click();
	const row = page.getByTestId(`roster-${saturday}`);
	await expect(row).toContainText(seatA.account.displayName!);
	await expect(row).toContainText(seatB.account.displayName!);
	// The seat sees its roster on the desk.
	const desk = await seatA.openDesk();
	await expect(desk.page.getByTestId('my-roster')).toContainText(saturday);
	await expect(desk.page.getByTestId('my-roster')).toContainText(name);
	expect(await seriousViolations(desk.page)).toEqual([]);

	// A public holiday and a make-up working Sunday that works as a Friday.
	await gotoReady(page, '/schedule/calendar');
	await page.getByTestId('ex-date').fill('2027-05-03');
	await page.getByTestId('ex-kind').selectOption('holiday');
	await page.getByTestId('ex-note').fill('劳动节');
	await page.getByTestId('ex-save').click();
	await expect(page.getByTestId('ex-2027-05-03')).toContainText('节假日');
	await page.getByTestId('ex-date').fill('2027-05-09');
	await page.getByTestId('ex-kind').selectOption('workday');
	await page.getByTestId('ex-weekday').selectOption('5');
	await page.getByTestId('ex-note').fill('劳动节调休');
	await page.getByTestId('ex-save').click();
	await expect(page.getByTestId('ex-2027-05-09')).toContainText('按周五时间');
	await noSeriousFindings(page);

	// The preview: open in the session with its two seats; closed after it; closed on the holiday.
	await gotoReady(page, '/schedule');
	await pickMatter(page, MATTERS[1]!);
	await expect(page.getByTestId('preview-matter')).toHaveText(MATTERS[1]!);
	await page.getByTestId('preview-at').fill(`${saturday}T14:30`);
	await page.getByTestId('preview-run').click();
	const result = page.getByTestId('preview-result');
	await expect(page.getByTestId('preview-open')).toHaveText('开放中');
	await expect(result).toContainText(name);
	await expect(page.getByTestId('preview-seats')).toContainText(seatA.account.displayName!);
	await expect(page.getByTestId('preview-seats')).toContainText(seatB.account.displayName!);
	await page.getByTestId('preview-at').fill(`${saturday}T16:30`);
	await page.getByTestId('preview-run').click();
	await expect(page.getByTestId('preview-open')).toHaveText('未开放');
	await expect(result).toContainText('下次开放');
	await expect(result).toContainText('向来电者提供预约');
	await page.getByTestId('preview-at').fill('2027-05-03T10:00');
	await page.getByTestId('preview-run').click();
	await expect(page.getByTestId('preview-open')).toHaveText('未开放');
	await expect(result).toContainText('2027-05-04 09:00');
	// The make-up Sunday works as a Friday.
	await page.getByTestId('preview-at').fill('2027-05-09T10:00');
	await page.getByTestId('preview-run').click();
	await expect(page.getByTestId('preview-open')).toHaveText('开放中');
	// The month calendar shows the session on that Saturday with its two seats.
	await expect(page.locator(`td[data-date="${saturday}"]`)).toContainText(name);
	await expect(page.locator(`td[data-date="${saturday}"]`)).toContainText('2 名坐席');
	await noSeriousFindings(page);
	await gotoReady(page, '/schedule/schedules');
	await noSeriousFindings(page);

	// Clean up, each deletion confirmed first.
	await gotoReady(page, '/schedule/calendar');
	for (const d of ['2027-05-03', '2027-05-09']) {
		await page.getByTestId(`ex-delete-${d}`).click();
		await page.getByTestId(`ex-delete-${d}-yes`).click();
		await expect(page.getByTestId(`ex-${d}`)).toHaveCount(0);
	}
	await gotoReady(page, '/schedule/sessions');
	await page.getByRole('link', { name: new RegExp(name) }).click();
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	// Taking a seat off the roster asks first: declined, nothing changes; accepted, it is gone.
	const roster = page.getByTestId(`roster-${saturday}`);
	await page.getByTestId(`roster-edit-${saturday}`).click();
	await page.getByRole('checkbox', { name: new RegExp(seatB.account.username) }).uncheck();
	page.once('dialog', (d) => void d.dismiss());
	await page.getByTestId('roster-save').click();
	await expect(roster).toContainText(seatB.account.displayName!);
	page.once('dialog', (d) => void d.accept());
	await page.getByTestId('roster-save').click();
	await expect(roster).not.toContainText(seatB.account.displayName!);
	await expect(roster).toContainText(seatA.account.displayName!);

	await page.getByTestId('session-delete').click();
	await expect(page.getByRole('alertdialog')).toBeVisible();
	await page.getByTestId('session-delete-yes').click();
	await expect(page).toHaveURL(/\/schedule\/sessions$/);
	await expect(page.getByText(name)).toHaveCount(0);
});

test('two people edit one session at once: the second is told, keeps what they typed, and can re-apply it', async ({
	schedulerPage: first,
	adminPage: second
}) => {
	const name = `周日延时 ${Date.now().toString(36)}`;
	await gotoReady(first, '/schedule/sessions');
	await first.getByTestId('new-session-name').fill(name);
	await first.getByTestId('new-session-weekday').selectOption('0');
	await first.getByTestId('new-session-hours').fill('09:00-12:00');
	await first.getByTestId('new-session-create').click();
	await expect(first.getByRole('heading', { level: 1, name })).toBeVisible();
	const url = first.url();
	await first.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	await gotoReady(second, url);

	await first.getByTestId('session-hours').fill('09:00-11:00');
	await first.getByTestId('session-save').click();
	await expect(first.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();

	await second.getByTestId('session-hours').fill('14:00-16:00');
	await second.getByTestId('session-save').click();
	await expect(second.getByTestId('conflict')).toBeVisible();
	await expect(second.getByTestId('session-hours')).toHaveValue('14:00-16:00');
	expect(await seriousViolations(second)).toEqual([]);
	await second.getByTestId('conflict-reload').click();
	await expect(second.getByTestId('session-hours')).toHaveValue('14:00-16:00');
	await second.getByTestId('session-save').click();
	await expect(second.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
	await first.reload();
	await expect(first.getByTestId('session-hours')).toHaveValue('14:00-16:00');

	await second.getByTestId('session-delete').click();
	await second.getByTestId('session-delete-yes').click();
	await expect(second).toHaveURL(/\/schedule\/sessions$/);
});

test('a scheduler rosters a Japanese seat for the foreign-language hours, and sets a matter group’s places per slot at once', async ({
	schedulerPage: page,
	agents,
	matter
}) => {
	const seat = await agents.create({ matters: [matter], languages: ['zh', 'ja'] });
	// The seed's 外语坐席 schedule (Japanese, weekdays): its roster is one link away.
	await gotoReady(page, '/schedule/schedules');
	await page.locator('[data-testid^="language-roster-"]').first().click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('语种坐席排班');
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	await noSeriousFindings(page);
	const first = page.locator('[data-testid^="roster-edit-"]').first();
	const date = (await first.getAttribute('data-testid'))!.replace('roster-edit-', '');
	await first.click();
	await page.getByRole('checkbox', { name: new RegExp(seat.account.username) }).check();
	await page.getByTestId('roster-save').click();
	await expect(page.getByTestId(`roster-${date}`)).toContainText(seat.account.displayName!);
	const desk = await seat.openDesk();
	await expect(desk.page.getByTestId('my-roster')).toContainText(date);
	await expect(desk.page.getByTestId('my-roster')).toContainText('外语坐席');

	// Places per slot for the matter's group in regular hours, at once; then back to computed.
	await gotoReady(page, `/schedule/bookings?departmentId=${matter.departmentId}&days=7`);
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	await noSeriousFindings(page);
	const regular = page.getByTestId('rule-regular');
	await regular.getByRole('spinbutton').fill('7');
	await regular.getByRole('button', { name: '保存' }).click();
	await expect(page.getByRole('status').filter({ hasText: '常规服务时间' })).toBeVisible();
	const slot = page.locator('[data-testid^="slot-"]').first();
	await expect(slot.getByRole('spinbutton')).toHaveValue('7');
	await expect(slot).toContainText('按时段设置');
	await regular.getByRole('button', { name: '恢复计算值' }).click();
	await expect(page.getByRole('status').filter({ hasText: '已恢复按计算值' })).toBeVisible();
	await expect(slot).not.toContainText('按时段设置');
});
