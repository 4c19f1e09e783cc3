import type {
	CaseDetail,
	CaseListQuery,
	CasePage,
	CaseStepBody
} from '../../contracts/quality-api';
import { audit } from '../audit/audit';
import type { StaffUser } from '../auth/auth';
import type { Ctx } from '../context';
import { badRequest, conflict, DomainError, notFound } from '../errors';
import { maskText } from '../privacy';
import { localParts } from '../schedule/hours';
import { exceptionMap } from '../schedule/schedule';
import { scopeOf } from '../supervisor/scope';
import { callScopeSql } from '../supervisor/scope-queries';
import { caseDeadlines } from './deadlines';
import * as q from './queries';
import { applyStep, nextStep, type CaseState, type Triage } from './steps';

/**
 * Who sees which cases: an agent their own; a supervisor the calls of their scope (a
 * department head their departments); a supervisor without a scope and an admin all.
 */
type Viewer = { user: StaffUser; reviewer: boolean; filter: q.CaseFilter };

function viewerOf(ctx: Pick<Ctx, 'db'>, user: StaffUser): Viewer {
	if (user.roles.includes('admin')) return { user, reviewer: true, filter: {} };
	if (user.roles.includes('supervisor')) {
		const scope = scopeOf(ctx, user);
		return { user, reviewer: true, filter: scope ? { scopeSql: callScopeSql(scope) } : {} };
	}
	if (user.roles.includes('agent'))
		return { user, reviewer: false, filter: { ownerOnly: user.id } };
	throw new DomainError(403, 'forbidden', 'Only agents, supervisors and admins work on cases');
}

const today = (now: number) => localParts(now).date;

// The stored triage names the complex case by what it gets: a deadline of its own.
const toStored = (t: Triage) => (t === 'complex' ? 'fix_by_deadline' : t);
type StoredTriage = NonNullable<q.CaseRow['triage']>;
const fromStored = (t: StoredTriage | null): Triage | null =>
	t === 'fix_by_deadline' ? 'complex' : t;

function stateOf(c: q.CaseRow): CaseState {
	return {
		kind: c.kind,
		status: c.status,
		triage: fromStored(c.triage),
		appealDecision: c.appealDecision
	};
}

type Listed = NonNullable<ReturnType<typeof q.caseById>>;

function item(r: Omit<Listed, 'inScope'>) {
	return {
		id: r.c.id,
		kind: r.c.kind,
		callId: r.c.callId,
		status: r.c.status,
		step: nextStep(stateOf(r.c)),
		triage: fromStored(r.c.triage),
		ownerId: r.c.ownerId,
		ownerName: r.ownerName,
		contactDueAt: r.c.contactDueAt,
		dueAt: r.c.dueAt,
		overdue: r.overdue,
		matter: r.matter,
		matterEn: r.matterEn,
		department: r.department,
		departmentEn: r.departmentEn,
		score: r.c.kind === 'rectification' ? (r.score ?? null) : null,
		createdAt: r.c.createdAt,
		version: r.c.version
	};
}

/** The cases a staff user sees, filtered and paged, overdue first. */
export function listCasesFor(
	ctx: Pick<Ctx, 'db'>,
	user: StaffUser,
	query: CaseListQuery,
	now = Date.now()
): CasePage {
	const v = viewerOf(ctx, user);
	const filter: q.CaseFilter = {
		...v.filter,
		kind: query.kind,
		status: query.status,
		ownerId: query.ownerId,
		overdue: query.overdue === undefined ? undefined : query.overdue === 'true'
	};
	const r = q.listCases(ctx.db, filter, today(now), query.offset, query.limit);
	const nextOffset = query.offset + r.rows.length;
	return {
		items: r.rows.map(item),
		total: r.total,
		overdueTotal: r.overdueTotal,
		next: nextOffset < r.total ? nextOffset : null
	};
}

/** The owners of the cases the user sees (for the owner filter). */
export function caseOwnersFor(ctx: Pick<Ctx, 'db'>, user: StaffUser) {
	return q.ownersOf(ctx.db, viewerOf(ctx, user).filter);
}

/** Open and overdue cases the user sees (the desk's and the wall's badge). */
export function caseCountsFor(ctx: Pick<Ctx, 'db'>, user: StaffUser, now = Date.now()) {
	const v = viewerOf(ctx, user);
	const r = q.listCases(ctx.db, { ...v.filter, status: 'active' }, today(now), 0, 1);
	return { open: r.total, overdue: r.overdueTotal };
}

/** A case the user may see (404 when it does not exist, 403 when it is not theirs). */
function visibleCase(ctx: Pick<Ctx, 'db'>, v: Viewer, id: number, now: number): Listed {
	const r = q.caseById(ctx.db, id, today(now), v.filter.scopeSql);
	if (!r) throw notFound(`No case ${id}`);
	if (v.filter.ownerOnly !== undefined && r.c.ownerId !== v.filter.ownerOnly)
		throw new DomainError(403, 'forbidden', 'This case belongs to another agent');
	if (!r.inScope)
		throw new DomainError(
			403,
			'out_of_scope',
			`case ${id} is outside the departments and towns you oversee`
		);
	return r;
}

function mayRecord(v: Viewer, c: q.CaseRow): boolean {
	const step = nextStep(stateOf(c));
	if (!step) return false;
	if (step === 'review') return v.reviewer;
	return v.reviewer || c.ownerId === v.user.id;
}

