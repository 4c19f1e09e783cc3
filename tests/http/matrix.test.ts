import { beforeAll, describe, expect, it } from 'vitest';
import { operations } from '../../src/lib/contracts/openapi';
import { send } from './client';
import { expectDocumented, expectErrorShape, opKey } from './conforms';
import { table } from './table';
import { World, type Actor } from './world';

let w: World;
beforeAll(async () => {
	w = await World.create();
});

describe('the access matrix', () => {
	it('has one entry per documented operation', () => {
		expect(Object.keys(table).sort()).toEqual(operations.map(opKey).sort());
	});

	for (const op of operations) {
		const entry = table[opKey(op)];
		if (!entry) {
			it(`${opKey(op)} has an entry in the matrix`, () => expect(entry).toBeDefined());
			continue;
		}
		describe(opKey(op), () => {
			for (const [actor, want] of Object.entries(entry.expect) as [Actor, number][]) {
				it(`${actor} → ${want}`, async () => {
					const built = entry.build
						? await entry.build(w, actor)
						: { as: await w.as(actor as never) };
					const r = await send(op.method.toUpperCase(), built.path ?? op.path, {
						as: built.as,
						body: built.body,
						headers: built.headers
					});
					expect(r.status, JSON.stringify(r.body)).toBe(want);
					if (r.status >= 400) expectErrorShape(r);
					expectDocumented(op, r);
				});
			}
		});
	}
});
