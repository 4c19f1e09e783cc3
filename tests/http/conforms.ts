import { expect } from 'vitest';
import { documentedResponses, type Op } from '../../src/lib/contracts/openapi';
import type { Reply } from './client';

export const opKey = (op: Op) => `${op.method.toUpperCase()} ${op.path}`;

/**
 * The reply is one the OpenAPI document describes for this operation: a documented status, the
 * documented media type, and a body its schema accepts (for an error, one of the listed codes).
 */
export function expectDocumented(op: Op, r: Reply) {
	const what = `${opKey(op)} → ${r.status} ${JSON.stringify(r.body)?.slice(0, 300)}`;
	expect(r.status, `a server error: ${what}`).toBeLessThan(500);
	const doc = documentedResponses(op)[r.status];
	expect(doc, `status not in the document: ${what}`).toBeDefined();
	if (r.status === 204 || !doc!.schema) {
		expect(r.body, `a body where none is documented: ${what}`).toSatisfy(
			(b) => b === '' || b === null
		);
		return;
	}
	expect(r.type, `media type: ${what}`).toContain(doc!.type ?? 'application/json');
	if (r.type.startsWith('text/event-stream')) return;
	const parsed = doc!.schema.safeParse(r.body);
	expect(
		parsed.success,
		`the body does not match the documented schema: ${what}\n${parsed.error?.message}`
	).toBe(true);
}

/** A 4xx carries the contract's error shape. */
export function expectErrorShape(r: Reply) {
	expect(r.body, `error shape of ${r.status}: ${JSON.stringify(r.body)}`).toMatchObject({
		error: { code: expect.any(String), message: expect.any(String) }
	});
}
