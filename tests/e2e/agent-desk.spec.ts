import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { loginAs } from './fixtures';

/** A matter of the first department (市场监管: agent01 and agent15 both serve it). */
async function marketMatter(request: APIRequestContext) {
	const res = await request.get('/api/v1/matters?departmentId=1&limit=1');
	const m = (await res.json()).matters[0] as { id: number; name: string; departmentName: string };
	expect(m).toBeTruthy();
	return m;
}

/** A caller on the mobile page joins the queue. */
async function newCall(request: APIRequestContext, matterId: number, extra = {}) {
	const res = await request.post('/api/v1/calls', {
		data: { channel: 'mobile', matterId, language: 'zh', ...extra }
	});
	expect(res.status()).toBe(201);
	return (await res.json()) as { callId: string; callerToken: string };
}

async function callStatus(request: APIRequestContext, c: { callId: string; callerToken: string }) {
	const res = await request.get(`/api/v1/calls/${c.callId}`, {
		headers: { authorization: `Bearer ${c.callerToken}` }
	});
	return (await res.json()).status as string;
}

async function deskOf(browser: Browser, username: string): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await loginAs(page, username);
	await page.goto('/agent');
	return page;
}

async function goAvailable(page: Page) {
	await page.getByTestId('go-available').click();
	await expect(page.getByTestId('agent-state')).toHaveAttribute('data-state', 'available');
}

/**
 * agent01 and agent15 (both serve the market matters) sign in; only agent01 is available, and a
 * new call rings there.
 */
async function ringingAtAgent01(browser: Browser, request: APIRequestContext) {
	const matter = await marketMatter(request);
	const first = await deskOf(browser, 'agent01');
	const second = await deskOf(browser, 'agent15');
	opened.push(first, second);
	await goAvailable(first);
	const call = await newCall(request, matter.id);
	calls.push(call);
	await expect(first.getByTestId('offer-card')).toBeVisible();
	return { matter, first, second, call };
}

const opened: Page[] = [];
const calls: { callId: string; callerToken: string }[] = [];

test.afterEach(async ({ request }) => {
	for (const c of calls.splice(0))
		await request.delete(`/api/v1/calls/${c.callId}`, {
			headers: { authorization: `Bearer ${c.callerToken}` }
		});
	for (const p of opened.splice(0)) {
		await p.request.put('/api/v1/agent/state', { data: { state: 'offline' } });
		await p.context().close();
	}
});

test('an agent takes a call from ring to wrap-up, and it is in "my calls"', async ({
	browser,
	request
}) => {
	test.setTimeout(90_000);
	const matter = await marketMatter(request);
	const page = await deskOf(browser, 'agent01');
	opened.push(page);
	await goAvailable(page);
	// The state lives on the server: a reload keeps it.
	await page.reload();
	await expect(page.getByTestId('agent-state')).toHaveAttribute('data-state', 'available');

	const call = await newCall(request, matter.id, { elderly: true, priorityLane: 'urgent' });
	calls.push(call);

	const card = page.getByTestId('offer-card');
	await expect(card).toBeVisible();
	await expect(card.getByTestId('offer-matter')).toContainText(matter.name);
	await expect(card.getByTestId('offer-matter')).toContainText(matter.departmentName);
	await expect(card.getByTestId('offer-channel')).toHaveText('手机端');
	await expect(card.getByTestId('offer-language')).toHaveText('普通话');
	await expect(card.getByTestId('offer-flags')).toContainText('长者');
	await expect(card.getByTestId('offer-flags')).toContainText('急事急办');
	await expect(card.getByTestId('offer-countdown')).toContainText('秒');

	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(new RegExp(`/agent/call/${call.callId}`));
	await expect(page.getByTestId('call-status')).toHaveAttribute('data-status', 'connected');
	await expect(page.getByTestId('agent-state')).toHaveAttribute('data-state', 'busy');
	// No LiveKit here: the call goes on without video, and the agent is told so.
	await expect(page.getByTestId('call-video-unavailable')).toBeVisible({ timeout: 30_000 });
	expect(await callStatus(request, call)).toBe('connected');

	await page.getByTestId('call-notes').fill('市民咨询设立登记所需材料');
	await expect(page.getByTestId('notes-status')).toHaveText('已保存');

	await page.getByTestId('end-call').click();
	const form = page.getByTestId('wrap-up-form');
	await expect(form).toBeVisible();
	await expect(form.getByRole('textbox', { name: '备注' })).toHaveValue('市民咨询设立登记所需材料');
	// Mailing without an address is refused before anything is sent.
	await form.getByTestId('mail-results').check();
	await form.getByRole('radio', { name: '办结' }).check();
	await form.getByTestId('wrap-up-submit').click();
	await expect(form.getByRole('alert')).toHaveText('勾选包邮时必须填写邮寄地址');
	await form.getByRole('textbox', { name: '邮寄地址' }).fill('番禺区市桥街道平康路 1 号');
	await form.getByTestId('wrap-up-submit').click();

	await expect(page).toHaveURL(/\/agent$/);
	await expect(page.getByTestId('agent-state')).toHaveAttribute('data-state', 'available');
	expect(await callStatus(request, call)).toBe('ended');
	const row = page.locator(`[data-testid="today-calls"] tr[data-call-id="${call.callId}"]`);
	await expect(row).toContainText(matter.name);
	await expect(row).toContainText('办结');
	await expect(row).toContainText('未评价');
	await expect(page.getByTestId('handled-today')).not.toHaveText('0');
});

