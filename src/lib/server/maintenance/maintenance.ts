import { and, eq, inArray, isNotNull, lt, or } from 'drizzle-orm';
import type { Ctx } from '../context';
import { calls, followUps, followUpSteps, outcomes, ratings, sessions } from '../db/schema';

/** Removes expired login sessions; returns how many. */
export function purgeExpiredSessions(ctx: Ctx, now = new Date()): number {
	return ctx.db.delete(sessions).where(lt(sessions.expiresAt, now)).run().changes;
}

/**
 * Forgets the free text of calls older than RETENTION_DAYS: the agent's notes, the mailing
 * address, the caller's rating comment, and the notes of closed follow-up cases and their steps.
 * What a call
 * was, its outcome, its score and its history stay (the figures and the audit need them).
 * Returns how many rows lost text, by table.
 */
export function purgePersonalData(ctx: Ctx, now = Date.now()) {
	const cutoff = new Date(now - ctx.cfg.RETENTION_DAYS * 86_400_000).toISOString();
	const old = ctx.db.select({ id: calls.id }).from(calls).where(lt(calls.queuedAt, cutoff));
	return ctx.db.transaction((tx) => ({
		calls: tx
			.update(calls)
			.set({ notes: null })
			.where(and(lt(calls.queuedAt, cutoff), isNotNull(calls.notes)))
			.run().changes,
		outcomes: tx
			.update(outcomes)
			.set({ notes: null, mailAddress: null })
			.where(
				and(
					inArray(outcomes.callId, old),
					or(isNotNull(outcomes.notes), isNotNull(outcomes.mailAddress))
				)
			)
			.run().changes,
		ratings: tx
			.update(ratings)
			.set({ comment: null })
			.where(and(inArray(ratings.callId, old), isNotNull(ratings.comment)))
			.run().changes,
		followUps: tx
			.update(followUps)
			.set({ notes: null })
			.where(
				and(
					inArray(followUps.callId, old),
					eq(followUps.status, 'closed'),
					isNotNull(followUps.notes)
				)
			)
			.run().changes,
		followUpSteps: tx
			.update(followUpSteps)
			.set({ note: null })
			.where(
				and(
					inArray(
						followUpSteps.followUpId,
						tx
							.select({ id: followUps.id })
							.from(followUps)
							.where(and(inArray(followUps.callId, old), eq(followUps.status, 'closed')))
					),
					isNotNull(followUpSteps.note)
				)
			)
			.run().changes
	}));
}
