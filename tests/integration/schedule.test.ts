import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { refreshOnlineFields } from '../../src/lib/server/agents/state';
import { currentOffer } from '../../src/lib/server/calls/offers';
import { setAgentState } from '../../src/lib/server/calls/seats';
import { closeContext, createContext, type Ctx } from '../../src/lib/server/context';
import { auditLog } from '../../src/lib/server/db/schema';
import {
	applyImport,
	putException,
	putHours,
	saveSchedule,
	saveSession
} from '../../src/lib/server/schedule/edit';
import { fromPackage } from '../../src/lib/server/schedule/holidays';
import { exceptionRow, sessionById } from '../../src/lib/server/schedule/queries';
import { setRoster } from '../../src/lib/server/schedule/roster';
import {
	getHours,
	matterHours,
	preview,
	rosteredAgentIds
} from '../../src/lib/server/schedule/schedule';
import {
	listSlots,
	setCapacity,
	setCapacityRule,
	staffSlots
} from '../../src/lib/server/bookings/bookings';
import { createCall } from '../../src/lib/server/calls/calls';
import { staffingFor } from '../../src/lib/server/staffing/forecast';
import { closeRouting, makeAgent, routingContext, someMatters, waitFor } from './routing-helpers';

const callAt = (ctx: Ctx, matterId: number, now: number) =>
	createCall(
		ctx,
		{
			channel: 'mobile',
			matterId,
			language: 'zh',
			signLanguage: false,
			elderly: false,
			priorityLane: 'none'
		},
		{ now }
	);

/** The next Saturday (Asia/Shanghai) at least a day away, as a date and 14:00 local that day. */
function nextSaturday() {
	let t = Date.now() + 8 * 3600_000 + 86_400_000;
	while (new Date(t).getUTCDay() !== 6) t += 86_400_000;
	const date = new Date(t).toISOString().slice(0, 10);
	return { date, at: Date.parse(`${date}T14:00:00+08:00`) };
}

describe('versioned schedule edits', () => {
	let ctx: Ctx;
	beforeAll(async () => {
		ctx = await routingContext({ SERVICE_HOURS: 'schedule' });
	});
	afterAll(() => closeRouting(ctx));

	it('two schedulers edit one session: the second gets 409 version_conflict, nothing of the first is lost', () => {
		const { a, sameDept } = someMatters(ctx);
		const s = saveSession(ctx, 1, null, {
			name: '周日延时',
			weekday: 0,
			intervals: [['09:00', '12:00']],
			matterIds: [a.id]
		});
		// Both read version 1.
		const read = sessionById(ctx.db, s.id)!;
		saveSession(ctx, 1, s.id, {
			name: '周日延时',
			weekday: 0,
			intervals: [['09:00', '11:00']],
			matterIds: [a.id, sameDept.id],
			version: read.version
		});
		let err: unknown;
		try {
			saveSession(ctx, 2, s.id, {
				name: '周日下午',
				weekday: 0,
				intervals: [['14:00', '16:00']],
				matterIds: [],
				version: read.version
			});
		} catch (e) {
			err = e;
		}
		expect(err).toMatchObject({ status: 409, code: 'version_conflict' });
		const now = sessionById(ctx.db, s.id)!;
		expect(now).toMatchObject({ name: '周日延时', intervals: [['09:00', '11:00']], version: 2 });
		// The second scheduler reloads (version 2) and applies their change again.
		saveSession(ctx, 2, s.id, {
			name: '周日下午',
			weekday: 0,
			intervals: [['14:00', '16:00']],
			matterIds: [a.id],
			version: now.version
		});
		expect(sessionById(ctx.db, s.id)).toMatchObject({ name: '周日下午', version: 3 });
		const audited = ctx.db
			.select()
			.from(auditLog)
			.where(
				and(eq(auditLog.action, 'schedule.session.update'), eq(auditLog.target, `session:${s.id}`))
			)
			.all();
		expect(audited.map((r) => r.actorId)).toEqual([1, 2]);
	});

	it('an edit in one process is seen at once by another process on the same database', async () => {
		const other = await createContext(ctx.cfg, { subscribe: false });
		try {
			const { otherDept } = someMatters(ctx);
			const { date, at } = nextSaturday();
			expect(matterHours(other, otherDept.id, at)).toMatchObject({ open: false });
			const s = saveSession(ctx, 1, null, {
				name: '周六下午',
				weekday: 6,
				intervals: [['13:00', '15:00']],
				matterIds: [otherDept.id]
			});
			expect(matterHours(other, otherDept.id, at)).toMatchObject({
				open: true,
				session: { id: s.id }
			});
			expect(preview(other, otherDept.id, at)).toMatchObject({
				open: true,
				rosteredAgentIds: [],
				bookingOffered: false
			});
			expect(rosteredAgentIds(other, date, s.id)).toEqual([]);
		} finally {
			await closeContext(other);
		}
	});
});

