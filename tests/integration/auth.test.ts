import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent } from '../../src/lib/server/agents/agents';
import { login, loginKeyOf, requireRole, validateSession } from '../../src/lib/server/auth/auth';
import { auditLog } from '../../src/lib/server/db/schema';
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

	it('counts parallel wrong tries before checking them: of 40 at once, 5 are looked at', async () => {
		await createAgent(ctx, 0, {
			username: 'li',
			password: 'correct-horse',
			displayName: '李',
			roles: ['agent'],
			skills: []
		});
		const tries = await Promise.all(
			Array.from({ length: 40 }, () =>
				login(ctx, { username: 'li', password: 'guess', ip: '10.1.0.1' }).catch(
					(e: DomainError) => e.status
				)
			)
		);
		expect(tries.filter((s) => s === 401)).toHaveLength(5);
		expect(tries.filter((s) => s === 429)).toHaveLength(35);
	});

	it('locks an account guessed at from many addresses, longer each time', async () => {
		await createAgent(ctx, 0, {
			username: 'zhao',
			password: 'correct-horse',
			displayName: '赵',
			roles: ['agent'],
			skills: []
		});
		const guess = (i: number, net = '10.2.0') =>
			login(ctx, { username: 'zhao', password: `guess${i}`, ip: `${net}.${i % 20}` }).catch(
				(e: DomainError) => e
			);
		const results = [];
		for (let i = 0; i < 100; i++) results.push(await guess(i));
		expect(results.filter((e) => (e as DomainError).status === 401)).toHaveLength(10);
		// the right password from a fresh address is refused too while the account is locked
		const locked = (await login(ctx, {
			username: 'zhao',
			password: 'correct-horse',
			ip: '10.3.0.1'
		}).catch((e: DomainError) => e)) as DomainError;
		expect(locked.status).toBe(429);
		const first = Number(locked.extra.retryAfterSeconds);
		expect(first).toBeGreaterThan(800);
		expect(first).toBeLessThanOrEqual(900);

		// the lockout runs out (as if 15 minutes passed); ten more wrong tries lock it for twice as long
		await ctx.limiters.loginAccount.delete(loginKeyOf('zhao'));
		for (let i = 0; i < 10; i++) await guess(i, '10.5.0');
		const again = (await guess(10, '10.5.0')) as DomainError;
		expect(again.status).toBe(429);
		expect(Number(again.extra.retryAfterSeconds)).toBeGreaterThan(1700);
	});

	it('keeps no trace of what was typed as a username (people type ID numbers there)', async () => {
		const typed = '440101199003071234';
		await expect(
			login(ctx, { username: typed, password: 'x', ip: '10.4.0.1' })
		).rejects.toMatchObject({ status: 401 });
		const rows = ctx.db.select().from(auditLog).all();
		expect(JSON.stringify(rows)).not.toContain('1990030712');
		const keys = await ctx.redis.keys(`${ctx.prefix}:*`);
		expect(keys.join(' ')).not.toContain('1990030712');
		// a known account is named by its id instead
		await login(ctx, { username: 'wang', password: 'nope', ip: '10.4.0.2' }).catch(() => null);
		expect(
			ctx.db
				.select()
				.from(auditLog)
				.all()
				.filter((a) => a.action === 'login.failed')
				.at(-1)?.target
		).toMatch(/^user:\d+$/);
	});

	it('guards roles: 401 without a user, 403 with the wrong role', () => {
		expect(() => requireRole(null, 'admin')).toThrow(expect.objectContaining({ status: 401 }));
		expect(() =>
			requireRole({ id: 1, username: 'a', displayName: 'a', roles: ['agent'] }, 'admin')
		).toThrow(expect.objectContaining({ status: 403 }));
	});
});
