import type { CallContext } from '../../contracts/call-context';
import type { Ctx } from '../context';
import { reference } from '../db/reference';
import { appointmentById } from '../booths/queries';
import type { CallRow } from './queries';

/** Where a call comes from and what it is about, joined for display (never personal data beyond the masked ID). */
function contextRows(ctx: Ctx, call: CallRow) {
	const matter = reference(ctx.db, 'matters').get(call.matterId);
	const booth = call.boothId ? reference(ctx.db, 'booths').get(call.boothId) : undefined;
	const appt = call.appointmentId ? appointmentById(ctx.db, call.appointmentId) : undefined;
	return { matter, booth, appt };
}

/** What an agent sees of a call (offer card and call page): needs, origin and wait, masked ID only. */
export function callContext(ctx: Ctx, call: CallRow): CallContext {
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

export type { CallContext };