test('an offer left to ring out goes to another agent; Esc declines it', async ({
	browser,
	request
}) => {
	test.setTimeout(90_000);
	const { matter, first, second, call } = await ringingAtAgent01(browser, request);
	// The colleague comes in only now, so the first offer is agent01's alone.
	await goAvailable(second);

	// Nobody answers on agent01: the offer expires there and rings at agent15.
	await expect(second.getByTestId('offer-card')).toBeVisible({ timeout: 30_000 });
	await expect(first.getByTestId('offer-card')).toBeHidden();
	await expect(second.getByTestId('offer-matter')).toContainText(matter.name);

	await second.keyboard.press('Escape');
	await expect(second.getByTestId('offer-card')).toBeHidden();
	// Available again (or on a "not responding" break after repeated misses: the routing rule).
	await expect(second.getByTestId('agent-state')).toHaveAttribute(
		'data-state',
		/^(available|break)$/
	);
	// Both agents had their turn: the caller waits in the queue again.
	await expect.poll(() => callStatus(request, call)).toBe('queued');
});

test('a sign-language seat joins a call as interpreter while the caller stays connected', async ({
	browser,
	request
}) => {
	test.setTimeout(90_000);
	const matter = await marketMatter(request);
	const agent = await deskOf(browser, 'agent01');
	const signer = await deskOf(browser, 'agent05');
	opened.push(agent, signer);
	await goAvailable(agent);
	const call = await newCall(request, matter.id);
	calls.push(call);
	await agent.getByTestId('offer-accept').click();
	await expect(agent.getByTestId('call-status')).toHaveAttribute('data-status', 'connected');

	// No sign-language seat is free yet: the agent is told so plainly.
	await agent.getByTestId('add-interpreter').click();
	await expect(agent.getByRole('alert')).toHaveText('目前没有空闲的手语坐席，请稍后再试');

	await goAvailable(signer);
	await agent.getByTestId('add-interpreter').click();
	await expect(signer.getByTestId('offer-card')).toContainText('手语翻译邀请');
	await signer.getByTestId('offer-accept').click();
	await expect(signer).toHaveURL(new RegExp(`/agent/call/${call.callId}`));
	await expect(signer.getByText('您正在为本通话提供手语翻译')).toBeVisible();
	await expect(agent.getByTestId('call-status')).toContainText('已加入');
	expect(await callStatus(request, call)).toBe('connected');

	// Ending the call frees the interpreter as well.
	await agent.getByTestId('end-call').click();
	await expect(signer.getByTestId('agent-state')).toHaveAttribute('data-state', 'available');
	await agent.getByTestId('wrap-up-form').getByRole('radio', { name: '咨询解答' }).check();
	await agent.getByTestId('wrap-up-submit').click();
	await expect(agent).toHaveURL(/\/agent$/);
	expect(await callStatus(request, call)).toBe('ended');
});

test('an agent hands a call to a named colleague, who takes it over', async ({
	browser,
	request
}) => {
	test.setTimeout(90_000);
	const { matter, first, second, call } = await ringingAtAgent01(browser, request);
	await first.keyboard.press('Enter');
	await expect(first.getByTestId('call-status')).toHaveAttribute('data-status', 'connected');
	// The colleague is free only now, so the call was agent01's alone until the transfer.
	await goAvailable(second);

	await first.getByRole('button', { name: '转接', exact: true }).click();
	await first.getByRole('radio', { name: '指定空闲坐席' }).check();
	const pick = first.getByRole('combobox', { name: '选择坐席' });
	await expect(pick.locator('option')).toHaveCount(2);
	await pick.selectOption({ index: 1 });
	await first.getByRole('button', { name: '确认转接' }).click();

	// agent01 is free again; the call rings at agent15 and the caller never left.
	await expect(first).toHaveURL(/\/agent$/);
	await expect(first.getByTestId('agent-state')).toHaveAttribute('data-state', 'available');
	const card = second.getByTestId('offer-card');
	await expect(card).toBeVisible();
	await expect(card.getByTestId('offer-matter')).toContainText(matter.name);
	await expect(first.getByTestId('offer-card')).toBeHidden();
	expect(await callStatus(request, call)).toBe('offered');
	await second.keyboard.press('Enter');
	await expect(second).toHaveURL(new RegExp(`/agent/call/${call.callId}`));
	await expect(second.getByTestId('call-status')).toHaveAttribute('data-status', 'connected');
	expect(await callStatus(request, call)).toBe('connected');
});
