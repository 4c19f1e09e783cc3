import { fail } from '@sveltejs/kit';
import { DomainError } from '$lib/server/errors';

/** A domain error as the form's answer: its message, and whether it was a version conflict. */
export function formFail(e: unknown, values?: Record<string, unknown>) {
	if (!(e instanceof DomainError)) throw e;
	return fail(e.status, {
		error: e.message,
		code: e.code,
		conflict: e.code === 'version_conflict',
		values
	});
}

/** The integer of a form field, or undefined when empty or not a number. */
export function intOf(f: FormData, name: string): number | undefined {
	const raw = String(f.get(name) ?? '').trim();
	if (!raw) return undefined;
	const n = Number(raw);
	return Number.isInteger(n) ? n : undefined;
}

/** Every integer value of a repeated form field. */
export const intsOf = (f: FormData, name: string) =>
	f
		.getAll(name)
		.map((v) => Number(v))
		.filter((n) => Number.isInteger(n) && n > 0);
