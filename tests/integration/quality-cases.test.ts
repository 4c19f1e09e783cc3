import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent } from '../../src/lib/server/agents/agents';
import type { StaffUser } from '../../src/lib/server/auth/auth';
import { endCall, wrapUp } from '../../src/lib/server/calls/handling';
import { setAgentState } from '../../src/lib/server/calls/seats';
import type { Ctx } from '../../src/lib/server/context';
import { auditLog, calls, followUps } from '../../src/lib/server/db/schema';
import { purgePersonalData } from '../../src/lib/server/maintenance/maintenance';
import { DomainError } from '../../src/lib/server/errors';
import { caseDeadlines } from '../../src/lib/server/quality/deadlines';
import {
	caseCountsFor,
	caseFor,
	listCasesFor,
	recordStepAs
} from '../../src/lib/server/quality/quality';
import { rateCall } from '../../src/lib/server/ratings/ratings';
import { localParts } from '../../src/lib/server/schedule/hours';
import { exceptionMap } from '../../src/lib/server/schedule/schedule';
import { setScope } from '../../src/lib/server/supervisor/scope';
import { closeRouting, connectedCall, routingContext, someMatters } from './routing-helpers';

let ctx: Ctx;
let district: StaffUser;
let otherDeptHead: StaffUser;
let admin: StaffUser;

const list = { offset: 0, limit: 50 } as const;

async function staff(roles: ('agent' | 'supervisor' | 'admin')[], name: string) {
	const username = `${name}${Math.random().toString(36).slice(2, 6)}`;
	const { id } = await createAgent(ctx, 0, {
		username,
		password: 'password-123',
		displayName: username,
		roles,
		skills: []
	});
	return { id, username, displayName: username, roles } as StaffUser;
}

const asAgent = (id: number): StaffUser => ({
	id,
	username: `a${id}`,
	displayName: `a${id}`,
	roles: ['agent']
});

/** A handled call of the first matter: ended with `outcome`, its agent taken off the desk. */
async function handled(outcome: 'done' | 'not_done') {
	const { agent, callId } = await connectedCall(ctx);
	await endCall(ctx, agent, callId);
	await wrapUp(ctx, agent, callId, { outcome, mailResults: false, notes: '市民电话13812345678' });
	await setAgentState(ctx, agent, 'offline');
	return { agent: asAgent(agent), callId };
}

/** A call rated `score` and its rectification case. */
async function badRating(score = 1) {
	const h = await handled('done');
	rateCall(ctx, h.callId, { score, reasons: [], comment: '态度差' });
	const c = ctx.db.select().from(followUps).where(eq(followUps.callId, h.callId)).get()!;
	return { ...h, caseId: c.id };
}

/** The error a domain call throws: its status and code. */
function refusal(fn: () => unknown) {
	try {
		fn();
	} catch (e) {
		if (e instanceof DomainError) return { status: e.status, code: e.code };
		throw e;
	}
	throw new Error('expected a refusal');
}

const version = (id: number) =>
	ctx.db.select().from(followUps).where(eq(followUps.id, id)).get()!.version;

beforeAll(async () => {
	ctx = await routingContext({ WRAP_UP_SECONDS: '0', CALLBACK_TRIES: '2' });
	district = await staff(['supervisor'], 'district');
	otherDeptHead = await staff(['supervisor'], 'head');
	admin = await staff(['admin'], 'admin');
	setScope(ctx, admin.id, otherDeptHead.id, {
		departmentIds: [someMatters(ctx).otherDept.departmentId],
		townIds: []
	});
});
afterAll(async () => {
	await closeRouting(ctx);
});

describe('cases opened by calls', () => {
	it('a bad rating opens a case owned by the agent, due in working days', async () => {
		const { agent, caseId } = await badRating(2);
		const c = caseFor(ctx, agent, caseId);
		const expected = caseDeadlines(localParts(Date.now()).date, ctx.cfg, exceptionMap(ctx.db));
		expect(c).toMatchObject({
			kind: 'rectification',
			ownerId: agent.id,
			status: 'open',
			step: 'verify',
			score: 2,
			contactDueAt: expected.contactDueAt,
			dueAt: expected.dueAt,
			overdue: false,
			canRecord: true
		});
		// the handler's notes are masked; nothing names the rater
		expect(c.outcome?.notes).not.toContain('13812345678');
		expect(JSON.stringify(c)).not.toMatch(/callerToken|caller_token/);
	});

	it('办不成事 calls form their own queue, owned and due like bad ratings', async () => {
		const { agent, callId } = await handled('not_done');
		const mine = listCasesFor(ctx, agent, { ...list, kind: 'not_done' });
		expect(mine.items).toHaveLength(1);
		const expected = caseDeadlines(localParts(Date.now()).date, ctx.cfg, exceptionMap(ctx.db));
		expect(mine.items[0]).toMatchObject({
			kind: 'not_done',
			callId,
			ownerId: agent.id,
			contactDueAt: expected.contactDueAt,
			dueAt: expected.dueAt
		});
		const id = mine.items[0]!.id;
		// no triage on this desk: verify (what was missing), then the resolution
		recordStepAs(ctx, agent, id, { step: 'verify', note: '缺少房产证明' });
		expect(
			refusal(() => recordStepAs(ctx, agent, id, { step: 'triage', triage: 'fix_now' }))
		).toEqual({ status: 409, code: 'step_out_of_order' });
		recordStepAs(ctx, agent, id, { step: 'rectify', note: '已预约线下窗口补办' });
		// the bad-rating queue does not list it
		const rect = listCasesFor(ctx, district, { ...list, kind: 'rectification' });
		expect(rect.items.map((i) => i.id)).not.toContain(id);
		expect(
			listCasesFor(ctx, district, { ...list, kind: 'not_done' }).items.map((i) => i.id)
		).toContain(id);
	});
});

