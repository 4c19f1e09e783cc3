import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import * as api from '../../src/lib/contracts/api';
import { NotesBody } from '../../src/lib/contracts/agent-api';
import { BookingBody } from '../../src/lib/contracts/bookings-api';
import { HeartbeatBody, RatingBody } from '../../src/lib/contracts/caller-api';
import { CaseStepBody } from '../../src/lib/contracts/quality-api';
import * as sched from '../../src/lib/contracts/schedule-api';
import { operations } from '../../src/lib/contracts/openapi';
import { database, ok, send, type Identity } from './client';
import { expectDocumented, expectErrorShape, opKey } from './conforms';
import { World } from './world';

/** Few runs per operation: the tier stays within a couple of minutes on two cores. */
const RUNS = Number(process.env.HTTP_FUZZ_RUNS ?? 50);

let w: World;
beforeAll(async () => {
	w = await World.create();
});

const anyJson = fc.jsonValue({ maxDepth: 2 });
/** Text that is not JSON at all. */
const notJson = fc.string({ maxLength: 20 }).filter((t) => {
	try {
		JSON.parse(t);
		return false;
	} catch {
		return true;
	}
});

/**
 * Bodies mutated against a valid one: a field replaced by any JSON value, a field dropped, an
 * unknown field added, two fields replaced, or anything at all in place of the object.
 */
function mutated(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
	const keys = Object.keys(valid);
	const key = fc.constantFrom(...keys);
	return fc.oneof(
		{ arbitrary: fc.tuple(key, anyJson).map(([k, v]) => ({ ...valid, [k]: v })), weight: 4 },
		{
			arbitrary: key.map((k) => Object.fromEntries(Object.entries(valid).filter(([x]) => x !== k))),
			weight: 1
		},
		{
			arbitrary: fc
				.tuple(key, anyJson, key, anyJson)
				.map(([k, v, k2, v2]) => ({ ...valid, [k]: v, [k2]: v2 })),
			weight: 2
		},
		{
			arbitrary: fc.tuple(fc.string(), anyJson).map(([k, v]) => ({ ...valid, [k]: v })),
			weight: 1
		},
		{ arbitrary: anyJson, weight: 1 }
	);
}

type Body = { json: unknown } | { raw: string };
/** Bad bodies for a schema: mutations the schema refuses (or `all` of them), and broken JSON. */
function badBodies(schema: z.ZodType, valid: Record<string, unknown>, all = false) {
	return fc.oneof(
		{
			arbitrary: mutated(valid)
				.filter((b) => all || !schema.safeParse(b).success)
				.map((json): Body => ({ json })),
			weight: 5
		},
		{ arbitrary: notJson.map((raw): Body => ({ raw })), weight: 1 }
	);
}

const op = (key: string) => {
	const found = operations.find((o) => opKey(o) === key);
	if (!found) throw new Error(`no operation ${key}`);
	return found;
};

interface Target {
	as: Identity;
	path?: string;
	/** What a user would see change: it must be the same after any rejection. */
	state: () => Promise<unknown>;
}

/**
 * Sends each generated body: never a 5xx, every 4xx in the error shape with a documented status
 * and code, a body the schema refuses is a 400, and a rejected request leaves `state` as it was.
 */
async function rejectsCleanly(
	key: string,
	target: Target,
	bodies: fc.Arbitrary<Body>,
	schema?: z.ZodType
) {
	const o = op(key);
	await fc.assert(
		fc.asyncProperty(bodies, async (b) => {
			const before = await target.state();
			const r = await send(o.method.toUpperCase(), target.path ?? o.path, {
				as: target.as,
				...('raw' in b ? { raw: b.raw } : { body: b.json })
			});
			expectDocumented(o, r);
			if (r.status < 400) return;
			expectErrorShape(r);
			expect(await target.state(), `state changed after ${r.status}`).toEqual(before);
			if ('raw' in b || (schema && !schema.safeParse(b.json).success))
				expect(r.status, JSON.stringify(r.body)).toBe(400);
		}),
		{ numRuns: RUNS }
	);
}

const count = (table: Parameters<ReturnType<typeof database>['count']>[0]) => async () => {
	const db = database();
	try {
		return db.count(table);
	} finally {
		db.close();
	}
};
const view = (path: string, as: Identity) => () => ok('GET', path, { as });

