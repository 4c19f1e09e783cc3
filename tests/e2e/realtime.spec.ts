import { expect, test } from '@playwright/test';
import { loginAs } from './fixtures';

test('the supervisor wall shows a newly registered booth without a reload (SSE through Redis)', async ({
	page,
	browser
}) => {
	await loginAs(page, 'super01');
	const count = page.getByTestId('booth-count');
	const before = Number((await count.textContent())!.match(/\d+/)![0]);

	const admin = await browser.newPage();
	await loginAs(admin, 'demoadmin');
	const res = await admin.request.post('/api/v1/admin/booths', {
		data: { name: '实时测试晓屋', town: '石楼镇', site: '商业广场' }
	});
	expect(res.status()).toBe(201);
	await admin.close();

	await expect(page.getByRole('cell', { name: '实时测试晓屋' })).toBeVisible();
	await expect(count).toContainText(String(before + 1));
});

test('the event stream needs a login', async ({ request }) => {
	const res = await request.get('/api/v1/events');
	expect(res.status()).toBe(401);
	expect((await res.json()).error.code).toBe('unauthorized');
});
