import { beforeAll, describe, expect, it } from 'vitest';
import { ok, send } from './client';
import { World } from './world';

let w: World;
beforeAll(async () => {
	w = await World.create();
});

/** A Saturday far ahead, on no one else's calendar. */
const SATURDAY = '2091-03-03';

describe('the scheduler pages’ edits through the API', () => {
	it('a Saturday session for two matters, a seat rostered on a date: the preview shows it rostered; a stale update is 409 and changes nothing', async () => {
		expect(new Date(`${SATURDAY}T00:00:00Z`).getUTCDay()).toBe(6);
		const scheduler = (await w.staff(['scheduler'])).as;
		const seat = await w.staff(['agent']);
		const { matters } = await ok<{ matters: { id: number }[] }>('GET', '/matters?limit=10');
		const other = matters.find((m) => m.id !== w.queueMatter)!.id;

		const created = await ok<{
			session: { id: number; version: number; weekday: number };
			matters: { id: number }[];
		}>(
			'POST',
			'/schedule/sessions',
			{
				as: scheduler,
				body: {
					name: '周六下午延时服务',
					nameEn: 'Saturday afternoon',
					weekday: 6,
					intervals: [['13:30', '16:30']],
					matterIds: [w.queueMatter, other]
				}
			},
			201
		);
		const id = created.session.id;
		expect(created.matters.map((m) => m.id).sort()).toEqual([w.queueMatter, other].sort());

		const saved = await ok<{ dates: string[] }>('PUT', `/schedule/sessions/${id}/roster`, {
			as: scheduler,
			body: { date: SATURDAY, agentIds: [seat.id], repeatWeeks: 1 }
		});
		expect(saved.dates).toEqual([SATURDAY, '2091-03-10']);

		const roster = await ok<{ dates: { date: string; seats: { agentId: number }[] }[] }>(
			'GET',
			`/schedule/sessions/${id}/roster?from=2091-03-01&to=2091-03-17`,
			{ as: scheduler }
		);
		expect(roster.dates.map((d) => [d.date, d.seats.map((s) => s.agentId)])).toEqual([
			[SATURDAY, [seat.id]],
			['2091-03-10', [seat.id]],
			['2091-03-17', []]
		]);

		const at = encodeURIComponent(`${SATURDAY}T14:00:00+08:00`);
		const preview = await ok<{
			open: boolean;
			session: { id: number } | null;
			rosteredAgentIds: number[];
		}>('GET', `/schedule/preview?matterId=${other}&at=${at}`, { as: scheduler });
		expect(preview).toMatchObject({ open: true, session: { id }, rosteredAgentIds: [seat.id] });

		// Someone else saves first; the first editor's version is now stale.
		const v = created.session.version;
		const body = { name: '周六下午延时服务', weekday: 6, intervals: [['13:30', '17:00']] };
		await ok('PUT', `/schedule/sessions/${id}`, { as: w.admin, body: { ...body, version: v } });
		const stale = await send('PUT', `/schedule/sessions/${id}`, {
			as: scheduler,
			body: { ...body, intervals: [['08:00', '09:00']], version: v }
		});
		expect(stale.status).toBe(409);
		expect((stale.body as { error: { code: string } }).error.code).toBe('version_conflict');
		const now = await ok<{
			session: { intervals: string[][]; version: number };
			matters: unknown[];
		}>('GET', `/schedule/sessions/${id}`, { as: scheduler });
		expect(now.session).toMatchObject({ intervals: [['13:30', '17:00']], version: v + 1 });
		// Matters are kept when the update does not name them.
		expect(now.matters).toHaveLength(2);

		// Each change is in the audit trail under the one who made it.
		const audit = await ok<{ items: { action: string; target: string }[] }>(
			'GET',
			`/audit?target=${encodeURIComponent(`session:${id}`)}`,
			{ as: w.admin }
		);
		expect(audit.items.map((i) => i.action)).toEqual(
			expect.arrayContaining([
				'schedule.session.create',
				'schedule.roster',
				'schedule.session.update'
			])
		);
	});

	it('a roster off the session’s weekday, a seat that is not an agent, and bad hours are 400 and change nothing', async () => {
		const made = await ok<{ session: { id: number } }>(
			'POST',
			'/schedule/sessions',
			{ as: w.admin, body: { name: '周日延时', weekday: 0, intervals: [['09:00', '11:00']] } },
			201
		);
		const id = made.session.id;
		const friday = await send('PUT', `/schedule/sessions/${id}/roster`, {
			as: w.admin,
			body: { date: '2091-03-02', agentIds: [] }
		});
		expect(friday.status).toBe(400);
		expect((friday.body as { error: { code: string } }).error.code).toBe('wrong_weekday');
		const supervisor = await w.staff(['supervisor']);
		const notAgent = await send('PUT', `/schedule/sessions/${id}/roster`, {
			as: w.admin,
			body: { date: '2091-03-04', agentIds: [supervisor.id] }
		});
		expect((notAgent.body as { error: { code: string } }).error.code).toBe('unknown_agent');
		const overlap = await send('PUT', `/schedule/sessions/${id}`, {
			as: w.admin,
			body: {
				name: '周日延时',
				weekday: 0,
				intervals: [
					['09:00', '11:00'],
					['10:00', '12:00']
				],
				version: 1
			}
		});
		expect((overlap.body as { error: { code: string } }).error.code).toBe('invalid_hours');
		const roster = await ok<{ dates: { seats: unknown[] }[] }>(
			'GET',
			`/schedule/sessions/${id}/roster?from=2091-03-01&to=2091-03-07`,
			{ as: w.admin }
		);
		expect(roster.dates.flatMap((d) => d.seats)).toEqual([]);
		const still = await ok<{ session: { intervals: string[][]; version: number } }>(
			'GET',
			`/schedule/sessions/${id}`,
			{ as: w.admin }
		);
		expect(still.session).toMatchObject({ intervals: [['09:00', '11:00']], version: 1 });
	});

	it('a holiday file previewed changes nothing; confirmed, its days are exceptions, and a manual one is kept', async () => {
		await ok('PUT', '/schedule/exceptions/2092-10-02', {
			as: w.admin,
			body: { kind: 'extra', intervals: [['09:00', '12:00']], note: '加开' }
		});
		const file = JSON.stringify({
			holidays: { '2092-10-01': '国庆节', '2092-10-02': '国庆节' },
			workdays: { '2092-10-08': '国庆节调休' }
		});
		const preview = await ok<{ source: string; days: { date: string; kind: string }[] }>(
			'POST',
			'/schedule/holidays/preview',
			{ as: w.admin, body: { file, filename: 'guoqing.json' } }
		);
		expect(preview.days.map((d) => [d.date, d.kind])).toEqual([
			['2092-10-01', 'holiday'],
			['2092-10-02', 'holiday'],
			['2092-10-08', 'workday']
		]);
		const before = await ok<{ exceptions: { date: string }[] }>('GET', '/schedule/exceptions', {
			as: w.admin
		});
		expect(before.exceptions.some((e) => e.date === '2092-10-01')).toBe(false);

		const done = await ok('POST', '/schedule/holidays/import', {
			as: w.admin,
			body: preview
		});
		expect(done).toEqual({ added: 2, kept: 1 });
		const after = await ok<{ exceptions: { date: string; kind: string }[] }>(
			'GET',
			'/schedule/exceptions',
			{ as: w.admin }
		);
		const kinds = Object.fromEntries(
			after.exceptions.filter((e) => e.date.startsWith('2092-10')).map((e) => [e.date, e.kind])
		);
		expect(kinds).toEqual({
			'2092-10-01': 'holiday',
			'2092-10-02': 'extra',
			'2092-10-08': 'workday'
		});
	});

	it('without a login a malformed body is 401, not 400; a supervisor may not edit schedules', async () => {
		const r = await send('POST', '/schedule/sessions', { body: { weekday: 9 } });
		expect(r.status).toBe(401);
		const supervisor = (await w.staff(['supervisor'])).as;
		const s = await send('POST', '/schedule/schedules', {
			as: supervisor,
			body: { name: '越权', pattern: {} }
		});
		expect(s.status).toBe(403);
	});

	it('a schedule assigned to a department that does not exist is 400 and is not created', async () => {
		const name = `无此部门-${Date.now()}`;
		const r = await send('POST', '/schedule/schedules', {
			as: w.admin,
			body: { name, pattern: { mon: [['09:00', '12:00']] }, assign: { departmentIds: [987654] } }
		});
		expect(r.status).toBe(400);
		expect((r.body as { error: { code: string } }).error.code).toBe('unknown_department');
		const { schedules } = await ok<{ schedules: { name: string }[] }>(
			'GET',
			'/schedule/schedules',
			{
				as: w.admin
			}
		);
		expect(schedules.some((x) => x.name === name)).toBe(false);
	});

	it('renaming a schedule to another one’s name is 409 name_taken and keeps both', async () => {
		const make = (name: string) =>
			ok<{ id: number; version: number }>(
				'POST',
				'/schedule/schedules',
				{ as: w.admin, body: { name, pattern: { sat: [['09:00', '12:00']] } } },
				201
			);
		const a = await make(`甲-${Date.now()}`);
		const b = await make(`乙-${Date.now()}`);
		const r = await send('PUT', `/schedule/schedules/${b.id}`, {
			as: w.admin,
			body: {
				name: (
					await ok<{ schedules: { id: number; name: string }[] }>('GET', '/schedule/schedules', {
						as: w.admin
					})
				).schedules.find((x) => x.id === a.id)!.name,
				pattern: {},
				version: b.version
			}
		});
		expect(r.status).toBe(409);
		expect((r.body as { error: { code: string } }).error.code).toBe('name_taken');
	});
});
