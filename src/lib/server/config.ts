import path from 'node:path';
import { z } from 'zod';

const bool = z
	.enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
	.transform((v) => v === '1' || v === 'true' || v === 'yes');

const urlWithScheme = (schemes: string[]) =>
	z.string().refine(
		(v) => {
			try {
				return schemes.includes(new URL(v).protocol.replace(':', ''));
			} catch {
				return false;
			}
		},
		`must be a URL starting with ${schemes.map((s) => s + '://').join(' or ')}`
	);

const schema = z.object({
	PORT: z.coerce.number().int().min(1).max(65535).default(3000),
	HOST: z.string().min(1).default('127.0.0.1'),
	/** The public URL people open; form posts from any other origin are refused (CSRF). */
	ORIGIN: urlWithScheme(['http', 'https']).optional(),
	DATA_DIR: z.string().min(1).default('./data'),
	REDIS_URL: urlWithScheme(['redis', 'rediss']).optional(),
	DATABASE_PATH: z.string().min(1).optional(),
	LIVEKIT_URL: urlWithScheme(['ws', 'wss', 'http', 'https']).default('ws://127.0.0.1:7880'),
	LIVEKIT_API_KEY: z.string().min(1).default('devkey'),
	LIVEKIT_API_SECRET: z.string().min(1).default('secret'),
	CONSOLE_ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
	SKIP_DEMO_SEED: bool.default(false),
	REDIS_PREFIX: z
		.string()
		.regex(/^[a-z0-9:_-]+$/i, 'may use letters, digits, ":", "_" and "-" only')
		.default('cw'),
	/** Bearer token a Prometheus scraper sends to read /metrics (admins may read it logged in). */
	METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
	LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
	AGENT_DISCONNECT_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
	SSE_HEARTBEAT_SECONDS: z.coerce.number().int().min(1).max(300).default(15),
	/** Event streams one login (or one caller's call) may hold open at once. */
	SSE_MAX_PER_SESSION: z.coerce.number().int().min(1).max(1000).default(8),
	/** Event streams one network address may hold open at once (booths behind one NAT share it). */
	SSE_MAX_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(200),
	/**
	 * `schedule` (default) refuses calls outside the service hours stored in the database;
	 * `always` opens every matter at any time (demos and end-to-end tests run at any hour).
	 */
	SERVICE_HOURS: z.enum(['schedule', 'always']).default('schedule'),
	/**
	 * When the agent is told a duty supervisor joined their call: `always` (listening or
	 * speaking) or `barge` (only when the supervisor speaks).
	 */
	MONITOR_NOTICE: z.enum(['always', 'barge']).default('always'),
	/** How long an offer reserves an agent before it times out and the call is re-queued. */
	OFFER_TIMEOUT_SECONDS: z.coerce.number().min(0.2).max(600).default(20),
	/**
	 * An agent who declined or missed a call is not offered that same call again for this long
	 * (other eligible agents get it first; after it, a lone eligible agent may get it again).
	 */
	OFFER_RETRY_SECONDS: z.coerce.number().min(0).max(86400).default(300),
	/** Consecutive offers an agent lets pass (declined or timed out) before a "not responding" break. */
	OFFER_MAX_MISSES: z.coerce.number().int().min(1).max(100).default(2),
	/**
	 * Longest wrap-up: seconds after a call ends before the agent is returned to available even
	 * without an outcome (0: no limit). Recording the outcome frees the agent at once.
	 */
	WRAP_UP_SECONDS: z.coerce.number().min(0).max(3600).default(60),
	/**
	 * Escalation steps, in order: `<seconds>:<relaxation>` separated by commas. Relaxations:
	 * `elderly_any_seat` (elderly callers accept any seat speaking their language),
	 * `department` (any seat of the matter's department), `language` (see ROUTING_LANGUAGE_RELAX).
	 */
	ROUTING_ESCALATION: z
		.string()
		.regex(
			/^(\s*\d+(\.\d+)?:(elderly_any_seat|department|language)\s*)(,\s*\d+(\.\d+)?:(elderly_any_seat|department|language)\s*)*$/,
			'must look like "30:elderly_any_seat,60:department,120:language"'
		)
		.default('30:elderly_any_seat,60:department,120:language'),
	/** Languages a caller accepts once the `language` step applies: `yue:zh` = Cantonese callers accept Mandarin seats. */
	ROUTING_LANGUAGE_RELAX: z
		.string()
		.regex(
			/^([a-z]+:[a-z]+(\+[a-z]+)*)?(,[a-z]+:[a-z]+(\+[a-z]+)*)*$/,
			'must look like "yue:zh,ja:en"'
		)
		.default('yue:zh'),
	/**
	 * Priority ageing: seconds of waiting each lane is worth. A call ranks by arrival time minus
	 * its lane's head start, so a normal call that has waited longer than a lane's head start
	 * goes ahead of newly arriving calls of that lane and never starves.
	 */
	ROUTING_LANE_HEAD_START: z
		.string()
		.regex(/^([a-z]+:\d+)(,[a-z]+:\d+)*$/, 'must look like "urgent:900,green:600"')
		.default('urgent:900,green:600,elderly:300,appointment:120'),
	/** How often the worker re-checks each live call (escalation, lost offers, position). */
	ROUTING_CHECK_SECONDS: z.coerce.number().min(0.2).max(600).default(30),
	/** How often the worker looks for disconnected agents. */
	PRESENCE_SWEEP_SECONDS: z.coerce.number().min(0.2).max(600).default(5),
	/**
	 * How often the worker's offer-expiry job releases offers past their time (a BullMQ job
	 * scheduler; one sweep serves every pending offer). An offer can never be accepted after its
	 * time: acceptance checks the expiry itself; this only bounds how late the call moves on.
	 */
	OFFER_SWEEP_MS: z.coerce.number().int().min(50).max(10_000).default(250),
	/**
	 * How often a worker compares SQLite with Redis and repairs the difference: a call the record
	 * has and live state lacks is queued and routed again (a few seconds after it was made at the
	 * earliest), one only live state has is taken out.
	 */
	RECONCILE_SECONDS: z.coerce.number().min(0.2).max(600).default(2),
	/** BullMQ lock time: a killed worker's active jobs are picked up by another after this. */
	WORKER_LOCK_SECONDS: z.coerce.number().min(1).max(600).default(30),
	/** Average handle time used for the estimated wait until real calls give history. */
	DEFAULT_HANDLE_SECONDS: z.coerce.number().int().min(1).max(7200).default(300),
	/** Anonymous mobile calls one address may start per window (carrier NAT shares addresses). */
	MOBILE_CALL_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(30),
	MOBILE_CALL_LIMIT_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
	/** Length of the booth's UV disinfection cycle after each call (start screen locked). */
	BOOTH_DISINFECT_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
	/** A booth not heard from for this long (a kiosk beats every 15 s) shows as offline. */
	BOOTH_OFFLINE_SECONDS: z.coerce.number().int().min(5).max(3600).default(45),
	/**
	 * A waiting caller (phone or booth) whose page has not been heard from for this long has gone:
	 * the call leaves the queue as abandoned. Shorter drops (a tunnel, a reload) keep the place.
	 */
	CALLER_GONE_SECONDS: z.coerce.number().int().min(3).max(3600).default(90),
	/** Caller screens left untouched return to the start: the rating (recorded as not rated)… */
	CALLER_RATING_IDLE_SECONDS: z.coerce.number().int().min(3).max(3600).default(60),
	/** …the out-of-hours screen… */
	CALLER_CLOSED_IDLE_SECONDS: z.coerce.number().int().min(3).max(3600).default(60),
	/** …and a start screen with someone's choices on it (language, needs, a search). */
	CALLER_START_IDLE_SECONDS: z.coerce.number().int().min(3).max(3600).default(120),
	/** A waiting caller is offered a booking once the estimated wait exceeds this. */
	BOOKING_OFFER_WAIT_SECONDS: z.coerce.number().int().min(0).max(86_400).default(600),
	/** Length of a booking slot, in minutes. */
	BOOKING_SLOT_MINUTES: z.coerce.number().int().min(5).max(240).default(30),
	/** A booking not checked in this long after its slot starts is missed and its place freed. */
	BOOKING_GRACE_MINUTES: z.coerce.number().int().min(1).max(240).default(15),
	/** Service level: answered within T seconds, T per department (this when a department sets none). */
	SERVICE_LEVEL_SECONDS: z.coerce.number().int().min(1).max(3600).default(20),
	/** A caller who leaves within S seconds is not counted against service (short abandon). */
	SHORT_ABANDON_SECONDS: z.coerce.number().int().min(0).max(600).default(5),
	/** Reports: whether a 3 (基本满意) counts as good in the good rate (default: only 5 and 4). */
	REPORT_GOOD_INCLUDES_3: z
		.enum(['true', 'false', '1', '0'])
		.default('false')
		.transform((v) => v === 'true' || v === '1'),
	/** Quarterly ranking weights: service quality, rectification, active rating rate, coverage. */
	REPORT_RANKING_WEIGHTS: z
		.string()
		.regex(/^\d+(\.\d+)?(,\d+(\.\d+)?){3}$/, 'four comma-separated weights')
		.default('40,30,20,10')
		.transform((v) => v.split(',').map(Number) as [number, number, number, number])
		.refine((w) => w.some((x) => x > 0), 'at least one weight above 0'),
	/** Supervisor alert: a department's longest-waiting caller has waited this long. */
	ALERT_WAIT_SECONDS: z.coerce.number().int().min(1).max(86_400).default(120),
	/** Supervisor alert: a department's service level today is under this target (0..1). */
	ALERT_SERVICE_LEVEL: z.coerce.number().min(0).max(1).default(0.8),
	/** …once at least this many of today's calls count towards it (no alarm on the first call). */
	ALERT_SERVICE_LEVEL_MIN_CALLS: z.coerce.number().int().min(1).max(100_000).default(10),
	/** Supervisor alert: an agent's request for an interpreter has gone untaken this long. */
	ALERT_INTERPRETER_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
	/** How often the worker re-derives the supervisors' alerts and tells the walls what changed. */
	ALERT_SWEEP_SECONDS: z.coerce.number().min(0.5).max(600).default(5),
	/** Days the free text of a call (notes, mailing address, rating comment) is kept. */
	RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
	/** Working days to contact the citizen, and to rectify, after a bad rating (local rules). */
	RECTIFY_CONTACT_WORKDAYS: z.coerce.number().int().min(0).max(60).default(1),
	RECTIFY_WORKDAYS: z.coerce.number().int().min(1).max(60).default(5),
	/**
	 * Working days to rectify per triage kind, counted from the case's opening, where the local
	 * rule differs from RECTIFY_WORKDAYS: `complex=15,explain=3` (kinds fix_now, complex,
	 * explain, appeal).
	 */
	RECTIFY_WORKDAYS_BY_TRIAGE: z
		.string()
		.regex(
			/^((fix_now|complex|explain|appeal)=\d{1,2})?(,(fix_now|complex|explain|appeal)=\d{1,2})*$/,
			'kind=days pairs, e.g. complex=15,explain=3'
		)
		.default(''),
	/** Callback attempts that must fail before a case may close with the citizen unreached. */
	CALLBACK_TRIES: z.coerce.number().int().min(1).max(20).default(3)
});

