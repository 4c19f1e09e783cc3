import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireCallAccess } from '../../src/lib/server/calls/access';
import type { Ctx } from '../../src/lib/server/context';
import { closeRouting, connectedCall, routingContext } from './routing-helpers';

let ctx: Ctx;
beforeAll(async () => {
	ctx = await routingContext();
});
afterAll(() => closeRouting(ctx));

const staff = (id: number, roles: ('agent' | 'supervisor' | 'admin')[]) => ({
	user: { id, username: 'u', displayName: 'u', roles },
	booth: null,
	bearer: null
});

describe('who may see a call', () => {
	it('its agent, supervisors, admins and its caller; not another agent or another caller', async () => {
		const { agent, callId, callerToken } = await connectedCall(ctx);
		const c = { callId, callerToken };

		expect(requireCallAccess(ctx, staff(agent, ['agent']), c.callId, { staff: true }).id).toBe(
			c.callId
		);
		expect(requireCallAccess(ctx, staff(9001, ['supervisor']), c.callId, { staff: true }).id).toBe(
			c.callId
		);
		expect(requireCallAccess(ctx, staff(9002, ['admin']), c.callId, { staff: true }).id).toBe(
			c.callId
		);
		expect(() => requireCallAccess(ctx, staff(9003, ['agent']), c.callId, { staff: true })).toThrow(
			expect.objectContaining({ status: 403 })
		);
		expect(
			requireCallAccess(ctx, { user: null, booth: null, bearer: c.callerToken }, c.callId, {
				staff: false
			}).id
		).toBe(c.callId);
		expect(() =>
			requireCallAccess(ctx, { user: null, booth: null, bearer: 'someone-else' }, c.callId, {
				staff: false
			})
		).toThrow(expect.objectContaining({ status: 403 }));
		expect(() =>
			requireCallAccess(ctx, { user: null, booth: null, bearer: null }, c.callId, { staff: false })
		).toThrow(expect.objectContaining({ status: 401 }));
	});
});
