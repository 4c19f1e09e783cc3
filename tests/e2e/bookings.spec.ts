import { seriousViolations } from './a11y';
import { expect, test } from './fixtures';
import { gotoReady } from './pages/ready';

// A matter no other spec uses: its slots and places are this file's alone.
const MATTER = '道路运输经营补办';

test('a mobile caller books a free slot, sees it, checks in at the slot and queues in the appointment lane', async ({
	page,
	adminApi,
	schedulerPage,
	catalogue
}) => {
	test.setTimeout(90_000);
	const matter = await catalogue.matter(MATTER);
	// The console runs every hour here: the first slot is the current half hour. Nobody serves
	// the matter, so a scheduler gives that slot and the next places.
	const slots = (await (
		await page.request.get(`/api/v1/bookings/slots?matterId=${matter.id}&days=1`)
	).json()) as { slots: { start: string; end: string }[] };
	for (const s of slots.slots.slice(0, 2)) {
		const res = await adminApi.api.put('/api/v1/schedule/bookings/capacity', {
			data: { departmentId: matter.departmentId, slotStart: s.start, capacity: 3 }
		});
		expect(res.status(), await res.text()).toBe(200);
	}

	await gotoReady(page, '/m');
	await page.getByRole('link', { name: '预约办理' }).click();
	await expect(page.getByRole('heading', { level: 1, name: '预约办理' })).toBeVisible();
	await expect(page.getByText('暂无预约')).toBeVisible();
	await page.getByRole('searchbox', { name: '搜索事项' }).fill(MATTER);
	await page.getByTestId('caller-results').getByRole('button', { name: MATTER }).click();
	await expect(page.getByRole('heading', { name: `${MATTER} 的可预约时段` })).toBeVisible();
	const first = slots.slots[0]!;
	const label = `${first.start.slice(0, 10)} ${first.start.slice(11, 16)}–${first.end.slice(11, 16)}`;
	const slot = page.getByRole('button', { name: `预约 ${label}` });
	await expect(slot).toContainText('余 3 个名额');
	expect(await seriousViolations(page)).toEqual([]);
	await slot.click();

	const mine = page.getByTestId('my-booking');
	await expect(mine).toHaveCount(1);
	await expect(mine).toContainText(MATTER);
	await expect(mine).toContainText('已预约');
	await expect(mine.getByTestId('booking-code')).toHaveText(/^[2-9A-Z]{8}$/);
	await expect(slot).toContainText('余 2 个名额');

	// the phone remembers its booking after a reload
	await page.reload();
	await expect(page.getByTestId('my-booking')).toContainText('已预约');

	await page.getByTestId('my-booking').getByRole('button', { name: '签到并排队' }).click();
	await expect(page).toHaveURL(/\/m$/);
	await expect(page.getByTestId('screen-heading')).toHaveText('正在为您排队');

	// the duty supervisor's wall shows the caller in the appointment lane
	const wall = (await (await adminApi.api.get('/api/v1/supervisor/wall')).json()) as {
		waiting: { matterId: number; lane: string }[];
	};
	expect(wall.waiting.filter((w) => w.matterId === matter.id).map((w) => w.lane)).toEqual([
		'appointment'
	]);

	// staff see the booking in its slot, checked in
	await gotoReady(schedulerPage, `/schedule/bookings?departmentId=${matter.departmentId}`);
	const row = schedulerPage.getByTestId(`slot-${first.start}`);
	await expect(row).toContainText('已签到');
	expect(await seriousViolations(schedulerPage)).toEqual([]);

	await page.getByRole('button', { name: '取消排队' }).click();
});

test('a booking can be cancelled after a confirmation, and its place is free again', async ({
	page,
	adminApi,
	catalogue
}) => {
	test.setTimeout(90_000);
	const matter = await catalogue.matter(MATTER);
	const slots = (await (
		await page.request.get(`/api/v1/bookings/slots?matterId=${matter.id}&days=2`)
	).json()) as { slots: { start: string; end: string }[] };
	const later = slots.slots[6]!;
	await adminApi.api.put('/api/v1/schedule/bookings/capacity', {
		data: { departmentId: matter.departmentId, slotStart: later.start, capacity: 1 }
	});
	await gotoReady(page, '/m/book');
	await page.getByRole('searchbox', { name: '搜索事项' }).fill(MATTER);
	await page.getByTestId('caller-results').getByRole('button', { name: MATTER }).click();
	await page
		.getByTestId('slot-day')
		.filter({ hasText: later.start.slice(0, 10) })
		.click();
	const label = `${later.start.slice(0, 10)} ${later.start.slice(11, 16)}–${later.end.slice(11, 16)}`;
	const slot = page.getByRole('button', { name: `预约 ${label}` });
	await slot.click();
	await expect(slot).toContainText('已约满');
	await expect(slot).toBeDisabled();
	const mine = page.getByTestId('my-booking').first();
	await expect(mine.getByRole('button', { name: '签到并排队' })).toBeDisabled();
	page.once('dialog', (d) => void d.accept());
	await mine.getByRole('button', { name: '取消预约' }).click();
	await expect(page.getByRole('status').filter({ hasText: '预约已取消' })).toBeVisible();
	await expect(mine).toContainText('已取消');
	await expect(slot).toContainText('余 1 个名额');
});

test('at a booth, a caller types the booking code and queues in the appointment lane', async ({
	booth,
	adminApi,
	catalogue
}) => {
	test.setTimeout(90_000);
	const matter = await catalogue.matter(MATTER);
	const api = booth.page.request;
	const slots = (await (
		await api.get(`/api/v1/bookings/slots?matterId=${matter.id}&days=1`)
	).json()) as { slots: { start: string }[] };
	const now = slots.slots[0]!;
	await adminApi.api.put('/api/v1/schedule/bookings/capacity', {
		data: { departmentId: matter.departmentId, slotStart: now.start, capacity: 5 }
	});
	const made = await api.post('/api/v1/bookings', {
		data: { matterId: matter.id, slotStart: now.start }
	});
	expect(made.status()).toBe(201);
	const { code } = (await made.json()) as { code: string };

	await booth.openAtStart();
	await booth.page.getByTestId('booth-booking-code').fill('WRONG234');
	await booth.page.getByRole('button', { name: '签到', exact: true }).click();
	await expect(booth.page.getByRole('alert')).toHaveText('没有这个预约码，请核对后重试');
	await booth.page.getByTestId('booth-booking-code').fill(code.toLowerCase());
	await booth.page.getByRole('button', { name: '签到', exact: true }).click();
	await expect(booth.page.getByTestId('screen-heading')).toHaveText('正在为您排队');
	const wall = (await (await adminApi.api.get('/api/v1/supervisor/wall')).json()) as {
		waiting: { matterId: number; lane: string; channel: string }[];
	};
	expect(
		wall.waiting.filter((w) => w.matterId === matter.id).map((w) => [w.channel, w.lane])
	).toContainEqual(['booth', 'appointment']);
	await booth.cancelWaiting();
	await booth.expectStartScreen();
	// the next person at the booth sees no code and no booking
	await expect(booth.page.getByTestId('booth-booking-code')).toHaveValue('');
});
