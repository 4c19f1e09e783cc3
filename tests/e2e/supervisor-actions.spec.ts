import { seriousViolations } from './a11y';
import { expect, test } from './fixtures';
import { WallLive } from './pages/wall-live';

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

test('the supervisor listens, whispers, barges in after confirming and leaves; the agent is told each time', async ({
	supervisorPage: page,
	supervisorSession,
	agents,
	callers,
	matter
}) => {
	const name = supervisorSession.account.displayName!;
	const agent = await agents.create({ matters: [matter] });
	const desk = await agent.openDesk();
	await desk.goAvailable();
	const call = await callers.phoneIn(matter.id);
	await expect(desk.offer).toBeVisible();
	await desk.accept();
	await (await desk.inCall(call.callId)).expectConnected();
	await expect(desk.supervisorNotice).toHaveCount(0);

	const wall = new WallLive(page);
	await wall.open();
	const row = wall.call(call.callId);
	await expect(row.monitors).toHaveText('—');

	await row.listen();
	await row.expectMode('监听');
	await expect(row.monitors).toHaveText(`${name} · 监听中`);
	// Without a media server the pane says so, and the controls still work.
	await expect(wall.pane.getByTestId('monitor-call-unavailable')).toContainText('视频暂不可用');
	await expect(desk.supervisorNotice).toHaveText(`值班长 ${name} 正在监听本次通话`);
	// The notice comes back with the desk's snapshot after a reload.
	await desk.reload();
	await expect(desk.supervisorNotice).toHaveText(`值班长 ${name} 正在监听本次通话`);

	await row.whisper();
	await row.expectMode('耳语');
	await expect(row.monitors).toHaveText(`${name} · 耳语中`);
	await expect(desk.supervisorNotice).toHaveText(`值班长 ${name} 正在对您耳语（市民听不到）`);
	// The controls, the pane and the notice pass an accessibility check.
	expect(await seriousViolations(page)).toEqual([]);
	expect(await seriousViolations(desk.page)).toEqual([]);

	// Barging needs a confirmation: cancelled, nothing changes.
	let dialog = await row.askToBarge();
	await expect(dialog).toContainText(`值班长 ${name}`);
	await dialog.getByRole('button', { name: '取消' }).click();
	await expect(dialog).toBeHidden();
	await row.expectMode('耳语');
	dialog = await row.askToBarge();
	await dialog.getByRole('button', { name: '确认强插' }).click();
	await row.expectMode('强插');
	await expect(row.monitors).toHaveText(`${name} · 已强插`);
	await expect(desk.supervisorNotice).toHaveText(`值班长 ${name} 已加入通话（市民可以看到和听到）`);

	await row.leave();
	await expect(row.monitors).toHaveText('—');
	await expect(wall.pane).toBeHidden();
	await expect(desk.supervisorNotice).toHaveCount(0);

	// A supervisor who closes the wall while listening leaves the call: the agent is told.
	await row.listen();
	await expect(desk.supervisorNotice).toHaveText(`值班长 ${name} 正在监听本次通话`);
	await page.goto('/supervisor/audit');
	await expect(desk.supervisorNotice).toHaveCount(0);
});
