import { expect, test } from './fixtures';

// Pension claims: each test's agents are made for it and serve only this matter.
test.use({ matterName: '企业职工基本养老金申领' });

test('an offer the only eligible agent declines rings again, telling them the caller still waits; the title flashes', async ({
	desk,
	matter,
	callers
}) => {
	test.setTimeout(60_000);
	await desk.goAvailable();
	const call = await callers.phoneIn(matter.id);
	await expect(desk.offer).toBeVisible();
	await expect(desk.page).toHaveTitle(/来电/);
	await expect(desk.offer.getByTestId('offer-again')).toHaveCount(0);

	await desk.declineWithKeyboard();
	// Nobody else serves the matter: no 5-minute cool-down while the caller waits.
	await expect(desk.offer.getByTestId('offer-again')).toHaveText(
		'这位来电者仍在等待：您刚才未接听此来电，目前没有其他坐席可以接听。'
	);
	await expect(desk.page.getByText('来电已被撤回或超时')).toHaveCount(0);
	await desk.accept();
	await desk.inCall(call.callId);
	await expect(desk.page).not.toHaveTitle(/来电 ·/);
});

test('with another eligible agent free, a declined call goes there and the decliner is told so in its own words', async ({
	desk,
	matter,
	callers,
	agents
}) => {
	test.setTimeout(60_000);
	await desk.goAvailable();
	const other = await agents.create({ matters: [matter] });
	await other.api.goAvailable();
	const call = await callers.phoneIn(matter.id);
	// The desk's agent has waited longest: it rings there first.
	await expect(desk.offer).toBeVisible();
	await desk.declineWithKeyboard();
	const notice = desk.page.getByTestId('offer-gone');
	await expect(notice).toHaveText('您已拒接该来电，来电者回到原来的排队位置。');
	await expect(desk.offer).toBeHidden();
	await other.api.acceptCall(call.callId);
	await expect(notice).not.toContainText('撤回或超时');
	await desk.expectState('available');
});
