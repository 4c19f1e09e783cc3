import { and, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../db';
import { booths, sessions, users } from '../db/schema';

/** A user by username (for login). */
export function userByUsername(db: Db, username: string) {
	return db.select().from(users).where(eq(users.username, username)).get();
}

/** Stores a session row. */
export function insertSession(db: Db, id: string, userId: number, expiresAt: Date) {
	db.insert(sessions).values({ id, userId, expiresAt }).run();
}

/** The active user of a live session. */
export function sessionUser(db: Db, id: string, now: Date) {
	return db
		.select({
			sessionId: sessions.id,
			expiresAt: sessions.expiresAt,
			id: users.id,
			username: users.username,
			displayName: users.displayName,
			roles: users.roles
		})
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.where(and(eq(sessions.id, id), gt(sessions.expiresAt, now), eq(users.active, true)))
		.get();
}

/** Moves a session's expiry forward. */
export function extendSession(db: Db, id: string, expiresAt: Date) {
	db.update(sessions).set({ expiresAt }).where(eq(sessions.id, id)).run();
}

/** Deletes a session (logout) and any expired ones. */
export function deleteSession(db: Db, id: string, now: Date) {
	db.delete(sessions).where(eq(sessions.id, id)).run();
	db.delete(sessions).where(lt(sessions.expiresAt, now)).run();
}

/** The active booth holding a device token hash. */
export function boothByTokenHash(db: Db, tokenHash: string) {
	return db
		.select({ id: booths.id, name: booths.name, townId: booths.townId })
		.from(booths)
		.where(and(eq(booths.tokenHash, tokenHash), eq(booths.active, true)))
		.get();
}
