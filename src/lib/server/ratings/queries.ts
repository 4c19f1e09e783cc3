import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { followUps, ratings } from '../db/schema';

/** The rating of a call, if it has one. */
export function ratingOf(db: Db, callId: string) {
	return db.select().from(ratings).where(eq(ratings.callId, callId)).get();
}

/** The follow-up cases opened for a call. */
export function followUpsOf(db: Db, callId: string) {
	return db.select().from(followUps).where(eq(followUps.callId, callId)).all();
}

/** Stores a rating and, for a bad one, its rectification case, in one transaction. */
export function insertRating(
	db: Db,
	row: typeof ratings.$inferInsert,
	followUp: typeof followUps.$inferInsert | null
): void {
	db.transaction((tx) => {
		tx.insert(ratings).values(row).run();
		if (followUp) tx.insert(followUps).values(followUp).run();
	});
}
