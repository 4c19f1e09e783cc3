import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent, setSkills, skillsOf, listStaff } from '../../src/lib/server/agents/agents';
import { boothFromToken } from '../../src/lib/server/auth/auth';
import { createBooth, listBooths } from '../../src/lib/server/booths/booths';
import { findMatters } from '../../src/lib/server/catalog/catalog';
import type { Ctx } from '../../src/lib/server/context';
import { booths, matters } from '../../src/lib/server/db/schema';
import { closeTestContext, testContext } from './helpers';

let ctx: Ctx;
let pension: number;
beforeAll(async () => {
	ctx = await testContext();
	pension = ctx.db.select().from(matters).where(eq(matters.name, '企业职工基本养老金申领')).get()!
		.id;
});
afterAll(() => closeTestContext(ctx));

describe('agents and skills', () => {
	it('creates an agent with skills that the routing engine can read', async () => {
		const { id } = await createAgent(ctx, 0, {
			username: 'li',
			password: 'password-1',
			displayName: '李',
			roles: ['agent'],
			skills: [
				{ kind: 'language', code: 'yue', level: 5 },
				{ kind: 'matter', matterId: pension, level: 4 },
				{ kind: 'sign_language', level: 3 }
			]
		});
		expect(skillsOf(ctx.db, id)).toEqual(
			expect.arrayContaining([
				{ kind: 'language', code: 'yue', matterId: 0, level: 5 },
				{ kind: 'matter', code: '', matterId: pension, level: 4 },
				{ kind: 'sign_language', code: '', matterId: 0, level: 3 }
			])
		);
	});

	it('refuses an unknown language or matter and creates nothing', async () => {
		const before = listStaff(ctx.db).length;
		await expect(
			createAgent(ctx, 0, {
				username: 'bad1',
				password: 'password-1',
				displayName: 'x',
				roles: ['agent'],
				skills: [{ kind: 'language', code: 'xx', level: 1 }]
			})
		).rejects.toMatchObject({ status: 400, code: 'unknown_language' });
		await expect(
			createAgent(ctx, 0, {
				username: 'bad2',
				password: 'password-1',
				displayName: 'x',
				roles: ['agent'],
				skills: [{ kind: 'matter', matterId: 999999, level: 1 }]
			})
		).rejects.toMatchObject({ status: 400, code: 'unknown_matter' });
		expect(listStaff(ctx.db).length).toBe(before);
	});

	it('refuses a taken username (any case) with 409', async () => {
		await expect(
			createAgent(ctx, 0, {
				username: 'LI',
				password: 'password-1',
				displayName: 'y',
				roles: ['agent'],
				skills: []
			})
		).rejects.toMatchObject({
			status: 409,
			code: 'username_taken'
		});
	});

	it('replaces skills wholesale, and a bad replacement leaves the old skills in place', async () => {
		const { id } = await createAgent(ctx, 0, {
			username: 'zhao',
			password: 'password-1',
			displayName: '赵',
			roles: ['agent'],
			skills: [{ kind: 'language', code: 'zh', level: 5 }]
		});
		await setSkills(ctx, 0, id, [{ kind: 'language', code: 'en', level: 4 }]);
		expect(skillsOf(ctx.db, id)).toEqual([{ kind: 'language', code: 'en', matterId: 0, level: 4 }]);
		await expect(
			setSkills(ctx, 0, id, [
				{ kind: 'language', code: 'en', level: 4 },
				{ kind: 'language', code: 'en', level: 2 }
			])
		).rejects.toMatchObject({
			status: 400,
			code: 'duplicate_skill'
		});
		expect(skillsOf(ctx.db, id)).toEqual([{ kind: 'language', code: 'en', matterId: 0, level: 4 }]);
		await expect(setSkills(ctx, 0, 987654, [])).rejects.toMatchObject({ status: 404 });
	});
});

describe('booths', () => {
	it('issues a device token that identifies the booth; only its hash is stored', async () => {
		const { id, token } = await createBooth(ctx, null, {
			name: '测试晓屋',
			town: '市桥街',
			site: '银行网点'
		});
		expect(boothFromToken(ctx, token)).toMatchObject({ id, name: '测试晓屋' });
		expect(boothFromToken(ctx, token.slice(0, -1) + 'x')).toBeNull();
		const row = ctx.db.select().from(booths).where(eq(booths.id, id)).get()!;
		expect(row.tokenHash).not.toContain(token);
		expect(listBooths(ctx).find((b) => b.id === id)).toMatchObject({
			town: '市桥街',
			state: 'offline'
		});
	});

	it('refuses an unknown town and registers nothing', async () => {
		const before = listBooths(ctx).length;
		await expect(
			createBooth(ctx, null, { name: 'x', town: '火星镇', site: 'y' })
		).rejects.toMatchObject({
			status: 400,
			code: 'unknown_town'
		});
		expect(listBooths(ctx).length).toBe(before);
	});
});

describe('matter search', () => {
	it('finds matters by Chinese or English words, best match first, within a department', () => {
		expect(findMatters(ctx, { q: '养老金', limit: 10 }).matters[0]?.name).toBe(
			'企业职工基本养老金申领'
		);
		expect(findMatters(ctx, { q: 'pension', limit: 50 }).matters.map((m) => m.id)).toContain(
			pension
		);
		expect(findMatters(ctx, { q: 'PENSION claim', limit: 50 }).matters.map((m) => m.id)).toContain(
			pension
		);
		const hrss = findMatters(ctx, { q: '养老金', limit: 10 }).matters[0]!.departmentId;
		const inDept = findMatters(ctx, { departmentId: hrss, limit: 100 });
		expect(inDept.total).toBeGreaterThan(50);
		expect(inDept.matters.every((m) => m.departmentId === hrss)).toBe(true);
	});

	it('treats % and _ as plain characters', () => {
		expect(findMatters(ctx, { q: '%', limit: 10 }).total).toBe(0);
		expect(findMatters(ctx, { q: '_', limit: 10 }).total).toBe(0);
	});

	it('holds a catalogue big enough that search matters', () => {
		expect(findMatters(ctx, { limit: 1 }).total).toBeGreaterThanOrEqual(1000);
	});
});
