import { createHash } from 'node:crypto';

/**
 * Personal data in free text (an agent's state reason, notes, a comment) is masked wherever it
 * leaves its record: events, logs, the audit trail and what supervisors read. What is masked:
 * resident ID card numbers (18 digits, the last may be X; the old 15-digit form) and mainland
 * mobile numbers. Enough is kept to tell two apart; not enough to use one.
 */

const ID_CARD = /(?<![\dA-Za-z])(\d{4})\d{10}(\d{3}[\dXx])(?![\dA-Za-z])/g;
const OLD_ID_CARD = /(?<![\dA-Za-z])(\d{4})\d{8}(\d{3})(?![\dA-Za-z])/g;
const MOBILE = /(?<![\dA-Za-z])(?:\+?86[- ]?)?(1[3-9]\d)[- ]?\d{4}[- ]?(\d{4})(?![\dA-Za-z])/g;

/** The text with ID card and mobile numbers masked (`4401**********123X`, `138****5678`). */
export function maskText(text: string): string {
	if (!/\d{7}/.test(text.replace(/[- ]/g, ''))) return text;
	return text
		.replace(ID_CARD, (_m, a: string, b: string) => `${a}${'*'.repeat(10)}${b}`)
		.replace(OLD_ID_CARD, (_m, a: string, b: string) => `${a}${'*'.repeat(8)}${b}`)
		.replace(MOBILE, (_m, a: string, b: string) => `${a}****${b}`);
}

/** A value with every string in it masked (objects and arrays copied, other values as they are). */
export function maskDeep<T>(value: T): T {
	if (typeof value === 'string') return maskText(value) as T;
	if (Array.isArray(value)) return value.map(maskDeep) as T;
	if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
		const out: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(value)) out[k] = maskDeep(v);
		return out as T;
	}
	return value;
}

/** A key for a rate-limit counter or similar: the same input gives the same key, unreadable. */
export function opaqueKey(kind: string, value: string): string {
	return createHash('sha256').update(`${kind}:${value}`).digest('base64url').slice(0, 24);
}
