import { eq } from 'drizzle-orm';
import type { BOOTH_STATES } from '../../contracts/caller-api';
import type { Ctx } from '../context';
import { booths } from '../db/schema';
import { serviceStatus } from './service';

export type BoothState = (typeof BOOTH_STATES)[number];

/**
 * A booth reports its screen state: stored with the time it was seen, published to supervisors
 * when it changed. Returns what the booth needs back: its name and whether service is open.
 */
export async function boothHeartbeat(
	ctx: Ctx,
	booth: { id: number; name: string },
	state: BoothState,
	now = Date.now()
) {
	const lastSeenAt = new Date(now).toISOString();
	const before = ctx.db
		.select({ state: booths.state })
		.from(booths)
		.where(eq(booths.id, booth.id))
		.get();
	ctx.db.update(booths).set({ state, lastSeenAt }).where(eq(booths.id, booth.id)).run();
	if (before?.state !== state)
		await ctx.bus.publish(
			'booth.updated',
			{ boothId: booth.id, state, lastSeenAt },
			{ roles: ['supervisor', 'admin'] }
		);
	return {
		boothId: booth.id,
		name: booth.name,
		state,
		lastSeenAt,
		service: serviceStatus(ctx, now)
	};
}
