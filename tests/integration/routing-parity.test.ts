import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/lib/server/context';
import * as live from '../../src/lib/server/routing/live';
import { matchCall } from '../../src/lib/server/routing/matching';
import {
	agentIndexes,
	parseEscalation,
	parseLanguageRelax,
	requirementFor,
	selectAgent,
	type CallFacts,
	type SkillFields
} from '../../src/lib/server/routing/rules';
import { closeTestContext, testContext } from './helpers';

/**
 * One table of selection cases drives both implementations: `selectAgent` (the readable
 * statement of the rule, in TypeScript) and the Lua `matchCall` production runs. Each case says
 * whom a human expects to get the call; both must agree with it.
 */
const steps = parseEscalation('30:elderly_any_seat,60:department,120:language');
const relax = parseLanguageRelax('yue:zh');
const call = (over: Partial<CallFacts> = {}): CallFacts => ({
	matterId: 12,
	departmentId: 3,
	minLevel: 2,
	language: 'yue',
	sign: false,
	elderly: false,
	priorityLane: 'none',
	inAppointmentSlot: false,
	...over
});
/** Skill fields as an agent's stored skills give them (a matter skill also grants its department). */
const seat = (matterLevel: number, lang: string, extra: SkillFields = {}): SkillFields => ({
	...(matterLevel ? { 'm:12': matterLevel, 'd:3': matterLevel } : {}),
	[`l:${lang}`]: 5,
	...extra
});

interface Case {
	name: string;
	call: CallFacts;
	step?: number;
	agents: { id: number; fields: SkillFields; idleSince: number }[];
	expected: { agentId: number; rule: 'best_fit' | 'elderly_guidance' } | null;
}

const CASES: Case[] = [
	{
		name: 'same matter level: the more fluent speaker of the caller’s language first, however long the other idles',
		call: call(),
		agents: [
			{ id: 1, fields: seat(4, 'yue', { 'l:yue': 2 }), idleSince: 10 },
			{ id: 2, fields: seat(4, 'yue', { 'l:yue': 5 }), idleSince: 900 },
			{ id: 3, fields: seat(5, 'yue', { 'l:yue': 1 }), idleSince: 950 }
		],
		// the matter level still comes first (3), then language among equals
		expected: { agentId: 3, rule: 'best_fit' }
	},
	{
		name: 'equal matter levels are ordered by language proficiency',
		call: call(),
		agents: [
			{ id: 1, fields: seat(4, 'yue', { 'l:yue': 2 }), idleSince: 10 },
			{ id: 2, fields: seat(4, 'yue', { 'l:yue': 5 }), idleSince: 900 }
		],
		expected: { agentId: 2, rule: 'best_fit' }
	},
	{
		name: 'best proficiency first, then longest idle',
		call: call(),
		agents: [
			{ id: 1, fields: seat(3, 'yue'), idleSince: 100 },
			{ id: 2, fields: seat(5, 'yue'), idleSince: 500 },
			{ id: 3, fields: seat(5, 'yue'), idleSince: 200 },
			{ id: 4, fields: seat(5, 'zh'), idleSince: 1 }
		],
		expected: { agentId: 3, rule: 'best_fit' }
	},
	{
		name: 'an elderly caller gets an elderly-guidance seat among the eligible',
		call: call({ elderly: true }),
		agents: [
			{ id: 1, fields: seat(5, 'yue'), idleSince: 1 },
			{ id: 2, fields: seat(2, 'yue', { eld: 3 }), idleSince: 9 }
		],
		expected: { agentId: 2, rule: 'elderly_guidance' }
	},
	{
		name: 'the same seats for a caller who is not elderly: proficiency wins',
		call: call(),
		agents: [
			{ id: 1, fields: seat(5, 'yue'), idleSince: 1 },
			{ id: 2, fields: seat(2, 'yue', { eld: 3 }), idleSince: 9 }
		],
		expected: { agentId: 1, rule: 'best_fit' }
	},
	{
		name: 'below the matter minimum level is not eligible',
		call: call({ minLevel: 4 }),
		agents: [{ id: 1, fields: seat(3, 'yue'), idleSince: 1 }],
		expected: null
	},
	{
		name: 'the wrong language is not eligible before the language step',
		call: call(),
		agents: [{ id: 1, fields: seat(5, 'zh'), idleSince: 1 }],
		expected: null
	},
	{
		name: 'after the language step a Mandarin seat takes a Cantonese caller',
		call: call(),
		step: 3,
		agents: [{ id: 1, fields: seat(5, 'zh'), idleSince: 1 }],
		expected: { agentId: 1, rule: 'best_fit' }
	},
	{
		name: 'after the department step any seat of the department serves, ranked by department level',
		call: call({ matterId: 99 }),
		step: 2,
		agents: [
			{ id: 1, fields: seat(2, 'yue'), idleSince: 1 },
			{ id: 2, fields: seat(4, 'yue'), idleSince: 5 }
		],
		expected: { agentId: 2, rule: 'best_fit' }
	},
	{
		name: 'a sign-language call only reaches sign-language seats',
		call: call({ sign: true }),
		agents: [
			{ id: 1, fields: seat(5, 'yue'), idleSince: 1 },
			{ id: 2, fields: seat(2, 'zh', { sign: 4 }), idleSince: 7 }
		],
		expected: { agentId: 2, rule: 'best_fit' }
	},
	{
		name: 'an elderly caller past the first step is served by any seat speaking the language',
		call: call({ elderly: true }),
		step: 1,
		agents: [
			{ id: 1, fields: seat(0, 'yue'), idleSince: 3 },
			{ id: 2, fields: seat(0, 'zh'), idleSince: 1 }
		],
		expected: { agentId: 1, rule: 'best_fit' }
	}
];

let base: Ctx;
beforeAll(async () => {
	base = await testContext({ OFFER_RETRY_SECONDS: '300' });
});
afterAll(() => closeTestContext(base));

describe('selection: the TypeScript rule and the Lua match agree, case by case', () => {
	for (const c of CASES) {
		it(c.name, async () => {
			const req = requirementFor(c.call, steps, c.step ?? 0, relax);
			const ts = selectAgent(
				c.agents.map((a) => ({ agentId: a.id, fields: a.fields, idleSince: a.idleSince })),
				req,
				c.call.elderly
			);
			// the Lua side: a fresh key space, the agents available since their idle time
			const ctx: Ctx = { ...base, prefix: `p${randomUUID().slice(0, 8)}` };
			for (const a of c.agents) {
				await live.writeSkills(ctx, a.id, a.fields);
				const idx = agentIndexes(a.fields)
					.map((i) => `${i.index}=${i.base}`)
					.join(' ');
				await live.setAgent(ctx, a.id, 'available', a.idleSince, idx);
			}
			const callId = randomUUID();
			await live.enqueue(ctx, callId, req.bucket, 1000, c.call.elderly, 'new');
			const lua = await matchCall(ctx, callId, 10_000);

			expect(ts && { agentId: ts.agentId, rule: ts.rule }).toEqual(c.expected);
			expect(lua.kind === 'offered' ? { agentId: lua.agentId, rule: lua.rule } : null).toEqual(
				c.expected
			);
		});
	}
});
