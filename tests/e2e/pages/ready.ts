import type { Page } from '@playwright/test';

/**
 * Waits until the page is hydrated, so what is typed reaches the page's handlers (a field
 * filled before that keeps its text but never searches): the root layout marks `<html
 * data-hydrated>` once it is mounted.
 */
export async function hydrated(page: Page) {
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
}

/** Opens `url` and waits until it is hydrated. */
export async function gotoReady(page: Page, url: string) {
	await page.goto(url);
	await hydrated(page);
}
