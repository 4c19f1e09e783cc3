import type { RatingInput } from '../../contracts/caller-api';
import { audit } from '../audit/audit';
import * as calls from '../calls/queries';
import type { Ctx } from '../context';
import { conflict, notFound } from '../errors';
import { localParts } from '../schedule/hours';
import { exceptionMap } from '../schedule/schedule';
import { addWorkingDays } from '../schedule/workdays';
import * as q from './queries';

/** Scores that open a rectification case (不满意, 非常不满意). */
export const BAD_SCORES = [1, 2];

/** The caller's side has ended once the agent ended the conversation (wrap-up) or later. */
const ENDED = ['wrap_up', 'ended'];

/**
 * The caller rates a call (access already checked: its caller token or booth). One rating per
 * call, only after it ended; a bad rating opens a rectification case owned by the call's agent
 * with working-day deadlines to contact the citizen and to rectify.
 */
export function rateCall(ctx: Ctx, callId: string, input: RatingInput, now = Date.now()) {
	const call = calls.callById(ctx.db, callId);
	if (!call) throw notFound('No such call');
	if (!ENDED.includes(call.status))
		throw conflict('not_ended', `The call is ${call.status}; rate it once it has ended`);
	if (q.ratingOf(ctx.db, callId)) throw conflict('already_rated', 'This call is already rated');
	const bad = BAD_SCORES.includes(input.score);
	const today = localParts(now).date;
	const ex = exceptionMap(ctx.db);
	const followUp = bad
		? {
				kind: 'rectification' as const,
				callId,
				ownerId: call.agentId,
				contactDueAt: addWorkingDays(today, ctx.cfg.RECTIFY_CONTACT_WORKDAYS, ex),
				dueAt: addWorkingDays(today, ctx.cfg.RECTIFY_WORKDAYS, ex)
			}
		: null;
	try {
		q.insertRating(
			ctx.db,
			{
				callId,
				score: input.score,
				reasons: input.reasons,
				comment: input.comment || null,
				createdAt: new Date(now).toISOString()
			},
			followUp
		);
	} catch (e) {
		// Two taps racing: the primary key keeps the first one.
		if (String(e).includes('UNIQUE')) throw conflict('already_rated', 'This call is already rated');
		throw e;
	}
	// The rater's identity stays out of the log: only the call and the score.
	audit(ctx, {
		actorKind: 'caller',
		action: 'call.rated',
		target: `call:${callId}`,
		detail: { score: input.score }
	});
	return { callId, score: input.score, reasons: input.reasons, followUp: bad };
}
