import { expect, test } from './fixtures';

// Pension claims: each test's agents are made for it and serve only this matter.
test.use({ matterName: '企业职工基本养老金申领' });

test('ending a call asks first; the wrap-up keeps its draft over a reload and overruns with no call ringing', async ({
	desk,
	matter,
	callers
}) => {
	test.setTimeout(90_000);
	const page = desk.page;
	await desk.goAvailable();
	const first = await callers.phoneIn(matter.id);
	await expect(desk.offer).toBeVisible();
	await desk.accept();
	const inCall = await desk.inCall(first.callId);
	await inCall.expectConnected();

	// 结束通话 asks first; Esc (or 继续通话) keeps the call going.
	await page.getByTestId('end-call').click();
	const confirm = page.getByRole('dialog', { name: '结束这次通话？' });
	await expect(confirm).toBeVisible();
	await expect(confirm.getByRole('button', { name: '继续通话' })).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(confirm).toBeHidden();
	await inCall.expectConnected();
	expect(await first.status()).toBe('connected');

	await inCall.endCall();
	// The agent's next job has the focus.
	await expect(page.getByRole('heading', { name: '话后处理' })).toBeFocused();
	await inCall.chooseOutcome('需补充材料');
	await inCall.wrapUpForm.getByRole('textbox', { name: '备注' }).fill('需补交户口簿复印件');

	// A reload loses nothing the agent entered.
	await page.reload();
	await expect(inCall.wrapUpForm.getByTestId('wrap-up-draft')).toHaveText('已恢复未提交的草稿');
	await expect(inCall.wrapUpForm.getByRole('radio', { name: '需补充材料' })).toBeChecked();
	await expect(inCall.wrapUpForm.getByRole('textbox', { name: '备注' })).toHaveValue(
		'需补交户口簿复印件'
	);

	// The next caller phones in while the agent is still wrapping up.
	const second = await callers.phoneIn(matter.id);
	// The wrap-up time (3 s in e2e) runs out: the agent stays in wrap-up, the overrun counts up.
	const timer = inCall.wrapUpForm.getByTestId('wrap-up-timer');
	await expect(timer).toHaveAttribute('data-overrun', 'true', { timeout: 15_000 });
	await expect(timer).toContainText('话后处理已超时');
	await expect(timer).toContainText('提交办理结果后才会接入下一个来电');
	await expect(timer).not.toContainText('0:00', { timeout: 5_000 });
	await desk.expectState('wrap_up');
	await expect(page.getByTestId('go-available')).toBeDisabled();
	await expect(desk.offer).toBeHidden();
	expect(await second.status()).toBe('queued');

	// Submitting records the outcome, and only then does the waiting caller ring.
	await inCall.submitWrapUp();
	await desk.expectBack();
	await expect(desk.offer).toBeVisible();
	expect(await first.status()).toBe('ended');
	await desk.accept();
	await desk.inCall(second.callId);

	// The draft went with the submission.
	const drafts = await page.evaluate(() =>
		Object.keys(localStorage).filter((k) => k.startsWith('cw.wrapUpDraft.'))
	);
	expect(drafts).toEqual([]);
});
