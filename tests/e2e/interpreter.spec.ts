import { seriousViolations as serious } from './a11y';
import { expect, test } from './fixtures';

test.use({ matterName: '企业职工基本养老金申领' });

test('the agent releases the sign-language interpreter: asked first, the caller is told, the call goes on', async ({
	agents,
	booth,
	desk,
	matter,
	page
}) => {
	test.setTimeout(90_000);
	const signer = await agents.create({ signLanguage: true });
	const signerDesk = await signer.openDesk();
	await booth.openAtStart();
	await desk.goAvailable();
	await booth.searchAndChoose(matter.name, matter.name);
	await desk.accept();
	const callId = await booth.callId();
	const inCall = await desk.inCall(callId);
	await inCall.expectConnected();
	await expect(booth.callStatus).toHaveText(/已接通/, { timeout: 15_000 });

	await signerDesk.goAvailable();
	await inCall.askForInterpreter();
	await expect(signerDesk.offer).toContainText('手语翻译邀请');
	await signerDesk.accept();
	await signerDesk.inCall(callId);
	await expect(inCall.status).toContainText('已加入');
	await expect(page.getByTestId('interpreter-joined')).toBeVisible({ timeout: 15_000 });

	// Asked first; keeping the interpreter changes nothing.
	const release = desk.page.getByRole('button', { name: '请手语翻译离开' });
	await release.click();
	const dialog = desk.page.getByTestId('release-interpreter-confirm');
	await expect(dialog).toContainText('请手语翻译离开通话？');
	await expect(dialog).toContainText(signer.displayName);
	expect(await serious(desk.page)).toEqual([]);
	await dialog.getByRole('button', { name: '继续保留' }).click();
	await expect(dialog).toBeHidden();
	await expect(inCall.status).toContainText('已加入');

	await release.click();
	await dialog.getByRole('button', { name: '确认请其离开' }).click();
	await expect(desk.page.getByTestId('interpreter-status')).toHaveText('手语翻译已离开');
	// The caller is told; the call goes on with the agent; the interpreter is free again.
	await expect(page.getByTestId('interpreter-left')).toHaveText('手语翻译已离开通话', {
		timeout: 15_000
	});
	await expect(booth.callStatus).toHaveText(/已接通/);
	await signerDesk.expectState('available');
	await expect(signerDesk.page).toHaveURL(/\/agent$/);
	// The agent may ask for an interpreter again.
	await expect(desk.page.getByTestId('add-interpreter')).toBeVisible();
});

test('the interpreter follows a transfer: told the call waits for a colleague, then interpreting for them', async ({
	agents,
	agent,
	desk,
	matter,
	callers
}) => {
	test.setTimeout(90_000);
	const signerDesk = await (await agents.create({ signLanguage: true })).openDesk();
	const colleague = await agents.create({ matters: [matter] });
	await desk.goAvailable();
	const call = await callers.phoneIn(matter.id);
	await desk.accept();
	const inCall = await desk.inCall(call.callId);
	await inCall.expectConnected();
	await signerDesk.goAvailable();
	await inCall.askForInterpreter();
	await signerDesk.accept();
	const interpreting = await signerDesk.inCall(call.callId);
	await expect(interpreting.status).toContainText(agent.displayName);

	await colleague.api.goAvailable();
	await inCall.openTransferToColleague();
	await inCall.transferTo(colleague.displayName);
	await desk.expectBack();
	// The interpreter stays on the call while it rings at the colleague.
	await expect(interpreting.status).toContainText('正在转接给其他坐席');
	await expect(signerDesk.page.getByRole('button', { name: '结束翻译并离开' })).toBeVisible();

	await colleague.api.acceptCall(call.callId);
	await expect(interpreting.status).toContainText(colleague.displayName, { timeout: 15_000 });
	await expect(interpreting.status).toContainText('通话中');
	expect(await call.status()).toBe('connected');
	await signerDesk.expectState('busy');
});
