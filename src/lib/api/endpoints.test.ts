import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { operations, type Op } from '$lib/contracts/openapi';
import { agentOperations } from '$lib/contracts/openapi-agent';
import { callerOperations } from '$lib/contracts/openapi-caller';
import { videoOperations } from '$lib/contracts/openapi-video';
import { endpoints, type Endpoint } from './endpoints';
import { urlOf } from './client';

const all: Op[] = [...operations, ...agentOperations, ...callerOperations, ...videoOperations];

function keysOf(t: z.ZodType | undefined): string[] {
	const shape = (t as unknown as { shape?: Record<string, unknown> } | undefined)?.shape;
	return shape ? Object.keys(shape).sort() : [];
}

describe('the browser client follows the API contract', () => {
	for (const [route, def] of Object.entries(endpoints) as [string, Endpoint][]) {
		const [method, path] = route.split(' ') as [string, string];
		it(`${route} is an operation of the contract, with its schemas`, () => {
			const op = all.find((o) => o.method === method.toLowerCase() && o.path === path);
			expect(op, `${route} is not in the OpenAPI operations`).toBeDefined();
			// The same request schemas that validate on the server.
			expect(def.body).toBe(op!.body);
			if (op!.query) expect(def.query).toBe(op!.query);
			// A documented success schema is used as is, or refined with every one of its fields.
			const ok = Object.entries(op!.responses).find(([code]) => Number(code) < 300)?.[1];
			if (ok?.schema && def.response && ok.schema !== def.response)
				expect(keysOf(def.response)).toEqual(expect.arrayContaining(keysOf(ok.schema)));
		});
	}
});

describe('urlOf', () => {
	it('fills path parameters and appends the query', () => {
		expect(urlOf('GET /calls/{id}', { id: 'a b' })).toBe('/api/v1/calls/a%20b');
		expect(urlOf('GET /matters', undefined, { limit: 5, q: '养老', departmentId: undefined })).toBe(
			'/api/v1/matters?limit=5&q=%E5%85%BB%E8%80%81'
		);
	});

	it('refuses a missing parameter', () => {
		expect(() => urlOf('GET /calls/{id}')).toThrow(/id/);
	});
});
