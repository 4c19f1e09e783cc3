import { expect, type Page } from '@playwright/test';

/** The agent's in-call page (/agent/call/[id]): notes, end, wrap-up, transfer, interpreter. */
export class CallPage {
	readonly status;
	readonly videoUnavailable;
	readonly notes;
	readonly notesStatus;
	readonly alert;
	readonly wrapUpForm;

	constructor(readonly page: Page) {
		this.status = page.getByTestId('call-status');
		this.videoUnavailable = page.getByTestId('call-video-unavailable');
		this.notes = page.getByTestId('call-notes');
		this.notesStatus = page.getByTestId('notes-status');
		this.alert = page.getByRole('alert');
		this.wrapUpForm = page.getByTestId('wrap-up-form');
	}

	async expectConnected() {
		await expect(this.status).toHaveAttribute('data-status', 'connected');
	}

	/** Types notes and waits until they are saved. */
	async writeNotes(text: string) {
		await this.notes.fill(text);
		await expect(this.notesStatus).toHaveText('已保存');
	}

	/** Ends the call: 结束通话, then the confirmation. */
	async endCall() {
		await this.page.getByTestId('end-call').click();
		await this.page.getByTestId('end-call-confirm-yes').click();
	}

	async askForInterpreter() {
		await this.page.getByTestId('add-interpreter').click();
	}

	/** Picks an outcome on the wrap-up form (e.g. 办结, 咨询解答). */
	async chooseOutcome(outcome: string) {
		await this.wrapUpForm.getByRole('radio', { name: outcome }).check();
	}

	/** Ticks "mail the results", with an address or (to see the refusal) without. */
	async mailResults(address?: string) {
		await this.wrapUpForm.getByTestId('mail-results').check();
		if (address !== undefined)
			await this.wrapUpForm.getByRole('textbox', { name: '邮寄地址' }).fill(address);
	}

	async submitWrapUp() {
		await this.wrapUpForm.getByTestId('wrap-up-submit').click();
	}

	/** Opens the transfer panel on "a named free colleague" and returns its colleague list. */
	async openTransferToColleague() {
		await this.page.getByRole('button', { name: '转接', exact: true }).click();
		await this.page.getByRole('radio', { name: '指定空闲坐席' }).check();
		return this.page.getByRole('group', { name: '选择坐席' });
	}

	/** Hands the call to the colleague shown as `displayName`. */
	async transferTo(displayName: string) {
		await this.page
			.getByRole('group', { name: '选择坐席' })
			.getByRole('radio', { name: displayName })
			.check();
		await this.page.getByRole('button', { name: '确认转接' }).click();
	}
}
