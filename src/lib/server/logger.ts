import { pino } from 'pino';
import { maskDeep, maskText } from './privacy';

/**
 * Structured JSON logger: secrets are dropped, and ID card and mobile numbers in what is logged
 * (fields and message) are masked.
 */
export const logger = pino({
	level: process.env.LOG_LEVEL ?? 'info',
	base: { proc: process.env.CONSOLE_PROCESS ?? 'web' },
	redact: { paths: ['password', '*.password', 'token', '*.token', 'authorization'], remove: true },
	formatters: { log: (o) => maskDeep(o) },
	hooks: {
		logMethod(args, method) {
			method.apply(
				this,
				args.map((a) => (typeof a === 'string' ? maskText(a) : a)) as Parameters<typeof method>
			);
		}
	}
});