describe('bad input changes nothing and is answered in the error shape', () => {
	it('joining the queue (phone and booth)', async () => {
		const valid = { channel: 'mobile', matterId: w.queueMatter, language: 'zh' };
		const state = count('calls');
		await rejectsCleanly(
			'POST /calls',
			{ as: {}, state },
			badBodies(api.CreateCallBody, valid),
			api.CreateCallBody
		);
		const booth = (await w.booth()).as;
		await rejectsCleanly(
			'POST /calls',
			{ as: booth, state },
			badBodies(api.CreateCallBody, { ...valid, channel: 'booth' }),
			api.CreateCallBody
		);
	});

	it('creating staff, replacing skills, registering booths', async () => {
		const agents = view('/admin/agents', w.admin);
		await rejectsCleanly(
			'POST /admin/agents',
			{ as: w.admin, state: agents },
			badBodies(api.CreateAgentBody, {
				username: 'fuzzed.user',
				password: 'long-enough-1',
				displayName: '测试',
				roles: ['agent'],
				skills: [{ kind: 'language', code: 'zh', level: 3 }]
			}),
			api.CreateAgentBody
		);
		const target = await w.sharedAgent();
		const skills = `/admin/agents/${target.id}/skills`;
		await rejectsCleanly(
			'PUT /admin/agents/{id}/skills',
			{ as: w.admin, path: skills, state: view(skills, w.admin) },
			// A language only: an accepted body must not let this agent serve the queue's matter.
			badBodies(api.ReplaceSkillsBody, { skills: [{ kind: 'language', code: 'en', level: 2 }] }),
			api.ReplaceSkillsBody
		);
		await rejectsCleanly(
			'POST /admin/booths',
			{ as: w.admin, state: view('/admin/booths', w.admin) },
			badBodies(api.CreateBoothBody, { name: '晓屋', town: '石楼镇', site: '高校' }),
			api.CreateBoothBody
		);
	});

	it('service hours and date exceptions', async () => {
		const scheduler = await w.as('scheduler');
		const hours = await ok<Record<string, unknown>>('GET', '/schedule/hours', { as: scheduler });
		await rejectsCleanly(
			'PUT /schedule/hours',
			{ as: scheduler, state: view('/schedule/hours', scheduler) },
			badBodies(api.HoursBody, hours),
			api.HoursBody
		);
		await rejectsCleanly(
			'PUT /schedule/exceptions/{date}',
			{
				as: scheduler,
				path: '/schedule/exceptions/2091-03-04',
				state: view('/schedule/exceptions', scheduler)
			},
			badBodies(api.ExceptionBody, { kind: 'holiday', note: '' }),
			api.ExceptionBody
		);
	});

	it('schedules, extended sessions, rosters and the holiday import', async () => {
		const scheduler = await w.as('scheduler');
		const schedule = { name: `坏输入-${Date.now()}`, pattern: { mon: [['09:00', '12:00']] } };
		await rejectsCleanly(
			'POST /schedule/schedules',
			{ as: scheduler, state: view('/schedule/schedules', scheduler) },
			badBodies(sched.ScheduleCreateBody, schedule),
			sched.ScheduleCreateBody
		);
		const session = { name: '坏输入延时', weekday: 6, intervals: [['09:00', '12:00']] };
		const { session: made } = await ok<{ session: { id: number } }>(
			'POST',
			'/schedule/sessions',
			{ as: scheduler, body: { ...session, matterIds: [w.queueMatter] } },
			201
		);
		const path = `/schedule/sessions/${made.id}`;
		await rejectsCleanly(
			'PUT /schedule/sessions/{id}',
			{ as: scheduler, path, state: view(path, scheduler) },
			badBodies(sched.SessionUpdateBody, { ...session, version: 1 }),
			sched.SessionUpdateBody
		);
		const roster = `${path}/roster?from=2091-06-01&to=2091-06-30`;
		await rejectsCleanly(
			'PUT /schedule/sessions/{id}/roster',
			{ as: scheduler, path: `${path}/roster`, state: view(roster, scheduler) },
			badBodies(sched.RosterBody, { date: '2091-06-02', agentIds: [], repeatWeeks: 1 }),
			sched.RosterBody
		);
		await rejectsCleanly(
			'POST /schedule/holidays/import',
			{ as: scheduler, state: view('/schedule/exceptions', scheduler) },
			badBodies(sched.HolidayImportBody, {
				source: 'file:bad.json',
				days: [{ date: '2091-06-09', kind: 'holiday', note: null, weekday: null }]
			}),
			sched.HolidayImportBody
		);
	});

	it("an agent's state, notes, wrap-up and transfer", async () => {
		const agent = await w.as('agent');
		await rejectsCleanly(
			'PUT /agent/state',
			{ as: agent, state: view('/agent/state', agent) },
			badBodies(api.AgentStateBody, { state: 'break', reason: 'meal' }),
			api.AgentStateBody
		);
		const live = await w.scene('agent', 'connected');
		// Staff see the call without a (freshly minted) video token.
		const callState = view(`/calls/${live.callId}`, w.admin);
		const me = live.agent!.as;
		await rejectsCleanly(
			'PUT /calls/{id}/notes',
			{ as: me, path: `/calls/${live.callId}/notes`, state: callState },
			badBodies(NotesBody, { notes: '材料齐全' }),
			NotesBody
		);
		await rejectsCleanly(
			'POST /calls/{id}/transfer',
			{ as: me, path: `/calls/${live.callId}/transfer`, state: callState },
			badBodies(api.TransferBody, { matterId: w.queueMatter, language: 'zh' }),
			api.TransferBody
		);
		const ending = await w.scene('agent', 'wrap_up');
		await rejectsCleanly(
			'POST /calls/{id}/wrap-up',
			{
				as: ending.agent!.as,
				path: `/calls/${ending.callId}/wrap-up`,
				state: view(`/calls/${ending.callId}`, w.admin)
			},
			badBodies(api.WrapUpBody, {
				outcome: 'done',
				mailResults: true,
				mailAddress: '番禺区市桥街1号'
			}),
			api.WrapUpBody
		);
	});

	it('ratings, booth heartbeats and bookings', async () => {
		const ended = await w.scene('mobile', 'ended');
		await rejectsCleanly(
			'POST /calls/{id}/rating',
			{ as: ended.caller, path: `/calls/${ended.callId}/rating`, state: count('ratings') },
			badBodies(RatingBody, { score: 1, reasons: ['attitude'], comment: '态度差' }),
			RatingBody
		);
		await ok(
			'POST',
			`/calls/${ended.callId}/rating`,
			{ as: ended.caller, body: { score: 4 } },
			201
		);
		const booth = await w.booth();
		await rejectsCleanly(
			'POST /booth/heartbeat',
			{ as: booth.as, state: view('/admin/booths', w.admin) },
			badBodies(HeartbeatBody, { state: 'idle' }),
			HeartbeatBody
		);
		await rejectsCleanly(
			'POST /bookings',
			{ as: booth.as, state: count('appointments') },
			badBodies(BookingBody, { matterId: w.queueMatter }),
			BookingBody
		);
	});

	it('login with malformed credentials', async () => {
		// Only bodies the schema refuses: well-formed wrong passwords count towards the lockout.
		await rejectsCleanly(
			'POST /auth/login',
			{ as: {}, state: async () => null },
			badBodies(api.LoginBody, { username: 'admin', password: 'x' }),
			api.LoginBody
		);
	});
});

