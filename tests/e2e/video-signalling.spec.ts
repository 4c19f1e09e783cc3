import { devices, type Browser, type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { Mobile } from './pages/mobile';
import { WallLive } from './pages/wall-live';
import { SignallingStandIn } from './support/signalling-stand-in';
import { E2E_LIVEKIT_URL } from './support/env';

/** How long the call stays connected while connections are counted (real time, no fake clock). */
const CALL_MS = 60_000;

async function pageIn(browser: Browser, opts: Parameters<Browser['newContext']>[0] = {}) {
	return (await browser.newContext(opts)).newPage();
}

let standIn: SignallingStandIn | undefined;
const opened: Page[] = [];

test.afterEach(async () => {
	await standIn?.stop();
	standIn = undefined;
	for (const p of opened.splice(0)) await p.context().close();
});

test('a 60 s call: the caller page and the agent page each open one signalling connection', async ({
	browser,
	baseURL,
	agents,
	catalogue
}) => {
	test.setTimeout(CALL_MS + 90_000);
	// The stand-in's media end lives in a page of its own, on the console's origin.
	const peer = await pageIn(browser);
	opened.push(peer);
	await peer.goto(`${baseURL}/api/v1/health`);
	standIn = new SignallingStandIn(E2E_LIVEKIT_URL, peer);
	await standIn.start();

	const caller = await pageIn(browser, {
		viewport: devices['Pixel 7'].viewport,
		hasTouch: true
	});
	opened.push(caller);
	const phone = new Mobile(caller);
	await phone.open();
	const firstPopular = (await phone.popularMatters.getByRole('button').first().textContent())!;
	// An agent made for this test serves the phone page's first popular matter.
	const desk = await (
		await agents.create({ matters: [await catalogue.matter(firstPopular.trim())] })
	).openDesk();
	const agent = desk.page;
	await desk.goAvailable();

	await phone.chooseFirstPopular();
	await expect
		.poll(() => caller.evaluate(() => localStorage.getItem('cw.caller.mobile')))
		.not.toBeNull();
	const callId = await phone.callId();
	try {
		await expect(agent.getByTestId('offer-card')).toBeVisible({ timeout: 15_000 });
		await agent.getByTestId('offer-accept').click();
		await expect(agent).toHaveURL(new RegExp(`/agent/call/${callId}`));
		await expect(caller.getByTestId('call-status')).toBeVisible({ timeout: 15_000 });
		await expect.poll(() => standIn!.count('caller-'), { timeout: 15_000 }).toBeGreaterThan(0);
		await expect.poll(() => standIn!.count('agent-'), { timeout: 15_000 }).toBeGreaterThan(0);

		const t0 = standIn.attempts[0]!.at;
		await caller.waitForTimeout(CALL_MS);
		// Both sides are still in the call, with video up, after a minute.
		await expect(caller.getByTestId('call-status')).toBeVisible();
		await expect(agent.getByTestId('call-status')).toHaveAttribute('data-status', 'connected');
		const seen = standIn.attempts.map(
			(a) =>
				`+${Math.round((a.at - t0) / 1000)}s ${a.identity} ${a.path} media ${a.media}${a.reconnect ? ' (reconnect)' : ''}`
		);
		test.info().annotations.push({ type: 'signalling connections', description: seen.join('; ') });
		expect(standIn.count(`caller-${callId}`), seen.join('\n')).toBe(1);
		expect(standIn.count('agent-'), seen.join('\n')).toBe(1);
		// Honest count: each connection really carried media, so nothing gave livekit-client a
		// reason of its own to reconnect.
		expect(standIn.attempts.map((a) => a.media)).toEqual(['connected', 'connected']);
		await expect(caller.getByTestId('caller-video')).toHaveAttribute('data-video', 'connected');
		await expect(agent.getByTestId('agent-video')).toHaveAttribute('data-video', 'connected');
	} finally {
		// The agents fixture ends, wraps up and signs off the agent; the phone leaves its call.
		await phone.leaveAnyCall();
	}
});

test('the caller sees a barging duty supervisor by name, and never a listening one', async ({
	browser,
	baseURL,
	agents,
	catalogue,
	supervisorPage,
	supervisorSession
}) => {
	const name = supervisorSession.account.displayName!;
	const peer = await pageIn(browser);
	opened.push(peer);
	await peer.goto(`${baseURL}/api/v1/health`);
	standIn = new SignallingStandIn(E2E_LIVEKIT_URL, peer);
	await standIn.start();

	const caller = await pageIn(browser, { viewport: devices['Pixel 7'].viewport, hasTouch: true });
	opened.push(caller);
	const phone = new Mobile(caller);
	await phone.open();
	const firstPopular = (await phone.popularMatters.getByRole('button').first().textContent())!;
	const desk = await (
		await agents.create({ matters: [await catalogue.matter(firstPopular.trim())] })
	).openDesk();
	await desk.goAvailable();
	await phone.chooseFirstPopular();
	await expect
		.poll(() => caller.evaluate(() => localStorage.getItem('cw.caller.mobile')))
		.not.toBeNull();
	const callId = await phone.callId();
	try {
		await expect(desk.offer).toBeVisible({ timeout: 15_000 });
		await desk.accept();
		await expect(caller.getByTestId('caller-video')).toHaveAttribute('data-video', 'connected', {
			timeout: 15_000
		});
		const official = caller.getByTestId('official');

		const wall = new WallLive(supervisorPage);
		await wall.open();
		const row = wall.call(callId);
		await row.listen();
		await expect.poll(() => standIn!.count(`monitor-`), { timeout: 15_000 }).toBeGreaterThan(0);
		await expect(wall.pane.getByTestId('monitor-call-room')).toHaveAttribute(
			'data-video',
			'connected'
		);
		await expect(official).toHaveCount(0);

		await (await row.askToBarge()).getByRole('button', { name: '确认强插' }).click();
		await expect(official).toHaveText(`值班长 ${name} 已加入通话`, { timeout: 15_000 });
		await expect(desk.supervisorNotice).toContainText('已加入通话');

		await row.leave();
		await expect(official).toHaveCount(0, { timeout: 15_000 });
	} finally {
		await phone.leaveAnyCall();
	}
});
