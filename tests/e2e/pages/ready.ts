import type { Page } from '@playwright/test';

/**
 * Waits until the page is hydrated, so what is typed reaches the page's handlers (a field
 * filled before that keeps its text but never searches). SvelteKit's client router takes over
 * scroll restoration once it has hydrated the page and started.
 */
export async function hydrated(page: Page) {
	await page.waitForFunction(() => history.scrollRestoration === 'manual');
}

/** Opens `url` and waits until it is hydrated. */
export async function gotoReady(page: Page, url: string) {
	await page.goto(url);
	await hydrated(page);
}
