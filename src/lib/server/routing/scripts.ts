import type { Redis } from 'ioredis';
import type { Ctx } from '../context';
import * as lua from './lua';
import * as steps from './lua-steps';
import { INTERPRETER_ACCEPT, INTERPRETER_OFFER } from './lua-interpreter';

type Script = (...args: (string | number)[]) => Promise<unknown>;
const SCRIPTS = {
	rMatchCall: steps.MATCH_CALL,
	rMatchAgent: steps.MATCH_AGENT,
	rAssign: steps.ASSIGN,
	rRouteNew: steps.ROUTE_NEW,
	rLeave: steps.LEAVE,
	rHead: steps.HEAD,
	rRelease: lua.RELEASE,
	rAccept: lua.ACCEPT,
	rEnqueue: steps.ENQUEUE,
	rRemoveCall: steps.REMOVE_CALL,
	rSetAgent: lua.SET_AGENT,
	rPosition: lua.POSITION,
	rWriteSkills: lua.WRITE_SKILLS,
	rReindex: lua.REINDEX,
	rInterpOffer: INTERPRETER_OFFER,
	rInterpAccept: INTERPRETER_ACCEPT
};

/** Registers every routing script on a connection once (the context does this when it is built). */
export function defineRoutingScripts(redis: Redis): void {
	for (const [name, src] of Object.entries(SCRIPTS))
		redis.defineCommand(name, { numberOfKeys: 0, lua: src });
}

/** The scripts bound to this context's connection (EVALSHA with automatic fallback). */
export function run(ctx: Ctx): Record<keyof typeof SCRIPTS, Script> {
	return ctx.redis as unknown as Record<keyof typeof SCRIPTS, Script>;
}

/** A script's reply. */
export type Raw = (string | number)[];

export interface Removed {
	status: string;
	offerId: string;
	/** The agent whose offer was withdrawn and who is available again, or null. */
	agentId: number | null;
	bucket: string;
}

export function removedOf(r: Raw): Removed {
	return {
		status: String(r[0]),
		offerId: String(r[1] ?? ''),
		agentId: r[2] ? Number(r[2]) : null,
		bucket: String(r[3] ?? '')
	};
}
