import { expect, type Page } from '@playwright/test';
import { CallerApp } from './caller-app';
import { hydrated } from './ready';

/** The booth kiosk (/booth), registered as a device with its token. */
export class Booth extends CallerApp {
	readonly disinfecting;
	readonly closed;
	readonly opensAt;

	constructor(
		page: Page,
		readonly token: string
	) {
		super(page, 'booth');
		this.disinfecting = page.getByRole('heading', { name: '正在消毒' });
		this.closed = page.getByRole('heading', { name: '现在不在服务时间' });
		this.opensAt = page.getByTestId('opens-at');
	}

	/** Opens the kiosk with its device link (then the cookie holds the device). */
	async open() {
		await this.page.goto(`/booth?token=${this.token}`);
		await expect(this.page).toHaveURL(/\/booth$/);
		await hydrated(this.page);
	}

	/** Opens the kiosk and waits for the start screen. */
	async openAtStart() {
		await this.open();
		await this.expectStartScreen();
	}

	/** Picks the kiosk's language (普通话, English, 日本語, 한국어 …). */
	async chooseLanguage(name: string) {
		await this.page.getByRole('button', { name }).click();
	}

	/** After the thank-you, back to the start screen (through the UV cycle). */
	async backToStart() {
		await this.page.getByRole('button', { name: '返回首页' }).click();
	}
}
