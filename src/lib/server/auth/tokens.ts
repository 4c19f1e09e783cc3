import { createHash, randomBytes } from 'node:crypto';

/** A random bearer token (URL-safe). */
export function newToken(bytes = 24): string {
	return randomBytes(bytes).toString('base64url');
}

/** What is stored in place of a token: its SHA-256. */
export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}
