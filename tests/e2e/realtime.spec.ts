import { uniqueSuffix } from './api/session';
import { expect, test } from './fixtures';
import { gotoLive } from './pages/live';

test('the supervisor wall shows a newly registered booth without a reload (SSE through Redis)', async ({
	supervisorPage: page,
	adminApi
}) => {
	await gotoLive(page, '/supervisor');
	const count = page.getByTestId('booth-count');
	const before = Number((await count.textContent())!.match(/\d+/)![0]);

	const name = `实时测试晓屋${uniqueSuffix().slice(0, 6)}`;
	await adminApi.createBooth({ name, town: '石楼镇', site: '商业广场' });

	await expect(page.getByRole('cell', { name })).toBeVisible();
	await expect(count).toContainText(String(before + 1));
});

test('the event stream needs a login', async ({ request }) => {
	const res = await request.get('/api/v1/events');
	expect(res.status()).toBe(401);
	expect((await res.json()).error.code).toBe('unauthorized');
});
