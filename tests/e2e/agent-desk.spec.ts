import { expect, test } from './fixtures';

// Pension claims: each test's agents are made for it and serve only this matter.
test.use({ matterName: '企业职工基本养老金申领' });

test('an agent takes a call from ring to wrap-up, and it is in "my calls"', async ({
	desk,
	matter,
	callers
}) => {
	test.setTimeout(90_000);
	await desk.goAvailable();
	// The state lives on the server: a reload keeps it.
	await desk.reload();
	await desk.expectState('available');

	const call = await callers.phoneIn(matter.id, { elderly: true, priorityLane: 'green' });

	await expect(desk.offer).toBeVisible();
	await expect(desk.offerMatter).toContainText(matter.name);
	await expect(desk.offerMatter).toContainText(matter.departmentName);
	await expect(desk.offerChannel).toHaveText('手机端');
	await expect(desk.offerLanguage).toHaveText('普通话');
	await expect(desk.offerFlags).toContainText('长者');
	await expect(desk.offerFlags).toContainText('绿色通道');
	await expect(desk.offerCountdown).toContainText('秒');

	await desk.acceptWithKeyboard();
	const inCall = await desk.inCall(call.callId);
	await inCall.expectConnected();
	await desk.expectState('busy');
	// No LiveKit here: the call goes on without video, and the agent is told so.
	await expect(inCall.videoUnavailable).toBeVisible({ timeout: 30_000 });
	expect(await call.status()).toBe('connected');

	await inCall.writeNotes('市民咨询养老金申领所需材料');

	await inCall.endCall();
	await expect(inCall.wrapUpForm).toBeVisible();
	await expect(inCall.wrapUpForm.getByRole('textbox', { name: '备注' })).toHaveValue(
		'市民咨询养老金申领所需材料'
	);
	// Mailing without an address is refused before anything is sent.
	await inCall.mailResults();
	await inCall.chooseOutcome('办结');
	await inCall.submitWrapUp();
	await expect(inCall.wrapUpForm.getByRole('alert')).toHaveText('勾选包邮时必须填写邮寄地址');
	await inCall.mailResults('番禺区市桥街道平康路 1 号');
	await inCall.submitWrapUp();

	await desk.expectBack();
	await desk.expectState('available');
	expect(await call.status()).toBe('ended');
	const row = desk.todayCall(call.callId);
	await expect(row).toContainText(matter.name);
	await expect(row).toContainText('办结');
	await expect(row).toContainText('未评价');
	await expect(desk.handledToday).not.toHaveText('0');
});

test('an offer left to ring out goes to another agent; Esc declines it', async ({
	agents,
	matter,
	callers
}) => {
	test.setTimeout(90_000);
	const first = await (await agents.create({ matters: [matter] })).openDesk();
	const second = await (await agents.create({ matters: [matter] })).openDesk();
	await first.goAvailable();
	await callers.phoneIn(matter.id);
	await expect(first.offer).toBeVisible();
	// The colleague comes in only now, so the first offer is the first agent's alone.
	await second.goAvailable();

	// Nobody answers at the first desk: the offer expires there and rings at the second.
	await expect(second.offer).toBeVisible({ timeout: 30_000 });
	await expect(first.offer).toBeHidden();
	await expect(second.offerMatter).toContainText(matter.name);

	await second.declineWithKeyboard();
	// Both agents let it pass and nobody else serves the matter: the caller does not wait out a
	// cool-down; it rings again, and that desk is told the caller is still waiting.
	await expect(second.offer.getByTestId('offer-again')).toBeVisible();
	await expect(first.offer).toBeHidden();
	await second.declineWithKeyboard();
	// Two offers let pass in a row: a "not responding" break (the routing rule).
	await second.expectState('break');
});

test('a sign-language seat joins a call as interpreter while the caller stays connected', async ({
	agents,
	desk,
	matter,
	callers
}) => {
	test.setTimeout(90_000);
	const signer = await (await agents.create({ signLanguage: true })).openDesk();
	await desk.goAvailable();
	const call = await callers.phoneIn(matter.id);
	await desk.accept();
	const inCall = await desk.inCall(call.callId);
	await inCall.expectConnected();

	// No sign-language seat is free yet: the agent is told so plainly.
	await inCall.askForInterpreter();
	await expect(inCall.alert).toHaveText('目前没有空闲的手语坐席，请稍后再试');

	await signer.goAvailable();
	await inCall.askForInterpreter();
	await expect(signer.offer).toContainText('手语翻译邀请');
	await signer.accept();
	await signer.inCall(call.callId);
	await expect(signer.page.getByText('您正在为本通话提供手语翻译')).toBeVisible();
	await expect(inCall.status).toContainText('已加入');
	expect(await call.status()).toBe('connected');

	// Ending the call frees the interpreter as well.
	await inCall.endCall();
	await signer.expectState('available');
	await inCall.chooseOutcome('咨询解答');
	await inCall.submitWrapUp();
	await desk.expectBack();
	expect(await call.status()).toBe('ended');
});

test('an agent hands a call to a named colleague, who takes it over', async ({
	agents,
	desk,
	matter,
	callers
}) => {
	test.setTimeout(90_000);
	const colleague = await agents.create({ matters: [matter] });
	const second = await colleague.openDesk();
	await desk.goAvailable();
	const call = await callers.phoneIn(matter.id);
	await expect(desk.offer).toBeVisible();
	await desk.acceptWithKeyboard();
	const inCall = await desk.inCall(call.callId);
	await inCall.expectConnected();
	// The colleague is free only now, so the call was the first agent's alone until the transfer.
	await second.goAvailable();

	const pick = await inCall.openTransferToColleague();
	// Each free colleague with the languages they speak and the departments they handle.
	const row = pick.getByTestId('colleague');
	await expect(row).toHaveCount(1);
	await expect(row).toContainText(colleague.displayName);
	await expect(row).toContainText('语言：普通话');
	await expect(row).toContainText(`部门：${matter.departmentName}`);
	await inCall.transferTo(colleague.displayName);

	// The first agent is free again; the call rings at the colleague and the caller never left.
	await desk.expectBack();
	await desk.expectState('available');
	await expect(second.offer).toBeVisible();
	await expect(second.offerMatter).toContainText(matter.name);
	await expect(desk.offer).toBeHidden();
	expect(await call.status()).toBe('offered');
	await second.acceptWithKeyboard();
	await (await second.inCall(call.callId)).expectConnected();
	expect(await call.status()).toBe('connected');
});