export type Config = z.infer<typeof schema> & { databasePath: string; dataDir: string };

/** Thrown when the environment holds a setting the console cannot use. */
export class ConfigError extends Error {
	constructor(public readonly problems: string[]) {
		super(`Invalid configuration: ${problems.join('; ')}`);
	}
}

/** True while LiveKit's public development key and secret are in use (`livekit-server --dev`). */
export function usesDevCredentials(c: { LIVEKIT_API_KEY: string; LIVEKIT_API_SECRET: string }) {
	return c.LIVEKIT_API_KEY === 'devkey' && c.LIVEKIT_API_SECRET === 'secret';
}

/** Parses an environment into a validated config; throws ConfigError naming each bad setting. */
export function parseConfig(env: Record<string, string | undefined>): Config {
	const cleaned = Object.fromEntries(
		Object.entries(env).filter(([, v]) => v !== undefined && v !== '')
	);
	const result = schema.safeParse(cleaned);
	if (!result.success) {
		throw new ConfigError(
			result.error.issues.map((i) => `${i.path.join('.') || 'environment'} ${i.message}`)
		);
	}
	if (
		usesDevCredentials(result.data) &&
		(env.NODE_ENV === 'production' || result.data.ORIGIN?.startsWith('https://'))
	)
		throw new ConfigError([
			"LIVEKIT_API_KEY / LIVEKIT_API_SECRET are the public development credentials (devkey / secret): anyone could sign webhooks and tokens. Set your LiveKit server's own key and secret"
		]);
	const dataDir = path.resolve(result.data.DATA_DIR);
	return {
		...result.data,
		dataDir,
		databasePath: path.resolve(result.data.DATABASE_PATH ?? path.join(dataDir, 'console.db'))
	};
}

let cached: Config | undefined;

/** The process-wide config, parsed once from process.env. */
export function config(): Config {
	cached ??= parseConfig(process.env);
	return cached;
}

/** Forgets the parsed config (tests that change the environment). */
export function resetConfig(): void {
	cached = undefined;
}

/** What the console says at every start while the development credentials are in use. */
export const DEV_CREDENTIALS_WARNING =
	'LiveKit development credentials (devkey / secret) are in use: fine for a demo, refused in production (NODE_ENV=production or an https ORIGIN). Set LIVEKIT_API_KEY and LIVEKIT_API_SECRET.';
