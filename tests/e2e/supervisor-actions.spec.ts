import { expect, test } from './fixtures';

test.use({ matterName: '公租房申请' });

test('the supervisor puts an agent on break with a reason, and the agent’s desk says who did', async ({
	supervisorPage: page,
	agents,
	matter
}) => {
	const agent = await agents.create({ matters: [matter] });
	const desk = await agent.openDesk();
	await desk.goAvailable();

	await page.goto('/supervisor');
	const row = page.locator('[data-testid="agent-row"]', { hasText: agent.displayName });
	await expect(row).toHaveAttribute('data-state', 'available');
	await row.getByTestId('agent-set-state').click();
	const dialog = page.getByRole('dialog');
	await dialog.getByRole('radio', { name: '小休' }).check();
	await dialog.getByTestId('state-reason').fill('临时培训');
	await dialog.getByRole('button', { name: '确认更改' }).click();
	await expect(dialog).toBeHidden();
	await expect(row).toHaveAttribute('data-state', 'break');

	await desk.expectState('break');
	await expect(desk.page.getByTestId('state-changed-by')).toContainText('值班长');
	await expect(desk.page.getByText('临时培训')).toBeVisible();
});

test('the supervisor sends a Korean caller to an English seat with an override, and the seat is told', async ({
	supervisorPage: page,
	agents,
	callers,
	matter
}) => {
	const english = await agents.create({ matters: [matter], languages: ['en'] });
	const desk = await english.openDesk();
	await desk.goAvailable();
	const call = await callers.phoneIn(matter.id, { language: 'ko' });

	await page.goto('/supervisor');
	const row = page.locator(`[data-testid="waiting-row"][data-call-id="${call.callId}"]`);
	await expect(row.getByTestId('waiting-reason')).toHaveText('没有可办理该事项的坐席在线');
	await row.getByTestId('waiting-handle').click();
	const dialog = page.getByRole('dialog');
	await dialog
		.getByTestId('assign-agent')
		.selectOption({ label: `${english.displayName} — 不完全符合需求` });
	await expect(dialog.getByTestId('assign-confirm')).toBeDisabled();
	await dialog.getByTestId('assign-override').check();
	await dialog.getByTestId('assign-confirm').click();
	await expect(dialog).toBeHidden();
	await expect(row.getByTestId('waiting-reason')).toHaveText('正在向坐席振铃');

	await expect(desk.offer).toBeVisible();
	await expect(desk.offer.getByTestId('offer-assigned')).toContainText('不完全符合');
	await desk.accept();
	await expect(row).toHaveCount(0);
});
