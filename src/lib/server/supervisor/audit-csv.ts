import type { AuditItem, AuditQuery } from '$lib/contracts/audit-api';
import type { Ctx } from '../context';
import { auditPage, type AuditViewer } from './audit-trail';

/** The most rows one export holds; a narrower filter gets the rest. */
export const CSV_MAX_ROWS = 50_000;

const HEADER = [
	'at',
	'local_time',
	'kind',
	'actor_kind',
	'actor_id',
	'actor_name',
	'action',
	'target',
	'detail'
];

/** One CSV field: quoted when it holds a comma, quote or line break; a leading =+-@ is defused. */
export function csvField(v: unknown): string {
	let s = v == null ? '' : String(v);
	// a spreadsheet would run a cell starting with these as a formula
	if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
	return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

const local = new Intl.DateTimeFormat('sv-SE', {
	timeZone: 'Asia/Shanghai',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit'
});

function line(i: AuditItem): string {
	return [
		i.at,
		local.format(new Date(i.at)),
		i.kind,
		i.actor.kind,
		i.actor.id,
		i.actor.displayName,
		i.action,
		i.target,
		i.detail ? JSON.stringify(i.detail) : ''
	]
		.map(csvField)
		.join(',');
}

/** The whole filtered stream as CSV (UTF-8 with a BOM so spreadsheets read the Chinese), newest first. */
export function auditCsv(
	ctx: Pick<Ctx, 'db'>,
	q: AuditQuery,
	viewer: AuditViewer | null = null
): string {
	const out = ['\uFEFF' + HEADER.join(',')];
	let cursor = q.cursor;
	for (let n = 0; n < CSV_MAX_ROWS;) {
		const page = auditPage(ctx, { ...q, cursor }, viewer, 500);
		for (const i of page.items) out.push(line(i));
		n += page.items.length;
		if (!page.next) break;
		cursor = page.next;
	}
	return out.join('\r\n') + '\r\n';
}
