import { expect, type Locator, type Page } from '@playwright/test';
import { gotoLive } from './live';

/** One live call on the supervisor wall, with the duty supervisor's controls for it. */
export class LiveCallRow {
	readonly monitors;

	constructor(
		readonly page: Page,
		readonly row: Locator
	) {
		this.monitors = row.getByTestId('live-monitors');
	}

	async listen() {
		await this.row.getByRole('button', { name: '监听', exact: true }).click();
	}

	async whisper() {
		await this.row.getByRole('button', { name: '耳语', exact: true }).click();
	}

	/** Asks to barge in: the wall asks for a confirmation first (the caller will see them). */
	async askToBarge(): Promise<Locator> {
		await this.row.getByRole('button', { name: '强插', exact: true }).click();
		const dialog = this.page.getByRole('dialog', { name: '强插这通电话？' });
		await expect(dialog).toBeVisible();
		return dialog;
	}

	async leave() {
		await this.row.getByRole('button', { name: '退出', exact: true }).click();
	}

	/** Which of 监听 / 耳语 / 强插 shows as this supervisor's current mode. */
	async expectMode(label: '监听' | '耳语' | '强插') {
		await expect(this.row.getByRole('button', { name: label, exact: true })).toHaveAttribute(
			'aria-pressed',
			'true'
		);
	}
}

/** The live calls panel of the supervisor wall and the video pane of the call one is in. */
export class WallLive {
	readonly pane;

	constructor(readonly page: Page) {
		this.pane = page.getByTestId('monitor-pane');
	}

	async open() {
		await gotoLive(this.page, '/supervisor');
		await expect(this.page.getByRole('heading', { name: '进行中的通话' })).toBeVisible();
	}

	call(callId: string): LiveCallRow {
		return new LiveCallRow(
			this.page,
			this.page.locator(`[data-testid="live-row"][data-call-id="${callId}"]`)
		);
	}
}
