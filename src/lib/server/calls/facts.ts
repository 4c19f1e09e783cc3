import { CHECK_IN_EARLY_MINUTES } from '../../contracts/bookings-api';
import { appointmentById } from '../booths/queries';
import { languageByCode, matterFacts } from '../catalog/queries';
import type { Ctx } from '../context';
import type { CallFacts } from '../routing/rules';
import { rosterRequirement } from '../schedule/schedule';
import type { CallRow } from './queries';

/** Routing facts of a stored call (its matter's department and minimum level, lane inputs). */
export function factsOf(ctx: Ctx, call: CallRow): CallFacts {
	const m = matterFacts(ctx.db, call.matterId);
	let inSlot = false;
	if (call.appointmentId) {
		const a = appointmentById(ctx.db, call.appointmentId);
		const t = Date.parse(call.queuedAt);
		inSlot =
			!!a &&
			// only a booking checked in (by its holder or at a booth) opens the appointment lane
			a.status === 'checked_in' &&
			a.matterId === call.matterId &&
			Date.parse(a.slotStart) - CHECK_IN_EARLY_MINUTES * 60_000 <= t &&
			t < Date.parse(a.slotEnd);
	}
	const signed = languageByCode(ctx.db, call.language)?.signed ?? false;
	return {
		matterId: call.matterId,
		departmentId: m?.departmentId ?? 0,
		minLevel: m?.minLevel ?? 1,
		language: call.language,
		sign: call.signLanguage || signed,
		elderly: call.elderly,
		priorityLane: call.priorityLane,
		inAppointmentSlot: inSlot,
		roster: rosterRequirement(ctx, call.matterId, Date.parse(call.queuedAt), {
			boothId: call.boothId,
			language: call.language
		})
	};
}
