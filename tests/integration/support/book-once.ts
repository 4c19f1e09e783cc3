/**
 * One process of the booking race: says "ready" once its context is open, waits for "go" on
 * stdin, then books the given slot once through the console's own booking rule on the shared
 * SQLite file, and prints the outcome as one JSON line.
 */
import { book } from '../../../src/lib/server/bookings/bookings';
import { parseConfig } from '../../../src/lib/server/config';
import { closeContext, createContext } from '../../../src/lib/server/context';
import { DomainError } from '../../../src/lib/server/errors';

const cfg = parseConfig(process.env);
const ctx = await createContext(cfg);
const matterId = Number(process.env.RACE_MATTER);
const slotStart = process.env.RACE_SLOT!;
const now = Number(process.env.RACE_NOW);
process.stdout.write('ready\n');
await new Promise((r) => process.stdin.once('data', r));
let out: Record<string, unknown>;
try {
	const b = book(ctx, { matterId, slotStart, boothId: null }, now);
	out = { ok: true, id: b.appointmentId };
} catch (e) {
	out = { ok: false, code: e instanceof DomainError ? e.code : String(e) };
}
process.stdout.write(JSON.stringify(out) + '\n');
await closeContext(ctx);
process.exit(0);