describe('roster-aware routing', () => {
	let ctx: Ctx;
	beforeAll(async () => {
		ctx = await routingContext({ SERVICE_HOURS: 'schedule' });
	});
	afterAll(() => closeRouting(ctx));

	it('offers an extended-session call only to a seat rostered for it', async () => {
		const { a } = someMatters(ctx);
		const { date, at } = nextSaturday();
		const session = saveSession(ctx, 1, null, {
			name: '周六下午延时',
			weekday: 6,
			intervals: [['13:00', '15:00']],
			matterIds: [a.id]
		});
		const skills = [
			{ kind: 'matter' as const, matterId: a.id, level: 5 },
			{ kind: 'language' as const, code: 'zh', level: 5 }
		];
		// The unrostered seat has waited longest and is the better fit by every other rule.
		const unrostered = await makeAgent(ctx, skills);
		const rostered = await makeAgent(ctx, [skills[0]!, { ...skills[1]!, level: 3 }]);
		await setAgentState(ctx, unrostered, 'available');
		await setAgentState(ctx, rostered, 'available');
		setRoster(ctx, 1, { date, sessionId: session.id, agentIds: [rostered] });
		await refreshOnlineFields(ctx);
		expect(rosteredAgentIds(ctx, date, session.id)).toEqual([rostered]);

		const call = await callAt(ctx, a.id, at);
		const offer = await waitFor(
			() => currentOffer(ctx, rostered),
			'the rostered seat is offered the call'
		);
		expect(offer.callId).toBe(call.callId);
		expect(await currentOffer(ctx, unrostered)).toBeNull();
	});

	it("in a language's own seat hours only the seats rostered for them take its calls; others still take Mandarin", async () => {
		// A matter of its own, so no seat of another test fits the calls better.
		const a = someMatters(ctx).otherDept;
		// The next Wednesday at least a day away, 10:00: regular district hours.
		let t = Date.now() + 8 * 3600_000 + 86_400_000;
		while (new Date(t).getUTCDay() !== 3) t += 86_400_000;
		const date = new Date(t).toISOString().slice(0, 10);
		const at = Date.parse(`${date}T10:00:00+08:00`);
		const korean = saveSchedule(ctx, 1, null, {
			name: '韩语坐席',
			pattern: { wed: [['09:00', '21:00']] },
			assign: { languages: ['ko'] }
		});
		const skills = [
			{ kind: 'matter' as const, matterId: a.id, level: 5 },
			{ kind: 'language' as const, code: 'ko', level: 5 },
			{ kind: 'language' as const, code: 'zh', level: 5 }
		];
		const unrostered = await makeAgent(ctx, skills);
		const rostered = await makeAgent(ctx, skills);
		await setAgentState(ctx, unrostered, 'available');
		await setAgentState(ctx, rostered, 'available');
		// Saturday is not one of the schedule's days; a schedule without a language has no roster.
		expect(() =>
			setRoster(ctx, 1, {
				date: nextSaturday().date,
				target: { kind: 'language', id: korean.id },
				agentIds: [rostered]
			})
		).toThrow(expect.objectContaining({ code: 'wrong_weekday' }));
		const plain = saveSchedule(ctx, 1, null, {
			name: '无语种时间表',
			pattern: { wed: [['09:00', '12:00']] }
		});
		expect(() =>
			setRoster(ctx, 1, { date, target: { kind: 'language', id: plain.id }, agentIds: [rostered] })
		).toThrow(expect.objectContaining({ code: 'not_language_schedule' }));
		setRoster(ctx, 1, { date, target: { kind: 'language', id: korean.id }, agentIds: [rostered] });
		await refreshOnlineFields(ctx);
		expect(preview(ctx, a.id, at, { language: 'ko' })).toMatchObject({
			open: true,
			rosteredAgentIds: [rostered]
		});

		const ko = await createCall(
			ctx,
			{
				channel: 'mobile',
				matterId: a.id,
				language: 'ko',
				signLanguage: false,
				elderly: false,
				priorityLane: 'none'
			},
			{ now: at }
		);
		const offer = await waitFor(
			() => currentOffer(ctx, rostered),
			'the rostered seat is offered the Korean call'
		);
		expect(offer.callId).toBe(ko.callId);
		expect(await currentOffer(ctx, unrostered)).toBeNull();
		// A Mandarin call of the same matter needs no language roster: the other seat takes it.
		const zh = await callAt(ctx, a.id, at);
		const other = await waitFor(
			() => currentOffer(ctx, unrostered),
			'the other seat is offered the Mandarin call'
		);
		expect(other.callId).toBe(zh.callId);
		// The audit names the language schedule's roster.
		const rows = ctx.db
			.select()
			.from(auditLog)
			.where(
				and(eq(auditLog.action, 'schedule.roster'), eq(auditLog.target, `schedule:${korean.id}`))
			)
			.all();
		expect(rows).toHaveLength(1);
	});

	it('a call in regular hours is offered to any eligible seat, rostered or not', async () => {
		const { sameDept } = someMatters(ctx);
		const agent = await makeAgent(ctx, [
			{ kind: 'matter', matterId: sameDept.id, level: 5 },
			{ kind: 'language', code: 'zh', level: 5 }
		]);
		await setAgentState(ctx, agent, 'available');
		// A Wednesday at 10:00: regular district hours.
		const call = await callAt(ctx, sameDept.id, Date.parse('2026-12-09T10:00:00+08:00'));
		const offer = await waitFor(() => currentOffer(ctx, agent), 'the seat is offered the call');
		expect(offer.callId).toBe(call.callId);
	});
});

