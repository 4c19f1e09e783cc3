import { Queue, type Job, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';

/**
 * Every BullMQ queue of the console, its job names and each job's payload. No personal data in a
 * payload: ids only.
 * - `calls`: one durable job per live call (job id = call id), re-scheduled until the call ends.
 * - `routing`: timers (wrap-up) and the job schedulers that sweep expired offers and silent
 *   agents and booths, and re-derive the supervisors' alerts.
 * - `video`: follow-ups of LiveKit webhooks (did a caller who left the room come back?).
 * - `maintenance`: housekeeping (expired sessions, free text past its retention).
 */
export interface JobPayloads {
	calls: { call: { callId: string } };
	routing: {
		'offer-expiry': Record<string, never>;
		'wrap-up': { agentId: number; callId: string };
		sweep: Record<string, never>;
		alerts: Record<string, never>;
	};
	video: { 'caller-departure': { callId: string } };
	maintenance: {
		'purge-sessions': Record<string, never>;
		'purge-personal-data': Record<string, never>;
		/** Missed bookings free their place; checked-in ones are settled as served or missed. */
		'bookings-sweep': Record<string, never>;
		/** Online seats' routing fields re-read, so the days their roster covers move on with time. */
		'roster-refresh': Record<string, never>;
	};
}

export type QueueName = keyof JobPayloads;
export const QUEUE_NAMES = [
	'calls',
	'routing',
	'video',
	'maintenance'
] as const satisfies readonly QueueName[];
export type JobName<Q extends QueueName> = keyof JobPayloads[Q] & string;

/** A job of one queue as its processor sees it: switch over `name` and `data` is typed. */
export type JobOf<Q extends QueueName> = {
	[N in JobName<Q>]: Job<JobPayloads[Q][N], unknown, N>;
}[JobName<Q>];

/** A queue's processor: one function switching over the queue's job names. */
export type Processor<Q extends QueueName> = (job: JobOf<Q>, token?: string) => Promise<unknown>;

export type Queues = { [Q in QueueName]: Queue };

/** Where BullMQ keeps its keys for a console's prefix. */
export const bullPrefix = (prefix: string) => `${prefix}:bull`;

/** The producer side of every queue, sharing one connection (built once by the context). */
export function createQueues(connection: Redis, prefix: string): Queues {
	const opts = { connection, prefix: bullPrefix(prefix) };
	return Object.fromEntries(QUEUE_NAMES.map((n) => [n, new Queue(n, opts)])) as Queues;
}

/** Adds one typed job. */
export async function addJob<Q extends QueueName, N extends JobName<Q>>(
	queues: Queues,
	queue: Q,
	name: N,
	data: JobPayloads[Q][N],
	opts: JobsOptions
): Promise<void> {
	await queues[queue].add(name, data, opts);
}

/** Fails type-checking when a processor's switch misses a job name; throws for unknown names at run time. */
export function unknownJob(job: never): never {
	throw new Error(`unknown job ${(job as Job).name}`);
}

const delay = (ms: number) => Math.max(0, Math.round(ms));

/** Options of each kind of job. */
export const JOB_OPTIONS = {
	/** The call's durable job: retried, never silently dropped. */
	call: (callId: string, delayMs: number): JobsOptions => ({
		jobId: callId,
		delay: delay(delayMs),
		attempts: 20,
		backoff: { type: 'fixed', delay: 1000 },
		removeOnComplete: true,
		removeOnFail: 1000
	}),
	wrapUp: (callId: string, delayMs: number): JobsOptions => ({
		jobId: `wrapup-${callId}`,
		delay: delay(delayMs),
		attempts: 5,
		removeOnComplete: true,
		removeOnFail: 1000
	}),
	callerDeparture: (callId: string, at: number, delayMs: number): JobsOptions => ({
		jobId: `depart-${callId}-${at}`,
		delay: delay(delayMs),
		attempts: 5,
		backoff: { type: 'fixed', delay: 2000 },
		removeOnComplete: true,
		removeOnFail: 100
	})
} as const;
