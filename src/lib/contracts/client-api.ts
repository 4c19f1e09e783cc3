import { z } from 'zod';
import { OutcomeCode } from './api';
import { DeskSnapshot } from './agent-api';
import { CallContextSchema } from './call-context';

export { InterpreterLeft, VideoToken } from './api-responses';

/**
 * Response schemas the browser relies on where the operation list only describes them in words
 * (or loosely, as a record): the typed client infers its types from these.
 */

/** The desk snapshot (its offer typed with the call's context). */
export const DeskView = DeskSnapshot;
export type DeskViewValue = z.infer<typeof DeskView>;

/** A call as its agent (or interpreter) sees it on the call page. */
export const DeskCall = z
	.object({
		callId: z.string(),
		/** `agent` or `interpreter`. */
		role: z.string(),
		status: z.enum(['queued', 'offered', 'connected', 'wrap_up', 'ended', 'abandoned']),
		context: CallContextSchema,
		connectedAt: z.string().nullable(),
		wrapUpAt: z.string().nullable(),
		wrapUpEndsAt: z.string().nullable(),
		notes: z.string(),
		agentName: z.string().nullable(),
		interpreterName: z.string().nullable(),
		outcome: z
			.object({
				outcome: OutcomeCode,
				matterId: z.number().int().nullable(),
				notes: z.string().nullable(),
				mailResults: z.boolean(),
				mailAddress: z.string().nullable()
			})
			.nullable()
	})
	.meta({ id: 'DeskCall' });
export type DeskCallValue = z.infer<typeof DeskCall>;

/** `PUT /agent/state`: the state the agent is in now (`offered` when a call rang at once). */
export const AgentStateSet = z.object({ state: z.string() });
