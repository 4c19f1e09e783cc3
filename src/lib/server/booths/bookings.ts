import { appointments } from '../db/schema';
import { matterFacts } from '../catalog/queries';
import type { Ctx } from '../context';
import { badRequest, conflict } from '../errors';
import { formatShanghai } from '../schedule/hours';
import { matterHours } from '../schedule/schedule';

const SLOT_MS = 30 * 60_000;

/**
 * Books the next slot for a matter (instead of waiting long, or out of hours): the first
 * half hour at least one hour from now in which the matter is served. Contact details are not
 * taken here; the caller keeps the booking number.
 */
export function bookSlot(
	ctx: Ctx,
	input: { matterId: number; boothId: number | null },
	now = Date.now()
) {
	const matter = matterFacts(ctx.db, input.matterId);
	if (!matter) throw badRequest(`unknown matter ${input.matterId}`, 'unknown_matter');
	// Start on the next half hour after one hour: time to get back to a booth.
	let t = Math.ceil((now + 3600_000) / SLOT_MS) * SLOT_MS;
	for (let i = 0; i < 48 * 14; i++, t += SLOT_MS) {
		const h = matterHours(ctx, matter.id, t, { boothId: input.boothId });
		if (!h.open) {
			if (!h.opensAt) break;
			t = Math.ceil(Date.parse(h.opensAt) / SLOT_MS) * SLOT_MS - SLOT_MS;
			continue;
		}
		const row = ctx.db
			.insert(appointments)
			.values({
				matterId: matter.id,
				boothId: input.boothId,
				slotStart: formatShanghai(t),
				slotEnd: formatShanghai(t + SLOT_MS)
			})
			.returning()
			.get();
		return {
			appointmentId: row.id,
			matterId: row.matterId,
			slotStart: row.slotStart,
			slotEnd: row.slotEnd
		};
	}
	throw conflict('no_slot', 'No service hours in the next two weeks');
}
