import { AUDIT_KINDS, type AuditKind } from '$lib/contracts/audit-api';

/** The audit page's filters as typed in its form (and kept in its URL). */
export interface AuditFilters {
	person: string;
	call: string;
	kind: string;
	action: string;
	/** `YYYY-MM-DDTHH:mm`, Asia/Shanghai local time (a datetime-local input). */
	from: string;
	to: string;
	/** Entries per page, from the URL only (no field in the form). */
	limit: string;
}

/** The API query of the filters (`/api/v1/audit`), without paging. */
export interface AuditApiQuery {
	actor?: number;
	target?: string;
	kind?: AuditKind;
	action?: string;
	from?: string;
	to?: string;
	/** Entries per page (the API's default when absent). */
	limit?: number;
}

const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/** The filters of a page URL (missing ones empty). */
export function filtersFrom(params: URLSearchParams): AuditFilters {
	const get = (k: string) => params.get(k)?.trim() ?? '';
	return {
		person: get('person'),
		call: get('call'),
		kind: get('kind'),
		action: get('action'),
		from: get('from'),
		to: get('to'),
		limit: get('limit')
	};
}

/** An Asia/Shanghai wall-clock time as ISO 8601 with its offset (China keeps +08:00 all year). */
export function shanghaiIso(local: string): string | null {
	if (!LOCAL.test(local)) return null;
	const iso = `${local.length === 16 ? `${local}:00` : local}+08:00`;
	return Number.isNaN(Date.parse(iso)) ? null : iso;
}

/** The API query of the filters, and which of them could not be read. */
export function queryOf(f: AuditFilters): { query: AuditApiQuery; bad: (keyof AuditFilters)[] } {
	const query: AuditApiQuery = {};
	const bad: (keyof AuditFilters)[] = [];
	if (f.person) {
		if (/^\d+$/.test(f.person) && Number(f.person) > 0) query.actor = Number(f.person);
		else bad.push('person');
	}
	if (f.call) query.target = `call:${f.call}`;
	if (f.kind) {
		if ((AUDIT_KINDS as readonly string[]).includes(f.kind)) query.kind = f.kind as AuditKind;
		else bad.push('kind');
	}
	if (f.action) query.action = f.action;
	if (/^\d+$/.test(f.limit)) query.limit = Number(f.limit);
	for (const k of ['from', 'to'] as const) {
		if (!f[k]) continue;
		const iso = shanghaiIso(f[k]);
		if (iso) query[k] = iso;
		else bad.push(k);
	}
	return { query, bad };
}

const fmt = new Intl.DateTimeFormat('sv-SE', {
	timeZone: 'Asia/Shanghai',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit'
});

/** A stored time as Asia/Shanghai wall-clock time, `YYYY-MM-DD HH:mm:ss`. */
export function shanghaiTime(iso: string): string {
	return fmt.format(new Date(iso));
}

/** The i18n key of an action (`supervisor.assign` → `audit.action.supervisor_assign`). */
export function actionKey(action: string): string {
	return `audit.action.${action.replaceAll('.', '_')}`;
}
