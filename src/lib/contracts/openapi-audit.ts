import { AuditPage, AuditQuery } from './audit-api';
import { err, staffOnly, type Op } from './openapi-op';

/** The audit viewer's operation of /api/v1. */
export const auditOperations: Op[] = [
	{
		method: 'get',
		path: '/audit',
		summary:
			'Who did what, newest first: the audit log (logins, admin, schedule and supervisor actions) merged with every call event (offered, connected, transferred, escalated, abandoned…) and agent state change; filter by person, target, action, kind and time, page with `next`. `Accept: text/csv` or `format=csv` returns the whole filtered stream as CSV (UTF-8 with BOM). Callers appear only as “caller”',
		tag: 'supervisor',
		auth: 'staff',
		query: AuditQuery,
		responses: {
			200: { description: 'One page (or, as CSV, every row of the filter)', schema: AuditPage },
			400: err('Invalid query or cursor', 'validation_failed'),
			...staffOnly('a supervisor or admin')
		}
	}
];
