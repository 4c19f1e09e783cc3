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
	LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
	AGENT_DISCONNECT_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
	SSE_HEARTBEAT_SECONDS: z.coerce.number().int().min(1).max(300).default(15)
});

export type Config = z.infer<typeof schema> & { databasePath: string; dataDir: string };

/** Thrown when the environment holds a setting the console cannot use. */
export class ConfigError extends Error {
	constructor(public readonly problems: string[]) {
		super(`Invalid configuration: ${problems.join('; ')}`);
	}
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
