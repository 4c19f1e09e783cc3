import { expect, type Page } from '@playwright/test';
import { savedCall } from '../api/caller-api';

/** What the booth kiosk and the phone page share: find a matter, wait, talk, rate. */
export abstract class CallerApp {
	readonly popularMatters;
	readonly search;
	readonly results;
	readonly queuePosition;
	readonly queueWait;
	readonly callStatus;
	readonly agentName;
	readonly videoUnavailable;
	readonly hangUp;
	readonly ratingHeading;
	readonly ratingReasons;
	readonly thanks;

	constructor(
		readonly page: Page,
		readonly channel: 'booth' | 'mobile'
	) {
		this.popularMatters = page.getByTestId('popular-matters');
		this.search = page.getByRole('searchbox', { name: '搜索事项' });
		this.results = page.getByTestId('caller-results');
		this.queuePosition = page.getByTestId('queue-position');
		this.queueWait = page.getByTestId('queue-wait');
		this.callStatus = page.getByTestId('call-status');
		this.agentName = page.getByTestId('agent-name');
		this.videoUnavailable = page.getByTestId('video-unavailable');
		this.hangUp = page.getByRole('button', { name: /挂断/ });
		this.ratingHeading = page.getByRole('heading', { name: '请为本次服务评价' });
		this.ratingReasons = page.getByTestId('rating-reasons');
		this.thanks = page.getByTestId('thanks');
	}

	/** The start screen with the popular matters (in 普通话). */
	async expectStartScreen() {
		await expect(this.page.getByRole('heading', { name: '常办事项' })).toBeVisible();
	}

	/** The confirmation asked before what cannot be undone (start, leave, hang up). */
	get confirmation() {
		return this.page.getByTestId('caller-confirm');
	}

	/** Answers the confirmation with its big "yes". */
	async confirm() {
		await this.page.getByTestId('caller-confirm-yes').click();
		await expect(this.confirmation).toBeHidden();
	}

	/** Taps a popular matter by name, and confirms the call. */
	async choosePopular(name: string) {
		await this.popularMatters.getByRole('button', { name }).click();
		await this.confirm();
	}

	/** Taps the first popular matter, confirms the call and returns the matter's name. */
	async chooseFirstPopular(): Promise<string> {
		const first = this.popularMatters.getByRole('button').first();
		const name = (await first.textContent())!.trim();
		await first.click();
		await this.confirm();
		return name;
	}

	/** Searches the catalogue, taps a result (the first, or the one called `name`) and confirms. */
	async searchAndChoose(query: string, name?: string) {
		await this.search.fill(query);
		const hits = this.results.getByRole('button');
		await (name ? this.results.getByRole('button', { name }) : hits.first()).click();
		await this.confirm();
	}

	/** Hangs up the call (挂断, then the confirmation). */
	async hangUpCall() {
		await this.hangUp.click();
		await this.confirm();
	}

	/** Waiting in the queue: the position is shown. */
	async expectQueued() {
		await expect(this.queuePosition).toBeVisible();
	}

	/** Leaves the queue (取消排队, then the confirmation). */
	async cancelWaiting() {
		await this.page.getByRole('button', { name: '取消排队', exact: true }).click();
		await this.confirm();
	}

	/** The call this page is on. */
	async callId(): Promise<string> {
		const saved = await savedCall(this.page, this.channel);
		expect(saved, 'the caller page keeps its call').not.toBeNull();
		return saved!.callId;
	}

	levels() {
		return ['非常满意', '满意', '基本满意', '不满意', '非常不满意'].map((level) =>
			this.rating(level)
		);
	}

	rating(level: string) {
		return this.page.getByRole('radio', { name: level, exact: true });
	}

	reason(text: string) {
		return this.page.getByRole('checkbox', { name: text });
	}

	async submitRating() {
		await this.page.getByRole('button', { name: '提交评价' }).click();
	}

	/** End of a test: a call still open on this page is left, so it reaches nobody later. */
	async leaveAnyCall() {
		if (this.page.isClosed()) return;
		const saved = await savedCall(this.page, this.channel).catch(() => null);
		if (!saved) return;
		await this.page.request.delete(`/api/v1/calls/${saved.callId}`, {
			headers: { authorization: `Bearer ${saved.token}` }
		});
	}
}
