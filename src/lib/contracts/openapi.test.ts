import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RATING_REASON_CODES } from './caller-api';
import { documentedResponses, openApiDocument, operations } from './openapi';

const ROOT = path.resolve('src/routes/api/v1');
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'] as const;

/** `METHOD /path` of every exported handler under src/routes/api/v1 (`[id]` → `{id}`). */
function handlers(dir = ROOT): string[] {
	const out: string[] = [];
	for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, e.name);
		if (e.isDirectory()) out.push(...handlers(p));
		else if (e.name === '+server.ts') {
			const route = path
				.relative(ROOT, dir)
				.split(path.sep)
				.filter((seg) => seg && !/^\(.*\)$/.test(seg))
				.map((seg) => seg.replace(/^\[(\w+)\]$/, '{$1}'))
				.join('/');
			const src = fs.readFileSync(p, 'utf8');
			for (const m of METHODS)
				if (new RegExp(`export\\s+(const|async function|function)\\s+${m}\\b`).test(src))
					out.push(`${m} /${route}`);
		}
	}
	return out.sort();
}

const documented = operations.map((o) => `${o.method.toUpperCase()} ${o.path}`).sort();

describe('the OpenAPI document and the handlers', () => {
	it('documents every handler, and every documented operation has a handler', () => {
		const found = handlers();
		expect(found.length).toBeGreaterThan(30);
		expect(
			found.filter((h) => !documented.includes(h)),
			'handlers without an operation'
		).toEqual([]);
		expect(
			documented.filter((d) => !found.includes(d)),
			'operations without a handler'
		).toEqual([]);
		expect(new Set(documented).size, 'an operation listed twice').toBe(documented.length);
	});

	it('gives every success response with a body a schema', () => {
		const missing = operations.flatMap((o) =>
			Object.entries(o.responses)
				.filter(([status, r]) => Number(status) < 300 && Number(status) !== 204 && !r.schema)
				.map(([status]) => `${o.method.toUpperCase()} ${o.path} ${status}`)
		);
		expect(missing).toEqual([]);
	});

	it('lists the machine codes of every error response', () => {
		const missing = operations.flatMap((o) =>
			Object.entries(documentedResponses(o))
				.filter(([status, r]) => Number(status) >= 400 && Number(status) < 500 && !r.codes?.length)
				.map(([status]) => `${o.method.toUpperCase()} ${o.path} ${status}`)
		);
		expect(missing).toEqual([]);
	});

	it('names the error codes and rating reasons in the served document', () => {
		const text = JSON.stringify(openApiDocument());
		for (const code of ['booth_busy', 'closed', 'invalid_booth_token', 'offer_gone', 'not_ended'])
			expect(text).toContain(`"${code}"`);
		for (const reason of RATING_REASON_CODES) expect(text).toContain(`"${reason}"`);
		const doc = openApiDocument() as { paths: Record<string, Record<string, unknown>> };
		expect(doc.paths['/admin/agents/{id}/skills']).toHaveProperty('get');
	});

	it('caps every array a request body may carry', () => {
		const uncapped: string[] = [];
		const walk = (node: unknown, where: string) => {
			if (!node || typeof node !== 'object') return;
			const n = node as Record<string, unknown>;
			if (n.type === 'array' && typeof n.maxItems !== 'number') uncapped.push(where);
			for (const [k, v] of Object.entries(n)) walk(v, `${where}.${k}`);
		};
		for (const op of operations)
			if (op.body)
				walk(
					z.toJSONSchema(op.body, { io: 'input', unrepresentable: 'any' }),
					`${op.method} ${op.path}`
				);
		expect(uncapped).toEqual([]);
	});
});
