import type { WallSnapshot } from '../../contracts/supervisor-api';
import type { Ctx } from '../context';
import { wallSnapshot } from './wall';

/**
 * How long one snapshot serves every supervisor who asks for the wall. Shorter than the wall's
 * reload debounce (400 ms): a wall that reloads after an event always gets a snapshot read after
 * that event.
 */
export const SHARE_MS = 250;

interface Shared {
	at: number;
	snapshot: Promise<WallSnapshot>;
	json?: Promise<string>;
}
const shared = new WeakMap<Ctx, Shared>();

function current(ctx: Ctx): Shared {
	const now = Date.now();
	const s = shared.get(ctx);
	if (s && now - s.at < SHARE_MS) return s;
	const next: Shared = { at: now, snapshot: wallSnapshot(ctx, now) };
	shared.set(ctx, next);
	// a failed read is not shared: the next request tries again
	next.snapshot.catch(() => shared.get(ctx) === next && shared.delete(ctx));
	return next;
}

/**
 * The wall's snapshot, read at most once per SHARE_MS per process however many supervisors ask:
 * a hall of supervisors' walls reloading after the same events costs one read. Callers must not
 * modify what they get.
 */
export function sharedWallSnapshot(ctx: Ctx): Promise<WallSnapshot> {
	return current(ctx).snapshot;
}

/** The shared snapshot as the JSON body of `GET /api/v1/supervisor/wall` (serialised once). */
export function sharedWallJson(ctx: Ctx): Promise<string> {
	const s = current(ctx);
	s.json ??= s.snapshot.then((w) => JSON.stringify(w));
	return s.json;
}
