import { pino } from 'pino';

/** Structured JSON logger; personal data never goes in (mask it first). */
export const logger = pino({
	level: process.env.LOG_LEVEL ?? 'info',
	base: { proc: process.env.CONSOLE_PROCESS ?? 'web' },
	redact: { paths: ['password', '*.password', 'token', '*.token', 'authorization'], remove: true }
});
