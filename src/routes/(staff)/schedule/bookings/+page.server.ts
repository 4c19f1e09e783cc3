import { fail } from '@sveltejs/kit';
import { CapacityBody, CapacityRuleBody, StaffSlotsQuery } from '$lib/contracts/bookings-api';
import { setCapacity, setCapacityRule, staffSlots } from '$lib/server/bookings/bookings';
import { callerCatalogue } from '$lib/server/catalog/catalog';
import { appContext } from '$lib/server/context';
import { DomainError } from '$lib/server/errors';
import { guardPage } from '$lib/server/guards';
import { describeIssues } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

/** Bookings per slot of a matter group: schedulers, supervisors and admins see them. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const user = guardPage(locals, url, 'scheduler', 'supervisor', 'admin');
	const ctx = await appContext();
	const departments = callerCatalogue(ctx, 0).departments;
	const parsed = StaffSlotsQuery.safeParse({
		departmentId: url.searchParams.get('departmentId') ?? String(departments[0]?.id ?? 1),
		from: url.searchParams.get('from') || undefined,
		days: url.searchParams.get('days') || '3'
	});
	const q = parsed.success ? parsed.data : { departmentId: departments[0]?.id ?? 1, days: 3 };
	return {
		departments,
		query: { departmentId: q.departmentId, from: q.from ?? '', days: q.days ?? 3 },
		view: staffSlots(ctx, q),
		canEdit: user.roles.includes('scheduler') || user.roles.includes('admin')
	};
};

export const actions: Actions = {
	capacity: async ({ locals, url, request }) => {
		const user = guardPage(locals, url, 'scheduler', 'admin');
		const f = await request.formData();
		const raw = String(f.get('capacity') ?? '').trim();
		const parsed = CapacityBody.safeParse({
			departmentId: Number(f.get('departmentId')),
			slotStart: String(f.get('slotStart') ?? ''),
			capacity: f.get('reset') || raw === '' ? null : Number(raw)
		});
		if (!parsed.success) return fail(400, { error: describeIssues(parsed.error.issues) });
		try {
			const r = setCapacity(await appContext(), user.id, parsed.data);
			return { saved: r.slotStart };
		} catch (e) {
			if (e instanceof DomainError) return fail(e.status, { error: e.message });
			throw e;
		}
	},
	rule: async ({ locals, url, request }) => {
		const user = guardPage(locals, url, 'scheduler', 'admin');
		const f = await request.formData();
		const raw = String(f.get('capacity') ?? '').trim();
		const session = String(f.get('sessionId') ?? '');
		const parsed = CapacityRuleBody.safeParse({
			departmentId: Number(f.get('departmentId')),
			sessionId: session === '' ? null : Number(session),
			capacity: f.get('reset') || raw === '' ? null : Number(raw)
		});
		if (!parsed.success) return fail(400, { error: describeIssues(parsed.error.issues) });
		try {
			const r = setCapacityRule(await appContext(), user.id, parsed.data);
			return { ruleSaved: { sessionId: r.sessionId, cleared: r.capacity === null } };
		} catch (e) {
			if (e instanceof DomainError) return fail(e.status, { error: e.message });
			throw e;
		}
	}
};
