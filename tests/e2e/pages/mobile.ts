import type { Page } from '@playwright/test';
import { CallerApp } from './caller-app';
import { gotoReady } from './ready';

/** The mobile H5 page (/m): no login, the call's token is kept in the phone's storage. */
export class Mobile extends CallerApp {
	constructor(page: Page) {
		super(page, 'mobile');
	}

	async open() {
		await gotoReady(this.page, '/m');
	}
}
