import type { StaffUser } from '../auth/auth';
import { callById, displayName } from '../calls/queries';
import type { Ctx } from '../context';
import { conflict, forbidden, notFound } from '../errors';
import { videoAccess, type VideoAccess } from './access';

const LIVE = ['connected', 'wrap_up'];

/**
 * A fresh join token for someone already entitled to the call's video: its caller, its agent or
 * interpreter, or a supervisor (who joins hidden, listening only).
 */
export async function refreshVideo(
	ctx: Ctx,
	callId: string,
	who: { user: StaffUser | null; isCaller: boolean }
): Promise<VideoAccess> {
	const call = callById(ctx.db, callId);
	if (!call) throw notFound('No such call');
	if (!LIVE.includes(call.status))
		throw conflict('not_connected', 'This call has no video right now');
	if (who.isCaller)
		return videoAccess(ctx, callId, { role: 'caller', subjectId: callId, displayName: '市民' });
	const user = who.user;
	if (!user) throw forbidden();
	const name = displayName(ctx.db, user.id) ?? user.displayName;
	if (call.agentId === user.id)
		return videoAccess(ctx, callId, { role: 'agent', subjectId: user.id, displayName: name });
	if (call.interpreterId === user.id)
		return videoAccess(ctx, callId, { role: 'interpreter', subjectId: user.id, displayName: name });
	if (user.roles.includes('supervisor'))
		return videoAccess(ctx, callId, { role: 'monitor', subjectId: user.id, displayName: name });
	throw forbidden('Only the agents of this call can join its video');
}
