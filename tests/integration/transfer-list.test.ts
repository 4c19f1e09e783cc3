import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent } from '../../src/lib/server/agents/agents';
import { setAgentState } from '../../src/lib/server/calls/seats';
import type { Ctx } from '../../src/lib/server/context';
import { availableColleagues } from '../../src/lib/server/desk/desk';
import { closeRouting, makeAgent, routingContext, someMatters } from './routing-helpers';

let ctx: Ctx;
let m: ReturnType<typeof someMatters>;

beforeAll(async () => {
	ctx = await routingContext();
	m = someMatters(ctx);
});
afterAll(() => closeRouting(ctx));

describe('the transfer list', () => {
	it('shows each free colleague’s languages and departments, and tells equal names apart', async () => {
		const me = await makeAgent(ctx, [{ kind: 'language', code: 'zh', level: 5 }]);
		const twin = async (username: string, skills: Parameters<typeof createAgent>[2]['skills']) =>
			(
				await createAgent(ctx, 0, {
					username,
					password: 'password-123',
					displayName: '陈敏',
					roles: ['agent'],
					skills
				})
			).id;
		const a = await twin('chenmin1', [
			{ kind: 'language', code: 'zh', level: 5 },
			{ kind: 'language', code: 'yue', level: 4 },
			{ kind: 'matter', matterId: m.a.id, level: 3 },
			{ kind: 'matter', matterId: m.sameDept.id, level: 3 }
		]);
		const b = await twin('chenmin2', [
			{ kind: 'language', code: 'en', level: 4 },
			{ kind: 'matter', matterId: m.otherDept.id, level: 2 }
		]);
		const away = await makeAgent(ctx, [{ kind: 'language', code: 'zh', level: 5 }]);
		for (const id of [me, a, b]) await setAgentState(ctx, id, 'available');

		const list = await availableColleagues(ctx, me);
		expect(list.map((c) => c.agentId)).not.toContain(me);
		expect(list.map((c) => c.agentId)).not.toContain(away);
		const twins = list.filter((c) => c.displayName === '陈敏');
		expect(twins.map((c) => c.username)).toEqual(['chenmin1', 'chenmin2']);
		expect(twins[0]!.languages.map((l) => l.name).sort()).toEqual(['普通话', '粤语'].sort());
		// Two matters of one department: the department once.
		expect(twins[0]!.departments).toHaveLength(1);
		expect(twins[0]!.departments[0]!.id).toBe(m.a.departmentId);
		expect(twins[1]).toMatchObject({
			languages: [{ code: 'en', nameEn: 'English' }],
			departments: [{ id: m.otherDept.departmentId }]
		});
		for (const id of [me, a, b]) await setAgentState(ctx, id, 'offline');
	});
});