describe('the calendar and the weekly hours contract', () => {
	let ctx: Ctx;
	beforeAll(async () => {
		ctx = await routingContext({ SERVICE_HOURS: 'schedule' });
	});
	afterAll(() => closeRouting(ctx));

	it('an import keeps the dates a scheduler set by hand, and a make-up day follows its weekday', () => {
		putException(ctx, 1, '2026-10-10', {
			kind: 'closed',
			intervals: [['13:00', '17:00']],
			note: '培训'
		});
		const r = applyImport(ctx, 1, fromPackage(2026), 'chinese-days:2026');
		expect(r.kept).toBe(1);
		expect(exceptionRow(ctx.db, '2026-10-10')).toMatchObject({ kind: 'closed', source: 'manual' });
		// Sunday 2026-09-20 is worked as the Tuesday 2026-10-06 it replaces.
		expect(exceptionRow(ctx.db, '2026-09-20')).toMatchObject({
			kind: 'workday',
			weekday: 2,
			source: 'import'
		});
		const { a } = someMatters(ctx);
		expect(matterHours(ctx, a.id, Date.parse('2026-09-20T10:00:00+08:00'))).toMatchObject({
			open: true
		});
		expect(matterHours(ctx, a.id, Date.parse('2026-10-01T10:00:00+08:00'))).toMatchObject({
			open: false,
			opensAt: '2026-10-08T09:00:00+08:00'
		});
		expect(
			ctx.db.select().from(auditLog).where(eq(auditLog.action, 'schedule.import')).all()
		).toHaveLength(1);
	});

	it('GET/PUT hours read and replace the default schedule and the sessions’ hours', () => {
		const h = getHours(ctx.db);
		expect(h.regular.mon).toEqual([
			['09:00', '12:00'],
			['13:00', '17:00']
		]);
		expect(h.extended.sat).toEqual([['09:00', '12:00']]);
		putHours(ctx, 1, {
			...h,
			regular: { ...h.regular, mon: [['08:30', '12:00']] },
			extended: { sat: [['09:00', '11:30']] }
		});
		expect(getHours(ctx.db)).toMatchObject({
			regular: { mon: [['08:30', '12:00']] },
			extended: { sat: [['09:00', '11:30']] }
		});
	});

	it('two Saturday sessions sharing hours read as their union, which PUT accepts back', () => {
		const { a } = someMatters(ctx);
		saveSession(ctx, 1, null, {
			name: '周六上午加开',
			weekday: 6,
			intervals: [['10:00', '12:30']],
			matterIds: [a.id]
		});
		const h = getHours(ctx.db);
		expect(h.extended.sat).toEqual([['09:00', '12:30']]);
		expect(() => putHours(ctx, 1, h)).not.toThrow();
	});
});

