import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/lib/server/audit/audit';
import { setAgentState } from '../../src/lib/server/calls/seats';
import type { Ctx } from '../../src/lib/server/context';
import { auditLog, calls, outcomes, ratings } from '../../src/lib/server/db/schema';
import { purgePersonalData } from '../../src/lib/server/maintenance/maintenance';
import { wallSnapshot } from '../../src/lib/server/supervisor/wall';
import {
	closeRouting,
	makeAgent,
	mobileCall,
	routingContext,
	someMatters
} from './routing-helpers';

let ctx: Ctx;
const PHONE = '13912345678';
const ID = '44010119900307123X';

beforeAll(async () => {
	ctx = await routingContext({ RETENTION_DAYS: '180' });
});
afterAll(() => closeRouting(ctx));

describe('personal data in free text', () => {
	it('is masked in the event stream kept in Redis, on the wall and in the audit log', async () => {
		const agent = await makeAgent(ctx, []);
		await setAgentState(ctx, agent, 'break', `回电市民 ${PHONE}，身份证 ${ID}`);
		const stream = JSON.stringify(await ctx.redis.xrange(`${ctx.prefix}:events`, '-', '+'));
		expect(stream).toContain('139****5678');
		expect(stream).not.toContain(PHONE);
		expect(stream).not.toContain('1990030712');
		const row = (await wallSnapshot(ctx)).agents.find((a) => a.id === agent);
		expect(row?.reason).toBe('回电市民 139****5678，身份证 4401**********123X');

		audit(ctx, { actorKind: 'system', action: 'test.note', detail: { note: `电话 ${PHONE}` } });
		const logged = ctx.db.select().from(auditLog).where(eq(auditLog.action, 'test.note')).get();
		expect(logged?.detail).toEqual({ note: '电话 139****5678' });
	});

	it('is forgotten after RETENTION_DAYS: notes, mailing address and rating comment', async () => {
		const m = someMatters(ctx);
		const day = 86_400_000;
		const old = await mobileCall(ctx, { matterId: m.a.id });
		const recent = await mobileCall(ctx, { matterId: m.a.id });
		const agent = await makeAgent(ctx, []);
		const past = new Date(Date.now() - 181 * day).toISOString();
		ctx.db
			.update(calls)
			.set({ queuedAt: past, status: 'ended' })
			.where(eq(calls.id, old.callId))
			.run();
		for (const c of [old, recent]) {
			ctx.db
				.update(calls)
				.set({ notes: `备注 ${PHONE}` })
				.where(eq(calls.id, c.callId))
				.run();
			ctx.db
				.insert(outcomes)
				.values({
					callId: c.callId,
					agentId: agent,
					outcome: 'done',
					notes: '已办结',
					mailResults: true,
					mailAddress: '市桥街某路 1 号'
				})
				.run();
			ctx.db.insert(ratings).values({ callId: c.callId, score: 2, comment: '等太久了' }).run();
		}
		const purged = purgePersonalData(ctx);
		expect(purged).toMatchObject({ calls: 1, outcomes: 1, ratings: 1 });
		const read = (id: string) => ({
			notes: ctx.db.select().from(calls).where(eq(calls.id, id)).get()?.notes,
			outcome: ctx.db.select().from(outcomes).where(eq(outcomes.callId, id)).get(),
			rating: ctx.db.select().from(ratings).where(eq(ratings.callId, id)).get()
		});
		const o = read(old.callId);
		expect(o.notes).toBeNull();
		expect(o.outcome).toMatchObject({ outcome: 'done', notes: null, mailAddress: null });
		expect(o.rating).toMatchObject({ score: 2, comment: null });
		const r = read(recent.callId);
		expect(r.notes).toBe(`备注 ${PHONE}`);
		expect(r.outcome?.mailAddress).toBe('市桥街某路 1 号');
		expect(r.rating?.comment).toBe('等太久了');
		// a second run finds nothing left to forget
		expect(purgePersonalData(ctx)).toEqual({
			calls: 0,
			outcomes: 0,
			ratings: 0,
			followUps: 0,
			followUpSteps: 0
		});
	});
});
