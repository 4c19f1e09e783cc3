import { expect, type Page } from '@playwright/test';
import { CallPage } from './call-page';
import { gotoLive, whileStreamOpens } from './live';

/** The agent desk (/agent): the state bar, the ringing offer, today's calls. */
export class Desk {
	readonly state;
	readonly handledToday;
	readonly offer;
	readonly offerMatter;
	readonly offerChannel;
	readonly offerLanguage;
	readonly offerFlags;
	readonly offerCountdown;
	/** What the agent is told of a duty supervisor in the call (listening, whispering, barged in). */
	readonly supervisorNotice;

	constructor(readonly page: Page) {
		this.supervisorNotice = page.getByTestId('monitor-notice');
		this.state = page.getByTestId('agent-state');
		this.handledToday = page.getByTestId('handled-today');
		this.offer = page.getByTestId('offer-card');
		this.offerMatter = this.offer.getByTestId('offer-matter');
		this.offerChannel = this.offer.getByTestId('offer-channel');
		this.offerLanguage = this.offer.getByTestId('offer-language');
		this.offerFlags = this.offer.getByTestId('offer-flags');
		this.offerCountdown = this.offer.getByTestId('offer-countdown');
	}

	/** Opens the desk with its event stream connected (offers ring through it). */
	async open() {
		await gotoLive(this.page, '/agent');
		await expect(this.page.getByRole('heading', { level: 1, name: '坐席工作台' })).toBeVisible();
	}

	/** Reloads the desk (its state comes back from the server) and waits for its stream. */
	async reload() {
		await whileStreamOpens(this.page, () => this.page.reload());
	}

	async expectState(state: string | RegExp) {
		await expect(this.state).toHaveAttribute('data-state', state);
	}

	/**
	 * The agent is ready to take calls, and the change has settled: the state bar's buttons are
	 * enabled again (while they are not, the desk ignores accept and decline).
	 */
	async goAvailable() {
		await this.page.getByTestId('go-available').click();
		await this.expectState('available');
		await expect(this.page.getByRole('button', { name: '小休', exact: true })).toBeEnabled();
	}

	/** Accepts the ringing offer with the button. */
	async accept() {
		await this.offer.getByTestId('offer-accept').click();
	}

	/** Accepts the ringing offer with Enter, looking at this desk. */
	async acceptWithKeyboard() {
		await this.page.bringToFront();
		await this.page.keyboard.press('Enter');
	}

	/** Declines the ringing offer with Esc, looking at this desk. */
	async declineWithKeyboard() {
		await this.page.bringToFront();
		await this.page.keyboard.press('Escape');
	}

	/** The call page the desk moved to after an accept. */
	async inCall(callId: string): Promise<CallPage> {
		await expect(this.page).toHaveURL(new RegExp(`/agent/call/${callId}`));
		return new CallPage(this.page);
	}

	/** Back on the desk (after a wrap-up or a transfer). */
	async expectBack() {
		await expect(this.page).toHaveURL(/\/agent$/);
	}

	/** The row of a call in "today's calls". */
	todayCall(callId: string) {
		return this.page.getByTestId('today-calls').locator(`tr[data-call-id="${callId}"]`);
	}
}
