import { error, fail } from '@sveltejs/kit';
import { CaseListQuery, CaseStepBody } from '../../contracts/quality-api';
import type { StaffUser } from '../auth/auth';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { describeIssues, readId } from '../http';
import { caseCountsFor, caseFor, caseOwnersFor, listCasesFor, recordStepAs } from './quality';

/** The list's filters from the page's query string: bad values fall back to the defaults. */
export function listQueryFrom(url: URL): CaseListQuery {
	const raw = Object.fromEntries(
		['kind', 'status', 'ownerId', 'overdue', 'offset'].flatMap((k) => {
			const v = url.searchParams.get(k);
			return v ? [[k, v]] : [];
		})
	);
	const parsed = CaseListQuery.safeParse({ kind: 'rectification', status: 'active', ...raw });
	return parsed.success
		? parsed.data
		: CaseListQuery.parse({ kind: raw.kind === 'not_done' ? 'not_done' : 'rectification' });
}

/** What the cases page shows: one page of the filter, the owners to filter by, the counts. */
export function caseListPage(ctx: Ctx, user: StaffUser, url: URL) {
	const query = listQueryFrom(url);
	return {
		query,
		page: listCasesFor(ctx, user, query),
		owners: caseOwnersFor(ctx, user),
		counts: caseCountsFor(ctx, user)
	};
}

/** A page's load: a domain refusal (no such case, not yours) as the error page. */
export async function pageError<T>(load: () => Promise<T>): Promise<T> {
	try {
		return await load();
	} catch (e) {
		if (e instanceof DomainError) error(e.status, { message: e.message, code: e.code });
		throw e;
	}
}

/** One case for its page. */
export function casePage(ctx: Ctx, user: StaffUser, id: number) {
	return { item: caseFor(ctx, user, id) };
}

/** The step form as the API body: empty fields are absent, yes/no fields booleans. */
function stepBodyFrom(f: FormData) {
	const str = (k: string) => {
		const v = f.get(k);
		return typeof v === 'string' && v.trim() ? v.trim() : undefined;
	};
	const reached = str('reached');
	return {
		step: str('step'),
		triage: str('triage'),
		appeal: str('appeal'),
		note: str('note'),
		version: str('version') ? Number(str('version')) : undefined,
		callback:
			reached === undefined
				? undefined
				: {
						reached: reached === 'yes',
						satisfied: str('satisfied') === undefined ? undefined : str('satisfied') === 'yes'
					}
	};
}

/** The step form's action: records the step, or says why not (the code picks the message). */
export async function stepAction(
	ctx: Ctx,
	user: StaffUser,
	rawId: string,
	request: Request,
	requestId?: string
) {
	let id: number;
	try {
		id = readId(rawId);
	} catch (e) {
		if (e instanceof DomainError) return fail(e.status, { code: e.code, message: e.message });
		throw e;
	}
	const parsed = CaseStepBody.safeParse(stepBodyFrom(await request.formData()));
	if (!parsed.success)
		return fail(400, { code: 'invalid_step', message: describeIssues(parsed.error.issues) });
	try {
		recordStepAs(ctx, user, id, parsed.data, requestId);
		return { saved: parsed.data.step };
	} catch (e) {
		if (e instanceof DomainError) return fail(e.status, { code: e.code, message: e.message });
		throw e;
	}
}
