import { seriousViolations } from './a11y';
import { expect, test } from './fixtures';

test.use({ matterName: '公租房申请' });

test('the supervisor finds a break they set and a call offered to that agent in the audit trail, and exports it', async ({
	supervisorPage: page,
	agents,
	callers,
	matter
}) => {
	const agent = await agents.create({ matters: [matter] });
	await agent.api.goAvailable();
	const set = await page.request.put(`/api/v1/supervisor/agents/${agent.account.id}/state`, {
		data: { state: 'break', reason: '临时培训' }
	});
	expect(set.status(), await set.text()).toBe(200);
	await agent.api.goAvailable();
	const call = await callers.phoneIn(matter.id);

	// one call's history: it was offered to the agent
	await page.goto(`/supervisor/audit?call=${call.callId}`);
	await expect(page.getByRole('heading', { name: '审计记录' })).toBeVisible();
	const offered = page.locator('[data-testid="audit-row"][data-action="call.offered"]');
	await expect(offered).toHaveCount(1);
	await expect(offered).toContainText('分配给坐席');
	await expect(offered).toContainText(agent.displayName);
	await expect(page.locator('[data-testid="audit-row"]').first()).toHaveAttribute(
		'data-target',
		`call:${call.callId}`
	);

	// the caller gives up and the agent signs off: the agent's history stops growing, so the
	// page and its CSV read the same rows
	await call.leave();
	await agent.api.signOff();

	// one person: the supervisor's action and the state changes it made
	await page.goto('/supervisor/audit');
	await page
		.getByLabel('人员')
		.selectOption({ label: `${agent.displayName} (${agent.account.username})` });
	await page.getByRole('button', { name: '查询' }).click();
	await expect(page).toHaveURL(new RegExp(`person=${agent.account.id}`));
	const action = page.locator('[data-testid="audit-row"][data-action="supervisor.agent_state"]');
	await expect(action).toHaveCount(1);
	await expect(action).toContainText('值班长设置坐席状态');
	await expect(action).toContainText('临时培训');
	const states = page.locator('[data-testid="audit-row"][data-action="agent.state"]');
	await expect(states.filter({ hasText: '小休' })).toHaveCount(1);
	await expect(page.locator('[data-testid="audit-row"][data-action="call.offered"]')).toHaveCount(
		1
	);
	const shown = await page.locator('[data-testid="audit-row"]').count();
	expect(await seriousViolations(page)).toEqual([]);
	await page.screenshot({ path: 'test-results/supervisor-audit.png', fullPage: true });

	// the CSV of the same filter: a header and the same rows
	const href = await page.getByRole('link', { name: '导出 CSV' }).getAttribute('href');
	const csv = await page.request.get(href!);
	expect(csv.status()).toBe(200);
	expect(csv.headers()['content-type']).toContain('text/csv');
	const text = await csv.text();
	expect(text.startsWith('\uFEFFat,local_time,kind,actor_kind')).toBe(true);
	expect(text.trimEnd().split('\r\n')).toHaveLength(shown + 1);
	expect(text).toContain('临时培训');

	// nothing matches: the page says so
	await page.goto('/supervisor/audit?call=no-such-call');
	await expect(page.getByText('没有符合条件的记录')).toBeVisible();
});

test('the audit trail pages with load more, and reads in English', async ({
	supervisorPage: page,
	agents
}) => {
	const agent = await agents.create({});
	await agent.api.goAvailable();
	const set = await page.request.put(`/api/v1/supervisor/agents/${agent.account.id}/state`, {
		data: { state: 'break', reason: '午间轮换' }
	});
	expect(set.status(), await set.text()).toBe(200);

	await page.goto(`/supervisor/audit?person=${agent.account.id}&limit=2`);
	const rows = page.getByTestId('audit-row');
	await expect(rows).toHaveCount(2);
	const first = await rows.allInnerTexts();
	await page.getByRole('button', { name: '加载更多' }).click();
	await expect(rows).toHaveCount(4);
	expect((await rows.allInnerTexts()).slice(0, 2)).toEqual(first);
	await page.getByRole('button', { name: '加载更多' }).click();
	await expect(page.getByText('已到最早一条')).toBeVisible();
	// created, signed in, available, the supervisor's action, break: oldest last
	await expect(rows.last()).toHaveAttribute('data-action', 'agent.create');
	await expect(rows).toHaveCount(5);

	await page
		.context()
		.addCookies([{ name: 'cw_locale', value: 'en', url: new URL(page.url()).origin }]);
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Audit trail' })).toBeVisible();
	await expect(page.getByRole('columnheader', { name: 'By' })).toBeVisible();
	await expect(
		page.locator('[data-testid="audit-row"][data-action="supervisor.agent_state"]')
	).toContainText("Supervisor set an agent's state");
	await page.screenshot({ path: 'test-results/supervisor-audit-en.png', fullPage: true });
	await page.context().clearCookies({ name: 'cw_locale' });
});
