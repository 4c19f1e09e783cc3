import { defineConfig, devices } from '@playwright/test';
import { E2E_LIVEKIT_URL, E2E_PORT as PORT } from './tests/e2e/support/env';

/** E2E against the built console started exactly as `npm start` does, in Debian's Chromium. */
export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 1,
	// A stray test.only fails CI; CI retries once, and the report still names such a test flaky.
	forbidOnly: !!process.env.CI,
	retries: process.env.CI ? 1 : 0,
	timeout: 30_000,
	expect: { timeout: 5_000 },
	reporter: process.env.CI ? [['list']] : [['list']],
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		locale: 'zh-CN',
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--use-fake-ui-for-media-stream',
				'--use-fake-device-for-media-stream'
			]
		}
	},
	projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
	webServer: {
		command: 'rm -rf data/e2e && node node_modules/tsx/dist/cli.mjs scripts/start.ts',
		url: `http://127.0.0.1:${PORT}/api/v1/health`,
		timeout: 180_000,
		reuseExistingServer: false,
		stdout: 'ignore',
		stderr: 'pipe',
		env: {
			PORT: String(PORT),
			HOST: '127.0.0.1',
			DATA_DIR: 'data/e2e',
			CONSOLE_ADMIN_PASSWORD: 'e2e-admin-pass',
			LOG_LEVEL: 'warn',
			SERVICE_HOURS: 'always',
			// A booking of the current half hour can be checked in whenever a test runs.
			BOOKING_GRACE_MINUTES: '30',
			// Every spec calls from 127.0.0.1; the per-address limit is tested in integration.
			MOBILE_CALL_LIMIT: '100000',
			BOOTH_DISINFECT_SECONDS: '3',
			// Short enough that an unanswered offer visibly re-routes within a test.
			OFFER_TIMEOUT_SECONDS: '6',
			// A wrap-up visibly runs over its time within a test (wrap-up.spec.ts).
			WRAP_UP_SECONDS: '3',
			// A phone silent for 10 s has gone; an untouched rating screen returns to the start in 10 s
			// (caller-hygiene.spec.ts). Phone callers made through the API beat every second.
			CALLER_GONE_SECONDS: '10',
			CALLER_RATING_IDLE_SECONDS: '10',
			// Alerts raised within a second of what causes them.
			ALERT_SWEEP_SECONDS: '1',
			// Only video-signalling.spec.ts answers there (a stand-in for LiveKit's signalling).
			LIVEKIT_URL: E2E_LIVEKIT_URL
		}
	}
});
