import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent } from '../../src/lib/server/agents/agents';
import { login, requireRole, validateSession } from '../../src/lib/server/auth/auth';
import type { Ctx } from '../../src/lib/server/context';
import { DomainError } from '../../src/lib/server/errors';
import { closeTestContext, testContext } from './helpers';

let ctx: Ctx;

beforeAll(async () => {
	ctx = await testContext();
	await createAgent(ctx, 0, {
		username: 'wang',
		password: 'correct-horse',
		displayName: '王',
		roles: ['agent'],
		skills: []
	});
});
afterAll(() => closeTestContext(ctx));

describe('staff login', () => {
	it('creates a session that identifies the user with their roles', async () => {
		const res = await login(ctx, { username: 'wang', password: 'correct-horse', ip: '10.0.0.1' });
		const s = validateSession(ctx, res.token);
		expect(s?.user).toMatchObject({ username: 'wang', roles: ['agent'] });
		expect(validateSession(ctx, res.token + 'x')).toBeNull();
	});

	it('rejects a wrong password with 401', async () => {
		await expect(
			login(ctx, { username: 'wang', password: 'nope', ip: '10.0.0.2' })
		).rejects.toMatchObject({ status: 401 });
	});

	it('locks a user+address out after five failures, while the right address-free user still logs in elsewhere', async () => {
		for (let i = 0; i < 5; i++) {
			await expect(
				login(ctx, { username: 'wang', password: 'bad', ip: '10.0.0.3' })
			).rejects.toMatchObject({ status: 401 });
		}
		const locked = await login(ctx, {
			username: 'wang',
			password: 'correct-horse',
			ip: '10.0.0.3'
		}).catch((e: DomainError) => e);
		expect(locked).toBeInstanceOf(DomainError);
		expect((locked as DomainError).status).toBe(429);
		await expect(
			login(ctx, { username: 'wang', password: 'correct-horse', ip: '10.0.0.4' })
		).resolves.toHaveProperty('token');
	});

	it('guards roles: 401 without a user, 403 with the wrong role', () => {
		expect(() => requireRole(null, 'admin')).toThrow(expect.objectContaining({ status: 401 }));
		expect(() =>
			requireRole({ id: 1, username: 'a', displayName: 'a', roles: ['agent'] }, 'admin')
		).toThrow(expect.objectContaining({ status: 403 }));
	});
});
