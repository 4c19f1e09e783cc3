import { z } from 'zod';

/** Query-string numbers are decimal digits only: `0x10`, `1e3` or ` 16` are not 16. */
const decimal = (v: unknown) => (typeof v === 'string' && !/^\d{1,15}$/.test(v) ? NaN : v);

/** An integer query parameter in [min, max], written in decimal digits. */
export function queryInt(min: number, max = Number.MAX_SAFE_INTEGER) {
	return z.preprocess(decimal, z.coerce.number().int().min(min).max(max));
}
