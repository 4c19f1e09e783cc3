import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Counts the alert chimes a page plays: every WebAudio oscillator started, in
 * `window.alertTones`. Install before the page loads.
 */
export async function countTones(page: Page) {
	await page.addInitScript(() => {
		const w = window as unknown as { alertTones: number };
		w.alertTones = 0;
		const start = OscillatorNode.prototype.start;
		OscillatorNode.prototype.start = function (...args: Parameters<typeof start>) {
			w.alertTones++;
			return start.apply(this, args);
		};
	});
}

/** Oscillators the page has started so far (two per chime). */
export const tonesPlayed = (page: Page) =>
	page.evaluate(() => (window as unknown as { alertTones: number }).alertTones);

/** The alerts strip at the top of the supervisor wall. */
export class WallAlerts {
	readonly panel: Locator;
	readonly announcer: Locator;
	readonly mute: Locator;

	constructor(readonly page: Page) {
		this.panel = page.getByTestId('alerts');
		this.announcer = page.getByTestId('alerts-announcer');
		this.mute = page.getByTestId('alerts-mute');
	}

	/** One alert, by its key (`agent:12:not_responding`, `wait:dept:3`…). */
	alert(key: string): Locator {
		return this.panel.locator(`[data-testid="alert"][data-key="${key}"]`);
	}

	/** Acknowledges an alert from the keyboard: Tab to its 确认 button, then Enter. */
	async acknowledgeByKeyboard(key: string) {
		const button = this.alert(key).getByRole('button', { name: '确认' });
		await button.focus();
		await expect(button).toBeFocused();
		await this.page.keyboard.press('Enter');
	}

	/** The alert shows it was acknowledged, and by whom. */
	async expectAcknowledgedBy(key: string, name: string) {
		const a = this.alert(key);
		await expect(a).toHaveAttribute('data-acknowledged', 'true');
		await expect(a.getByTestId('alert-acked')).toContainText(`${name} 已确认`);
		await expect(a.getByRole('button', { name: '确认' })).toHaveCount(0);
	}
}
