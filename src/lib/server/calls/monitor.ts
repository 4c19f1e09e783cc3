import type { StateChanger } from '../../contracts/events';
import type { Ctx } from '../context';
import { conflict, notFound } from '../errors';
import { videoAccess, type VideoAccess } from '../video/access';
import * as q from './queries';

/** How a duty supervisor joins a live call: listening hidden, or speaking to both sides. */
export type MonitorMode = 'monitor' | 'barge';

const monitorsKey = (ctx: Ctx, callId: string) => `${ctx.prefix}:monitor:${callId}`;

/**
 * A duty supervisor joins a connected call's video: `monitor` is a hidden, subscribe-only
 * participant; `barge` joins visibly, can speak, and is shown to the caller as 值班长 and their
 * name. The agent is told according to MONITOR_NOTICE (always, or only when the supervisor
 * speaks). 409 `not_connected` unless the call is connected.
 */
export async function monitorCall(
	ctx: Ctx,
	callId: string,
	by: StateChanger,
	mode: MonitorMode
): Promise<{ callId: string; mode: MonitorMode; video: VideoAccess }> {
	const call = q.callById(ctx.db, callId);
	if (!call) throw notFound('No such call');
	if (call.status !== 'connected')
		throw conflict('not_connected', `The call is ${call.status}, not connected`);
	const video = await videoAccess(ctx, callId, {
		role: mode,
		subjectId: by.userId,
		displayName: mode === 'barge' ? `值班长 ${by.displayName}` : by.displayName
	});
	const key = monitorsKey(ctx, callId);
	await ctx.redis
		.multi()
		.hset(key, String(by.userId), mode)
		.expire(key, 6 * 3600)
		.exec();
	q.recordTransition(ctx.db, {
		callId,
		type: mode === 'barge' ? 'supervisor_barged' : 'supervisor_monitoring',
		agentId: by.userId,
		reason: mode,
		at: new Date().toISOString()
	});
	if (call.agentId && (ctx.cfg.MONITOR_NOTICE === 'always' || mode === 'barge'))
		await ctx.bus.publish(
			'monitor.updated',
			{ callId, mode, supervisor: by },
			{ users: [call.agentId] }
		);
	return { callId, mode, video };
}

/** The supervisors who joined a call (for the wall), by user id. */
export async function monitorsOf(ctx: Ctx, callId: string): Promise<number[]> {
	return (await ctx.redis.hkeys(monitorsKey(ctx, callId))).map(Number);
}
