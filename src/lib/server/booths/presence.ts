import { and, eq, isNull, lt, ne, or } from 'drizzle-orm';
import type { BOOTH_STATES } from '../../contracts/caller-api';
import type { Ctx } from '../context';
import { booths } from '../db/schema';
import { logBoothStates } from './queries';
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
	if (before?.state !== state) {
		logBoothStates(ctx.db, [
			{ boothId: booth.id, state, fromState: before?.state ?? null, at: lastSeenAt }
		]);
		await ctx.bus.publish(
			'booth.updated',
			{ boothId: booth.id, state, lastSeenAt },
			{ roles: ['supervisor', 'admin'] }
		);
	}
	return {
		boothId: booth.id,
		name: booth.name,
		state,
		lastSeenAt,
		service: serviceStatus(ctx, now)
	};
}

/**
 * Booths that stopped beating (powered off, network down) are set offline and supervisors are
 * told; a heartbeat arriving meanwhile wins. Returns the booths set offline.
 */
export async function sweepSilentBooths(ctx: Ctx, now = Date.now()): Promise<number[]> {
	const cutoff = new Date(now - ctx.cfg.BOOTH_OFFLINE_SECONDS * 1000).toISOString();
	const silent = and(
		ne(booths.state, 'offline'),
		or(isNull(booths.lastSeenAt), lt(booths.lastSeenAt, cutoff))
	);
	const at = new Date(now).toISOString();
	// immediate: it reads then writes; a deferred one would fail at once when another process
	// wrote in between instead of waiting its turn
	const gone = ctx.db.transaction(
		(tx) => {
			const before = new Map(
				tx
					.select({ id: booths.id, state: booths.state })
					.from(booths)
					.where(and(silent, eq(booths.active, true)))
					.all()
					.map((b) => [b.id, b.state])
			);
			const rows = tx
				.update(booths)
				.set({ state: 'offline' })
				.where(and(silent, eq(booths.active, true)))
				.returning({ id: booths.id, lastSeenAt: booths.lastSeenAt })
				.all();
			logBoothStates(
				tx,
				rows.map((b) => ({
					boothId: b.id,
					state: 'offline',
					fromState: before.get(b.id) ?? null,
					at
				}))
			);
			return rows;
		},
		{ behavior: 'immediate' }
	);
	await ctx.bus.publishMany(
		gone.map((b) => [
			'booth.updated',
			{ boothId: b.id, state: 'offline', lastSeenAt: b.lastSeenAt },
			{ roles: ['supervisor', 'admin'] }
		])
	);
	return gone.map((b) => b.id);
}
