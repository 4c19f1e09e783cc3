import { eq } from 'drizzle-orm';
import type { Ctx } from '../context';
import { appointments, booths, departments, matters, towns } from '../db/schema';
import type { CallRow } from './queries';

/** Where a call comes from and what it is about, joined for display (never personal data beyond the masked ID). */
function contextRows(ctx: Ctx, call: CallRow) {
	const matter = ctx.db
		.select({
			name: matters.name,
			nameEn: matters.nameEn,
			guideUrl: matters.guideUrl,
			departmentId: departments.id,
			departmentName: departments.name,
			departmentNameEn: departments.nameEn
		})
		.from(matters)
		.innerJoin(departments, eq(departments.id, matters.departmentId))
		.where(eq(matters.id, call.matterId))
		.get();
	const booth = call.boothId
		? ctx.db
				.select({ name: booths.name, town: towns.name, townEn: towns.nameEn })
				.from(booths)
				.innerJoin(towns, eq(towns.id, booths.townId))
				.where(eq(booths.id, call.boothId))
				.get()
		: undefined;
	const appt = call.appointmentId
		? ctx.db
				.select({ slotStart: appointments.slotStart })
				.from(appointments)
				.where(eq(appointments.id, call.appointmentId))
				.get()
		: undefined;
	return { matter, booth, appt };
}

/** What an agent sees of a call (offer card and call page): needs, origin and wait, masked ID only. */
export function callContext(ctx: Ctx, call: CallRow) {
	const { matter, booth, appt } = contextRows(ctx, call);
	return {
		channel: call.channel,
		boothId: call.boothId,
		boothName: booth?.name ?? null,
		boothTown: booth?.town ?? null,
		boothTownEn: booth?.townEn ?? null,
		matterId: call.matterId,
		matterName: matter?.name ?? null,
		matterNameEn: matter?.nameEn ?? null,
		departmentId: matter?.departmentId ?? null,
		departmentName: matter?.departmentName ?? null,
		departmentNameEn: matter?.departmentNameEn ?? null,
		guideUrl: matter?.guideUrl ?? null,
		language: call.language,
		signLanguage: call.signLanguage,
		elderly: call.elderly,
		priorityLane: call.priorityLane,
		appointment: !!call.appointmentId,
		appointmentSlot: appt?.slotStart ?? null,
		escalationStep: call.escalationStep,
		callerIdMasked: call.callerIdMasked ?? null,
		queuedAt: call.queuedAt
	};
}

export type CallContext = ReturnType<typeof callContext>;
