import { lt } from 'drizzle-orm';
import type { Ctx } from '../context';
import { sessions } from '../db/schema';

/** Removes expired login sessions; returns how many. */
export function purgeExpiredSessions(ctx: Ctx, now = new Date()): number {
	return ctx.db.delete(sessions).where(lt(sessions.expiresAt, now)).run().changes;
}
