import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBooth } from '../../src/lib/server/booths/booths';
import type { Ctx } from '../../src/lib/server/context';
import { calls, departments, matters } from '../../src/lib/server/db/schema';
import { frequentMatters, searchMatters } from '../../src/lib/server/finder/finder';
import { closeTestContext, testContext } from './helpers';

let ctx: Ctx;
const id = (name: string) =>
	ctx.db.select({ id: matters.id }).from(matters).where(eq(matters.name, name)).get()!.id;
const names = (q: string, limit = 5) => searchMatters(ctx, { q, limit }).matters.map((m) => m.name);
let village: number;
let neighbour: number;
let elsewhere: number;

function askFor(matter: string, times: number, boothId: number | null) {
	const at = new Date(Date.now() - 3 * 86_400_000).toISOString();
	for (let i = 0; i < times; i++)
		ctx.db
			.insert(calls)
			.values({
				id: randomUUID(),
				channel: boothId ? 'booth' : 'mobile',
				boothId,
				matterId: id(matter),
				language: 'zh',
				status: 'ended',
				callerTokenHash: 'history',
				queuedAt: at
			})
			.run();
}

beforeAll(async () => {
	ctx = await testContext();
	village = (
		await createBooth(ctx, null, { name: '化龙镇村委会晓屋', town: '化龙镇', site: '村委会' })
	).id;
	neighbour = (
		await createBooth(ctx, null, { name: '化龙镇农贸市场晓屋', town: '化龙镇', site: '农贸市场' })
	).id;
	elsewhere = (
		await createBooth(ctx, null, { name: '石楼镇工业园区晓屋', town: '石楼镇', site: '工业园区' })
	).id;
	askFor('企业职工基本养老金申领', 20, village);
	askFor('高龄津贴申领', 10, village);
	askFor('城乡居民医保参保登记', 8, village);
	askFor('残疾人证办理', 3, village);
	askFor('营业执照注销', 60, null);
});
afterAll(() => closeTestContext(ctx));

describe('matter search for callers and staff', () => {
	it('ranks equally good matches by how often they were asked for lately', () => {
		// without history 营业执照申请 would come first (same match, lower id)
		expect(names('营业执照', 3)[0]).toBe('营业执照注销');
	});

	it('forgives pinyin, typos and traditional characters, each result with its department', () => {
		expect(names('yanglaojin', 3)).toContain('企业职工基本养老金申领');
		expect(names('养老全', 3)).toContain('企业职工基本养老金申领');
		expect(names('護照', 1)).toEqual(['普通护照签发']);
		const shebao = searchMatters(ctx, { q: '社保', limit: 20 });
		expect(shebao.total).toBeGreaterThan(20);
		const depts = new Set(
			ctx.db
				.select()
				.from(departments)
				.all()
				.map((d) => d.name)
		);
		expect(shebao.matters.every((m) => depts.has(m.departmentName))).toBe(true);
	});

	it('pages through every matter of a department, the total honest', () => {
		const hrss = ctx.db.select().from(departments).where(eq(departments.code, 'hrss')).get()!.id;
		const first = searchMatters(ctx, { departmentId: hrss, limit: 30 });
		expect(first.total).toBeGreaterThan(60);
		const seen: number[] = [];
		for (let offset = 0; offset < first.total; offset += 30) {
			const page = searchMatters(ctx, { departmentId: hrss, offset, limit: 30 });
			expect(page.total).toBe(first.total);
			expect(page.matters.every((m) => m.departmentId === hrss)).toBe(true);
			seen.push(...page.matters.map((m) => m.id));
		}
		expect(new Set(seen).size).toBe(first.total);
		expect(
			searchMatters(ctx, { departmentId: hrss, offset: first.total, limit: 30 }).matters
		).toEqual([]);
	});

	it('follows a change of the catalogue (the index is rebuilt)', () => {
		expect(searchMatters(ctx, { q: '火星签证', limit: 5 }).total).toBe(0);
		const dog = id('养犬登记');
		ctx.db.update(matters).set({ name: '火星签证办理' }).where(eq(matters.id, dog)).run();
		expect(names('火星签证', 1)).toEqual(['火星签证办理']);
		ctx.db.update(matters).set({ active: false }).where(eq(matters.id, dog)).run();
		expect(searchMatters(ctx, { q: '火星签证', limit: 5 }).total).toBe(0);
		ctx.db.update(matters).set({ name: '养犬登记', active: true }).where(eq(matters.id, dog)).run();
	});
});

describe('a booth’s 常办事项', () => {
	const perDepartment = (list: { departmentId: number }[]) => {
		const n = new Map<number, number>();
		for (const m of list) n.set(m.departmentId, (n.get(m.departmentId) ?? 0) + 1);
		return Math.max(...n.values());
	};

	it('come from the booth’s own calls when it has enough of them', () => {
		const { matters: list, basis } = frequentMatters(ctx, village, 8);
		expect(basis).toBe('booth');
		expect(list.slice(0, 4).map((m) => m.name)).toEqual([
			'企业职工基本养老金申领',
			'高龄津贴申领',
			'城乡居民医保参保登记',
			'残疾人证办理'
		]);
		expect(list).toHaveLength(8);
		expect(list[0]!.materials.length).toBeGreaterThan(0);
	});

	it('come from its town’s booths when the booth itself has too few calls', () => {
		const { matters: list, basis } = frequentMatters(ctx, neighbour, 8);
		expect(basis).toBe('town');
		expect(list[0]!.name).toBe('企业职工基本养老金申领');
	});

	it('fall back to the district, never more than three of one department', () => {
		const { matters: list, basis } = frequentMatters(ctx, elsewhere, 8);
		expect(basis).toBe('district');
		expect(list).toHaveLength(8);
		expect(perDepartment(list)).toBeLessThanOrEqual(3);
		expect(list.map((m) => m.name)).toContain('营业执照注销');
	});
});