describe('bad query strings and path parameters', () => {
	const segment = fc
		.string({ minLength: 1, maxLength: 24 })
		.filter((s) => s !== '.' && s !== '..')
		.map(encodeURIComponent);

	it('matter search', async () => {
		const o = op('GET /matters');
		const query = fc.dictionary(
			fc.constantFrom('q', 'departmentId', 'limit', 'offset', 'other'),
			fc.oneof(fc.string({ maxLength: 60 }), fc.integer().map(String)),
			{ maxKeys: 3 }
		);
		await fc.assert(
			fc.asyncProperty(query, async (q) => {
				const r = await send('GET', `/matters?${new URLSearchParams(q)}`);
				expectDocumented(o, r);
				if (r.status >= 400) expectErrorShape(r);
			}),
			{ numRuns: RUNS }
		);
	});

	it("a case's steps", async () => {
		const ended = await w.scene('agent', 'ended');
		await ok(
			'POST',
			`/calls/${ended.callId}/rating`,
			{ as: ended.caller, body: { score: 1 } },
			201
		);
		const page = await ok<{ items: { id: number; callId: string }[] }>(
			'GET',
			`/quality/cases?ownerId=${ended.agent!.id}`,
			{ as: w.admin }
		);
		const id = page.items.find((i) => i.callId === ended.callId)!.id;
		await rejectsCleanly(
			'POST /quality/cases/{id}/steps',
			{
				as: ended.agent!.as,
				path: `/quality/cases/${id}/steps`,
				state: view(`/quality/cases/${id}`, w.admin)
			},
			badBodies(CaseStepBody, { step: 'verify', note: '已调阅通话录像', version: 1 }),
			CaseStepBody
		);
	});

	it('ids in paths: matters, calls, offers, agents and dates', async () => {
		const agent = await w.as('agent');
		const cases: [string, Identity, (p: string) => string][] = [
			['GET /matters/{id}', {}, (p) => `/matters/${p}`],
			['GET /calls/{id}', w.admin, (p) => `/calls/${p}`],
			['GET /quality/cases/{id}', w.admin, (p) => `/quality/cases/${p}`],
			['POST /calls/{id}/end', agent, (p) => `/calls/${p}/end`],
			['POST /offers/{id}/accept', agent, (p) => `/offers/${p}/accept`],
			['GET /admin/agents/{id}/skills', w.admin, (p) => `/admin/agents/${p}/skills`],
			['DELETE /schedule/exceptions/{date}', w.admin, (p) => `/schedule/exceptions/${p}`]
		];
		for (const [key, as, path] of cases) {
			const o = op(key);
			await fc.assert(
				fc.asyncProperty(segment, async (p) => {
					const r = await send(o.method.toUpperCase(), path(p), { as });
					expectDocumented(o, r);
					if (r.status >= 400) expectErrorShape(r);
				}),
				{ numRuns: RUNS }
			);
		}
	});
});
