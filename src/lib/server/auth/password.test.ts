import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
	it('verifies the right password and rejects others', async () => {
		const h = await hashPassword('Demo#2026');
		expect(h).not.toContain('Demo#2026');
		expect(await verifyPassword('Demo#2026', h)).toBe(true);
		expect(await verifyPassword('demo#2026', h)).toBe(false);
		expect(await verifyPassword('Demo#2026', 'garbage')).toBe(false);
	});

	it('salts every hash', async () => {
		expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
	});
});
