import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skillsOf } from '../../src/lib/server/agents/agents';
import { leaveCall } from '../../src/lib/server/calls/calls';
import { currentOffer } from '../../src/lib/server/calls/offers';
import { setAgentState } from '../../src/lib/server/calls/seats';
import { editAgentSkills, replaceAgentSkills } from '../../src/lib/server/calls/skills';
import type { Ctx } from '../../src/lib/server/context';
import {
	closeRouting,
	makeAgent,
	mobileCall,
	routingContext,
	someMatters
} from './routing-helpers';

let ctx: Ctx;
let m: ReturnType<typeof someMatters>;
beforeAll(async () => {
	ctx = await routingContext();
	m = someMatters(ctx);
});
afterAll(() => closeRouting(ctx));

describe('skill edits reach routing at once', () => {
	it('a Cantonese caller waiting for a matter nobody serves is offered to a seat the moment it is given the department and Cantonese', async () => {
		const seat = await makeAgent(ctx, [
			{ kind: 'language', code: 'zh', level: 5 },
			{ kind: 'matter', matterId: m.a.id, level: 3 }
		]);
		await setAgentState(ctx, seat, 'available');
		const call = await mobileCall(ctx, { matterId: m.otherDept.id, language: 'yue' });
		expect(call.status).toBe('queued');
		expect(await currentOffer(ctx, seat)).toBeNull();
		const res = await editAgentSkills(ctx, 0, {
			agentIds: [seat],
			set: [
				{ kind: 'department', departmentId: m.otherDept.departmentId, level: 3 },
				{ kind: 'language', code: 'yue', level: 4 }
			],
			remove: []
		});
		// the seat was not asked to go available again: the edit alone brought the offer
		expect((await currentOffer(ctx, seat))?.callId).toBe(call.callId);
		const skills = res.agents[0]!.skills;
		expect(skills).toContainEqual({ kind: 'language', code: 'yue', matterId: 0, level: 4 });
		expect(skills).toContainEqual({ kind: 'matter', code: '', matterId: m.otherDept.id, level: 3 });
		await leaveCall(ctx, call.callId);
	});

	it('a matter taken away from an available seat is no longer offered to it', async () => {
		const seat = await makeAgent(ctx, [
			{ kind: 'language', code: 'zh', level: 5 },
			{ kind: 'matter', matterId: m.sameDept.id, level: 4 }
		]);
		await setAgentState(ctx, seat, 'available');
		await editAgentSkills(ctx, 0, {
			agentIds: [seat],
			set: [],
			remove: [{ kind: 'matter', matterId: m.sameDept.id }]
		});
		const call = await mobileCall(ctx, { matterId: m.sameDept.id });
		expect(await currentOffer(ctx, seat)).toBeNull();
		// and given back through the one-seat replacement, it is offered at once
		await replaceAgentSkills(ctx, 0, seat, [
			{ kind: 'language', code: 'zh', level: 5 },
			{ kind: 'matter', matterId: m.sameDept.id, level: 4 }
		]);
		expect((await currentOffer(ctx, seat))?.callId).toBe(call.callId);
		await leaveCall(ctx, call.callId);
	});

	it('bulk: several seats at once, a level raised in place; an unknown seat changes nothing', async () => {
		const a = await makeAgent(ctx, [{ kind: 'language', code: 'zh', level: 2 }]);
		const b = await makeAgent(ctx, []);
		await editAgentSkills(ctx, 0, {
			agentIds: [a, b],
			set: [
				{ kind: 'language', code: 'zh', level: 5 },
				{ kind: 'sign_language', level: 3 },
				{ kind: 'elderly_guidance', level: 4 }
			],
			remove: []
		});
		for (const id of [a, b]) {
			const s = skillsOf(ctx.db, id);
			expect(s).toContainEqual({ kind: 'language', code: 'zh', matterId: 0, level: 5 });
			expect(s.filter((x) => x.kind === 'language')).toHaveLength(1);
			expect(s).toContainEqual({ kind: 'sign_language', code: '', matterId: 0, level: 3 });
		}
		const before = skillsOf(ctx.db, a);
		await expect(
			editAgentSkills(ctx, 0, {
				agentIds: [a, 999_999],
				set: [{ kind: 'language', code: 'en', level: 3 }],
				remove: []
			})
		).rejects.toMatchObject({ status: 400, code: 'unknown_agent' });
		await expect(
			editAgentSkills(ctx, 0, {
				agentIds: [a],
				set: [{ kind: 'department', departmentId: 999_999, level: 3 }],
				remove: []
			})
		).rejects.toMatchObject({ status: 400, code: 'unknown_department' });
		expect(skillsOf(ctx.db, a)).toEqual(before);
	});
});
