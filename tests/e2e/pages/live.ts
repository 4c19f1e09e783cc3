import type { Page } from '@playwright/test';

/**
 * Opens a page that follows live events and waits until its event stream is open: what
 * happens after that reaches the page (an event before it would only show after a reload).
 */
export async function gotoLive(page: Page, url: string) {
	await whileStreamOpens(page, () => page.goto(url));
}

/** Runs `load` (a navigation or reload) and waits until the page's event stream is open. */
export async function whileStreamOpens(page: Page, load: () => Promise<unknown>) {
	const stream = page.waitForResponse(
		(r) => new URL(r.url()).pathname === '/api/v1/events' && r.ok()
	);
	await load();
	await stream;
}