/** A case with its call's facts (personal data masked), outcome, rating and steps. */
export function caseFor(
	ctx: Pick<Ctx, 'db' | 'cfg'>,
	user: StaffUser,
	id: number,
	now = Date.now()
): CaseDetail {
	const v = viewerOf(ctx, user);
	const r = visibleCase(ctx, v, id, now);
	const facts = q.caseCall(ctx.db, r.c.callId);
	if (!facts.call) throw notFound(`No call for case ${id}`);
	const mask = (s: string | null) => (s ? maskText(s) : s);
	return {
		...item(r),
		appealDecision: r.c.appealDecision,
		callbackTries: r.c.callbackTries,
		callbackTriesNeeded: ctx.cfg.CALLBACK_TRIES,
		milestones: {
			verifiedAt: r.c.verifiedAt,
			rectifiedAt: r.c.rectifiedAt,
			fedBackAt: r.c.fedBackAt,
			calledBackAt: r.c.calledBackAt,
			callbackSatisfied: r.c.callbackSatisfied,
			closedAt: r.c.closedAt
		},
		call: {
			...facts.call,
			callerIdMasked: facts.call.callerIdMasked,
			notes: mask(facts.call.notes)
		},
		outcome: facts.outcome && { ...facts.outcome, notes: mask(facts.outcome.notes) },
		rating: facts.rating && { ...facts.rating, comment: mask(facts.rating.comment) },
		steps: q.stepsOf(ctx.db, id).map((s) => ({ ...s, note: mask(s.note) })),
		canRecord: mayRecord(v, r.c)
	};
}

/**
 * Records the next step of a case: the owner or a supervisor in scope works it, a supervisor
 * or admin reviews it and decides an appeal. Steps go in order (409 `step_out_of_order`), a
 * closed case is read-only (409 `case_closed`), a stale form is refused (409
 * `version_conflict`). Audited.
 */
export function recordStepAs(
	ctx: Pick<Ctx, 'db' | 'cfg'>,
	user: StaffUser,
	id: number,
	body: CaseStepBody,
	requestId?: string,
	now = Date.now()
): CaseDetail {
	const v = viewerOf(ctx, user);
	const { c } = visibleCase(ctx, v, id, now);
	const state = stateOf(c);
	const expected = nextStep(state);
	if (expected === 'review' && body.step === 'review' && !v.reviewer)
		throw new DomainError(
			403,
			'forbidden',
			'A supervisor or admin reviews cases and decides appeals'
		);
	if (expected && expected !== 'review' && !mayRecord(v, c))
		throw new DomainError(
			403,
			'forbidden',
			'Only the case’s owner or a supervisor records its steps'
		);
	if (body.version !== undefined && body.version !== c.version)
		throw conflict('version_conflict', 'Someone changed this case since you opened it; reload it', {
			version: c.version
		});
	const t = applyStep(state, body, { failedTries: c.callbackTries, tries: ctx.cfg.CALLBACK_TRIES });
	if (!t.ok) {
		if (t.code === 'invalid_step') throw badRequest(t.message, 'invalid_step');
		throw conflict(t.code, t.message, { expected });
	}
	const at = new Date(now).toISOString();
	const patch: Partial<q.CaseRow> = {
		status: t.patch.status,
		appealDecision: t.patch.appealDecision
	};
	switch (t.done) {
		case 'verified':
			patch.verifiedAt = at;
			break;
		case 'triaged': {
			const triage = t.patch.triage!;
			patch.triage = toStored(triage) as StoredTriage;
			const opened = localParts(Date.parse(c.createdAt)).date;
			patch.dueAt = caseDeadlines(opened, ctx.cfg, exceptionMap(ctx.db), triage).dueAt;
			break;
		}
		case 'rectified':
			patch.rectifiedAt = at;
			break;
		case 'fed_back':
			patch.fedBackAt = at;
			break;
		case 'callback_try':
			patch.callbackTries = c.callbackTries + 1;
			break;
		case 'called_back':
			patch.calledBackAt = at;
			patch.callbackSatisfied = body.callback!.reached ? !!body.callback!.satisfied : null;
			if (!body.callback!.reached) patch.callbackTries = c.callbackTries + 1;
			break;
		case 'appeal_upheld':
		case 'closed':
			patch.closedAt = at;
			break;
		case 'appeal_rejected':
			break;
	}
	for (const k of Object.keys(patch) as (keyof typeof patch)[])
		if (patch[k] === undefined) delete patch[k];
	const detail: Record<string, unknown> = { done: t.done };
	if (body.triage) detail.triage = body.triage;
	if (body.appeal) detail.appeal = body.appeal;
	if (body.callback) detail.callback = body.callback;
	const note = body.note?.trim() ? maskText(body.note.trim()) : null;
	const saved = q.recordStep(ctx.db, id, c.version, patch, {
		followUpId: id,
		step: body.step,
		detail,
		note,
		actorId: user.id,
		at
	});
	if (!saved)
		throw conflict('version_conflict', 'Someone changed this case at the same time; reload it');
	audit(ctx, {
		actorKind: 'user',
		actorId: user.id,
		action: `quality.${body.step}`,
		target: `case:${id}`,
		detail: { callId: c.callId, ...detail },
		requestId
	});
	return caseFor(ctx, user, id, now);
}