describe('the case workflow', () => {
	it('goes step by step, by the owner and a reviewer, and is read-only once closed', async () => {
		const { agent, caseId } = await badRating(1);
		const stranger = asAgent((await handled('done')).agent.id);
		expect(refusal(() => caseFor(ctx, stranger, caseId))).toEqual({
			status: 403,
			code: 'forbidden'
		});
		expect(refusal(() => recordStepAs(ctx, stranger, caseId, { step: 'verify' }))).toMatchObject({
			status: 403
		});
		// a department head of another department does not see it
		expect(refusal(() => caseFor(ctx, otherDeptHead, caseId))).toEqual({
			status: 403,
			code: 'out_of_scope'
		});
		expect(listCasesFor(ctx, otherDeptHead, list).items.map((i) => i.id)).not.toContain(caseId);
		// no skipping
		expect(refusal(() => recordStepAs(ctx, agent, caseId, { step: 'rectify' }))).toEqual({
			status: 409,
			code: 'step_out_of_order'
		});
		recordStepAs(ctx, agent, caseId, { step: 'verify', note: '已调阅通话记录' });
		recordStepAs(ctx, agent, caseId, { step: 'triage', triage: 'fix_now' });
		// a supervisor in scope may record the owner's steps too
		recordStepAs(ctx, district, caseId, { step: 'rectify', note: '已重新办理' });
		recordStepAs(ctx, agent, caseId, { step: 'feedback', note: '已电话告知' });
		// no review before the callback
		expect(refusal(() => recordStepAs(ctx, district, caseId, { step: 'review' }))).toEqual({
			status: 409,
			code: 'step_out_of_order'
		});
		recordStepAs(ctx, agent, caseId, {
			step: 'callback',
			callback: { reached: true, satisfied: true }
		});
		// the owner does not review their own case
		expect(refusal(() => recordStepAs(ctx, agent, caseId, { step: 'review' }))).toEqual({
			status: 403,
			code: 'forbidden'
		});
		const closed = recordStepAs(ctx, district, caseId, { step: 'review', note: '整改到位' });
		expect(closed).toMatchObject({ status: 'closed', step: null, canRecord: false });
		expect(closed.milestones).toMatchObject({ callbackSatisfied: true });
		for (const m of ['verifiedAt', 'rectifiedAt', 'fedBackAt', 'calledBackAt', 'closedAt'] as const)
			expect(closed.milestones[m]).toBeTruthy();
		expect(closed.steps.map((s) => [s.step, s.actorId])).toEqual([
			['verify', agent.id],
			['triage', agent.id],
			['rectify', district.id],
			['feedback', agent.id],
			['callback', agent.id],
			['review', district.id]
		]);
		const before = version(caseId);
		for (const step of ['review', 'verify', 'callback'] as const)
			expect(refusal(() => recordStepAs(ctx, admin, caseId, { step }))).toEqual({
				status: 409,
				code: 'case_closed'
			});
		expect(version(caseId)).toBe(before);
		const audited = ctx.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.target, `case:${caseId}`), like(auditLog.action, 'quality.%')))
			.all();
		expect(audited.map((a) => a.action)).toEqual([
			'quality.verify',
			'quality.triage',
			'quality.rectify',
			'quality.feedback',
			'quality.callback',
			'quality.review'
		]);
	});

	it('an appeal is decided by a reviewer: upheld closes it, rejected sends it to rectify', async () => {
		const upheld = await badRating(1);
		recordStepAs(ctx, upheld.agent, upheld.caseId, { step: 'verify' });
		recordStepAs(ctx, upheld.agent, upheld.caseId, { step: 'triage', triage: 'appeal' });
		expect(
			refusal(() =>
				recordStepAs(ctx, upheld.agent, upheld.caseId, { step: 'review', appeal: 'upheld' })
			)
		).toEqual({ status: 403, code: 'forbidden' });
		expect(
			refusal(() => recordStepAs(ctx, upheld.agent, upheld.caseId, { step: 'rectify' }))
		).toEqual({ status: 409, code: 'step_out_of_order' });
		const done = recordStepAs(ctx, admin, upheld.caseId, {
			step: 'review',
			appeal: 'upheld',
			note: '评价人误操作'
		});
		expect(done).toMatchObject({ status: 'closed', appealDecision: 'upheld' });
		expect(done.milestones.rectifiedAt).toBeNull();

		const rejected = await badRating(2);
		recordStepAs(ctx, rejected.agent, rejected.caseId, { step: 'verify' });
		recordStepAs(ctx, rejected.agent, rejected.caseId, { step: 'triage', triage: 'appeal' });
		const back = recordStepAs(ctx, district, rejected.caseId, {
			step: 'review',
			appeal: 'rejected'
		});
		expect(back).toMatchObject({ status: 'verified', appealDecision: 'rejected', step: 'rectify' });
	});

	it('cannot close without a callback, unless the citizen stayed unreached after the tries', async () => {
		const { agent, caseId } = await badRating(1);
		recordStepAs(ctx, agent, caseId, { step: 'verify' });
		recordStepAs(ctx, agent, caseId, { step: 'triage', triage: 'explain' });
		recordStepAs(ctx, agent, caseId, { step: 'rectify', note: '已向市民解释政策依据' });
		recordStepAs(ctx, agent, caseId, { step: 'feedback' });
		expect(
			refusal(() =>
				recordStepAs(ctx, agent, caseId, { step: 'callback', callback: { reached: false } })
			)
		).toEqual({ status: 400, code: 'invalid_step' });
		const first = recordStepAs(ctx, agent, caseId, {
			step: 'callback',
			callback: { reached: false },
			note: '无人接听'
		});
		expect(first).toMatchObject({ status: 'fed_back', callbackTries: 1, step: 'callback' });
		expect(refusal(() => recordStepAs(ctx, district, caseId, { step: 'review' }))).toEqual({
			status: 409,
			code: 'step_out_of_order'
		});
		const second = recordStepAs(ctx, agent, caseId, {
			step: 'callback',
			callback: { reached: false },
			note: '再次无人接听'
		});
		expect(second.status).toBe('called_back');
		expect(second.milestones.callbackSatisfied).toBeNull();
		expect(recordStepAs(ctx, district, caseId, { step: 'review' }).status).toBe('closed');
	});

	it('a stale form is refused with version_conflict and changes nothing', async () => {
		const { agent, caseId } = await badRating(1);
		const shown = version(caseId);
		recordStepAs(ctx, agent, caseId, { step: 'verify', version: shown });
		expect(
			refusal(() =>
				recordStepAs(ctx, district, caseId, { step: 'triage', triage: 'fix_now', version: shown })
			)
		).toEqual({ status: 409, code: 'version_conflict' });
		const c = caseFor(ctx, agent, caseId);
		expect(c.triage).toBeNull();
		expect(c.steps).toHaveLength(1);
	});

	it('flags cases past their deadline on the list and in the counts', async () => {
		const { agent, caseId } = await badRating(1);
		const later = Date.now() + 30 * 86_400_000;
		const overdue = listCasesFor(ctx, agent, { ...list, overdue: 'true' }, later);
		expect(overdue.items.map((i) => i.id)).toContain(caseId);
		expect(overdue.items.every((i) => i.overdue)).toBe(true);
		expect(
			listCasesFor(ctx, agent, { ...list, overdue: 'true' }).items.map((i) => i.id)
		).not.toContain(caseId);
		expect(caseCountsFor(ctx, agent, later)).toEqual({ open: 1, overdue: 1 });
		expect(caseCountsFor(ctx, agent)).toEqual({ open: 1, overdue: 0 });
		// a department head of another department counts none of it
		const head = caseCountsFor(ctx, otherDeptHead, later);
		expect(head.overdue).toBe(0);
		expect(caseCountsFor(ctx, district, later).overdue).toBeGreaterThanOrEqual(1);
	});

	it('forgets the notes of closed cases’ steps after RETENTION_DAYS, keeps the steps', async () => {
		const { agent, caseId, callId } = await badRating(1);
		recordStepAs(ctx, agent, caseId, { step: 'verify' });
		recordStepAs(ctx, agent, caseId, { step: 'triage', triage: 'appeal', note: '评价人误点' });
		recordStepAs(ctx, admin, caseId, { step: 'review', appeal: 'upheld', note: '核实为误评' });
		const past = new Date(Date.now() - (ctx.cfg.RETENTION_DAYS + 1) * 86_400_000).toISOString();
		ctx.db.update(calls).set({ queuedAt: past }).where(eq(calls.id, callId)).run();
		expect(purgePersonalData(ctx).followUpSteps).toBe(2);
		const steps = caseFor(ctx, admin, caseId).steps;
		expect(steps.map((s) => [s.step, s.note])).toEqual([
			['verify', null],
			['triage', null],
			['review', null]
		]);
	});
});
