import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config';

describe('configuration', () => {
	it('defaults to the embedded services and livekit-server --dev', () => {
		const c = parseConfig({});
		expect(c.PORT).toBe(3000);
		expect(c.REDIS_URL).toBeUndefined();
		expect(c.databasePath).toBe(path.resolve('data/console.db'));
		expect(c.LIVEKIT_URL).toBe('ws://127.0.0.1:7880');
		expect([c.LIVEKIT_API_KEY, c.LIVEKIT_API_SECRET]).toEqual(['devkey', 'secret']);
		expect(c.SKIP_DEMO_SEED).toBe(false);
	});

	it('refuses the public LiveKit development credentials in production or behind https', () => {
		expect(() => parseConfig({ NODE_ENV: 'production' })).toThrow(/development credentials/);
		expect(() => parseConfig({ ORIGIN: 'https://window.example.gov.cn' })).toThrow(
			/LIVEKIT_API_KEY/
		);
		const own = { LIVEKIT_API_KEY: 'APIk3y', LIVEKIT_API_SECRET: 'a-long-real-secret' };
		expect(parseConfig({ NODE_ENV: 'production', ...own }).LIVEKIT_API_KEY).toBe('APIk3y');
		expect(parseConfig({ ORIGIN: 'http://127.0.0.1:3000' }).LIVEKIT_API_KEY).toBe('devkey');
	});

	it('puts the database under DATA_DIR unless DATABASE_PATH is given', () => {
		expect(parseConfig({ DATA_DIR: '/tmp/x' }).databasePath).toBe('/tmp/x/console.db');
		expect(parseConfig({ DATA_DIR: '/tmp/x', DATABASE_PATH: '/srv/db.sqlite' }).databasePath).toBe(
			'/srv/db.sqlite'
		);
	});

	it('names every bad setting in one error', () => {
		const err = (() => {
			try {
				parseConfig({
					PORT: 'eighty',
					REDIS_URL: 'localhost:6379',
					CONSOLE_ADMIN_PASSWORD: 'short',
					SKIP_DEMO_SEED: 'maybe'
				});
			} catch (e) {
				return e;
			}
		})() as ConfigError;
		expect(err).toBeInstanceOf(ConfigError);
		expect(err.problems.join('\n')).toMatch(/PORT/);
		expect(err.problems.join('\n')).toMatch(/REDIS_URL must be a URL starting with redis:\/\//);
		expect(err.problems.join('\n')).toMatch(/CONSOLE_ADMIN_PASSWORD must be at least 8 characters/);
		expect(err.problems.join('\n')).toMatch(/SKIP_DEMO_SEED/);
	});

	it('treats empty variables as unset and accepts 1/true for switches', () => {
		const c = parseConfig({ REDIS_URL: '', SKIP_DEMO_SEED: '1' });
		expect(c.REDIS_URL).toBeUndefined();
		expect(c.SKIP_DEMO_SEED).toBe(true);
	});
});
