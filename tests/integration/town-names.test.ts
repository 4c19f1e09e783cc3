import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boothLine } from '../../src/lib/agent/format';
import type { Ctx } from '../../src/lib/server/context';
import { towns } from '../../src/lib/server/db/schema';
import { seedCatalogue } from '../../src/lib/server/seed/seed';
import { translator } from '../../src/lib/i18n';
import { closeTestContext, testContext } from './helpers';

let ctx: Ctx;
beforeAll(async () => (ctx = await testContext()));
afterAll(() => closeTestContext(ctx));

describe('town names', () => {
	it('every seeded town has an English name, so an English desk shows no Chinese in brackets', () => {
		const rows = ctx.db.select().from(towns).all();
		expect(rows.length).toBeGreaterThan(10);
		for (const t of rows) expect(t.nameEn, t.name).toMatch(/^[A-Z][a-z]+ (Subdistrict|Town)$/);
		const shiqiao = rows.find((t) => t.name === '市桥街')!;
		const line = boothLine(
			(k, v) => translator('en')(k, v),
			{ boothName: '市桥街 农贸市场', boothTown: shiqiao.name, boothTownEn: shiqiao.nameEn },
			true
		);
		expect(line).toBe('Booth: 市桥街 农贸市场 (Shiqiao Subdistrict)');
	});

	it('seeding again fills a missing English name and keeps one set by hand', () => {
		ctx.db.update(towns).set({ nameEn: null }).where(eq(towns.name, '沙头街')).run();
		ctx.db.update(towns).set({ nameEn: 'Shiqiao' }).where(eq(towns.name, '市桥街')).run();
		seedCatalogue(ctx.db);
		const byName = new Map(
			ctx.db
				.select()
				.from(towns)
				.all()
				.map((t) => [t.name, t.nameEn])
		);
		expect(byName.get('沙头街')).toBe('Shatou Subdistrict');
		expect(byName.get('市桥街')).toBe('Shiqiao');
	});
});
