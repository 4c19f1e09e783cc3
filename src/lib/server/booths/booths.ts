import { asc, eq } from 'drizzle-orm';
import { audit } from '../audit/audit';
import { hashToken, newToken } from '../auth/tokens';
import { townByName } from '../catalog/queries';
import type { Ctx } from '../context';
import { booths, towns } from '../db/schema';
import { badRequest } from '../errors';

/** Registers a booth and issues its device token (shown once; only its hash is kept). */
export async function createBooth(
	ctx: Ctx,
	actorId: number | null,
	input: { name: string; town: string; site: string }
): Promise<{ id: number; token: string }> {
	const town = townByName(ctx.db, input.town);
	if (!town) throw badRequest(`unknown town "${input.town}"`, 'unknown_town');
	const token = newToken(32);
	const { id } = ctx.db
		.insert(booths)
		.values({ name: input.name, townId: town.id, site: input.site, tokenHash: hashToken(token) })
		.returning({ id: booths.id })
		.get();
	audit(ctx, {
		actorKind: actorId ? 'user' : 'system',
		actorId,
		action: 'booth.create',
		target: `booth:${id}`
	});
	await ctx.bus.publish(
		'booth.updated',
		{ boothId: id, state: 'offline', lastSeenAt: null },
		{ roles: ['supervisor', 'admin'] }
	);
	return { id, token };
}

/** Every booth with its town, for admin and supervisor lists. */
export function listBooths(ctx: Ctx) {
	return ctx.db
		.select({
			id: booths.id,
			name: booths.name,
			town: towns.name,
			townId: booths.townId,
			site: booths.site,
			state: booths.state,
			lastSeenAt: booths.lastSeenAt,
			active: booths.active
		})
		.from(booths)
		.innerJoin(towns, eq(towns.id, booths.townId))
		.orderBy(asc(booths.id))
		.all();
}
