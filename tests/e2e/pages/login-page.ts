import { expect, type Page } from '@playwright/test';

/** The staff login page. */
export class LoginPage {
	readonly error;

	constructor(readonly page: Page) {
		this.error = page.getByTestId('login-error');
	}

	async open() {
		await this.page.goto('/login');
	}

	/** Fills in the form and submits it, as a person would. */
	async submit(username: string, password: string) {
		await this.page.getByLabel('用户名').fill(username);
		await this.page.getByLabel('密码').fill(password);
		await this.page.getByRole('button', { name: '登录' }).click();
	}

	/** Logs in and waits until the console has left the login page. */
	async logIn(username: string, password: string) {
		await this.open();
		await this.submit(username, password);
		await expect(this.page).not.toHaveURL(/\/login/);
	}
}

/** Logs in through the login form, as a person would. */
export async function loginAs(page: Page, username: string, password: string) {
	await new LoginPage(page).logIn(username, password);
}
