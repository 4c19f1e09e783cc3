import type { WallSnapshot } from '../../contracts/supervisor-api';
import type { StaffUser } from '../auth/auth';
import type { Ctx } from '../context';
import { scopeOf, type Scope } from './scope';
import { WAITING_LIMIT, wallSnapshot } from './wall';

/**
 * How long one snapshot serves every supervisor of the same scope who asks for the wall.
 * Shorter than the wall's reload debounce (400 ms): a wall that reloads after an event always
 * gets a snapshot read after that event.
 */
export const SHARE_MS = 250;

interface Shared {
	at: number;
	snapshot: Promise<WallSnapshot>;
	json?: Promise<Uint8Array>;
}
const shared = new WeakMap<Ctx, Map<string, Shared>>();

/** Supervisors with the same departments and towns see the same wall. */
const keyOf = (scope: Scope | null) =>
	scope ? `d${scope.departmentIds.join(',')}|t${scope.townIds.join(',')}` : 'all';

function current(ctx: Ctx, user: StaffUser): Shared {
	const now = Date.now();
	const scope = scopeOf(ctx, user);
	const key = keyOf(scope);
	let byScope = shared.get(ctx);
	if (!byScope) shared.set(ctx, (byScope = new Map()));
	const s = byScope.get(key);
	if (s && now - s.at < SHARE_MS) return s;
	const next: Shared = { at: now, snapshot: wallSnapshot(ctx, now, WAITING_LIMIT, scope) };
	byScope.set(key, next);
	// a failed read is not shared: the next request tries again
	next.snapshot.catch(() => byScope.get(key) === next && byScope.delete(key));
	return next;
}

/**
 * The wall's snapshot as this supervisor sees it (their scope), read at most once per SHARE_MS
 * per scope and process however many supervisors ask: a hall of walls reloading after the same
 * events costs one read. Callers must not modify what they get.
 */
export function sharedWallSnapshot(ctx: Ctx, user: StaffUser): Promise<WallSnapshot> {
	return current(ctx, user).snapshot;
}

/**
 * The shared snapshot as the JSON body of `GET /api/v1/supervisor/wall`: serialised and encoded
 * once, and the same bytes streamed to every wall asking (a Response made from bytes or a string
 * would copy or encode them again for each).
 */
export async function sharedWallBody(
	ctx: Ctx,
	user: StaffUser
): Promise<ReadableStream<Uint8Array>> {
	const s = current(ctx, user);
	s.json ??= s.snapshot.then((w) => new TextEncoder().encode(JSON.stringify(w)));
	const bytes = await s.json;
	return new ReadableStream({
		start(c) {
			c.enqueue(bytes);
			c.close();
		}
	});
}