describe('bookings and staffing follow the sessions and their roster', () => {
	let ctx: Ctx;
	beforeAll(async () => {
		ctx = await routingContext({ SERVICE_HOURS: 'schedule' });
	});
	afterAll(() => closeRouting(ctx));

	it('a session’s slots have places for the seats rostered for it that day, and staffing counts them', async () => {
		const { otherDept } = someMatters(ctx);
		const { date } = nextSaturday();
		const session = saveSession(ctx, 1, null, {
			name: '周六下午延时',
			weekday: 6,
			intervals: [['13:00', '15:00']],
			matterIds: [otherDept.id]
		});
		const skills = [{ kind: 'matter' as const, matterId: otherDept.id, level: 4 }];
		const rostered = await makeAgent(ctx, skills);
		await makeAgent(ctx, skills);
		await makeAgent(ctx, skills);
		// the afternoon's slots (the matter may also be in the seeded Saturday-morning session)
		const slotsOn = () =>
			listSlots(ctx, { matterId: otherDept.id, from: date, days: 1 }).slots.filter(
				(s) => s.start.startsWith(date) && s.start.slice(11, 16) >= '13:00'
			);
		// nobody rostered yet: the session's four half hours exist, with no place in them
		expect(slotsOn().map((s) => [s.start.slice(11, 16), s.capacity])).toEqual([
			['13:00', 0],
			['13:30', 0],
			['14:00', 0],
			['14:30', 0]
		]);
		setRoster(ctx, 1, { date, sessionId: session.id, agentIds: [rostered] });
		// one rostered seat × 30 minutes ÷ the default 300 s handle time: 6 places (not 18 for three)
		expect(slotsOn().every((s) => s.capacity === 6)).toBe(true);
		const hours = staffingFor(ctx, {
			departmentId: otherDept.departmentId,
			date,
			target: 0.8,
			targetSeconds: 20
		});
		// the afternoon has its one rostered seat; any other session that day has nobody rostered
		const byHour = new Map(hours.map((h) => [h.hour, h.rostered]));
		expect([byHour.get(13), byHour.get(14)]).toEqual([1, 1]);
		expect(hours.filter((h) => h.hour < 13).every((h) => h.rostered === 0)).toBe(true);

		// The scheduler sets the session's places for the group at once; one slot keeps its own.
		const group = otherDept.departmentId;
		setCapacityRule(ctx, 1, { departmentId: group, sessionId: session.id, capacity: 4 });
		setCapacity(ctx, 1, { departmentId: group, slotStart: slotsOn()[1]!.start, capacity: 9 });
		expect(slotsOn().map((s) => s.capacity)).toEqual([4, 9, 4, 4]);
		// A regular-hours rule does not touch the session's slots.
		setCapacityRule(ctx, 1, { departmentId: group, sessionId: null, capacity: 2 });
		expect(slotsOn().map((s) => s.capacity)).toEqual([4, 9, 4, 4]);
		expect(
			staffSlots(ctx, { departmentId: group, from: date, days: 1 }).rules.find(
				(r) => r.sessionId === session.id
			)
		).toMatchObject({ capacity: 4, weekday: 6 });
		// Cleared, the session's slots are back to the computed places (the slot's own stays).
		setCapacityRule(ctx, 1, { departmentId: group, sessionId: session.id, capacity: null });
		expect(slotsOn().map((s) => s.capacity)).toEqual([6, 9, 6, 6]);
		// A session that does not cover the group is refused, and nothing changes.
		const elsewhere = saveSession(ctx, 1, null, {
			name: '周日延时',
			weekday: 0,
			intervals: [['09:00', '10:00']],
			matterIds: [someMatters(ctx).a.id]
		});
		expect(() =>
			setCapacityRule(ctx, 1, { departmentId: group, sessionId: elsewhere.id, capacity: 3 })
		).toThrow(expect.objectContaining({ code: 'unknown_session' }));
		expect(slotsOn().map((s) => s.capacity)).toEqual([6, 9, 6, 6]);
	});
});
