import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/lib/server/context';
import { EventBus } from '../../src/lib/server/realtime/bus';
import { eventStream } from '../../src/lib/server/realtime/sse';
import { sseQueue } from '../../src/lib/server/telemetry';
import { closeTestContext, testContext } from './helpers';

let ctx: Ctx;
beforeAll(async () => {
	ctx = await testContext();
});
afterAll(() => closeTestContext(ctx));

interface Frame {
	id?: string;
	event?: string;
	data?: unknown;
}

/** Reads SSE frames from a response until `count` events arrived (comments are skipped). */
async function readFrames(res: Response, count: number, timeoutMs = 3000): Promise<Frame[]> {
	const reader = res.body!.getReader();
	const dec = new TextDecoder();
	const frames: Frame[] = [];
	let buf = '';
	const deadline = Date.now() + timeoutMs;
	while (frames.length < count && Date.now() < deadline) {
		const chunk = await Promise.race([
			reader.read(),
			new Promise<null>((r) => setTimeout(() => r(null), deadline - Date.now()))
		]);
		if (!chunk || chunk.done) break;
		buf += dec.decode(chunk.value);
		let i;
		while ((i = buf.indexOf('\n\n')) >= 0) {
			const block = buf.slice(0, i);
			buf = buf.slice(i + 2);
			const f: Frame = {};
			for (const line of block.split('\n')) {
				if (line.startsWith('id: ')) f.id = line.slice(4);
				if (line.startsWith('event: ')) f.event = line.slice(7);
				if (line.startsWith('data: ')) f.data = JSON.parse(line.slice(6));
			}
			if (f.event) frames.push(f);
		}
	}
	await reader.cancel();
	return frames;
}

describe('server-sent events through Redis', () => {
	it('delivers an event to its agent and not to another agent', async () => {
		const mine = await eventStream(ctx, { listener: { userId: 1, roles: ['agent'] } });
		const theirs = await eventStream(ctx, { listener: { userId: 2, roles: ['agent'] } });
		await ctx.bus.publish(
			'offer.withdrawn',
			{ offerId: 'o1', callId: 'c1', reason: 'expired' },
			{ users: [1] }
		);
		const got = await readFrames(mine, 2);
		expect(got.map((f) => f.event)).toEqual(['ready', 'offer.withdrawn']);
		expect(got[1]!.data).toEqual({ offerId: 'o1', callId: 'c1', reason: 'expired' });
		const other = await readFrames(theirs, 2, 500);
		expect(other.map((f) => f.event)).toEqual(['ready']);
	});

	it('replays what a reconnecting client missed after Last-Event-ID, in order', async () => {
		const first = await eventStream(ctx, { listener: { userId: 5, roles: ['supervisor'] } });
		const [ready] = await readFrames(first, 1);
		await ctx.bus.publish(
			'agent.updated',
			{ agentId: 3, state: 'break', since: 't1' },
			{ roles: ['supervisor'] }
		);
		await ctx.bus.publish(
			'agent.updated',
			{ agentId: 4, state: 'available', since: 't2' },
			{ roles: ['supervisor'] }
		);
		await ctx.bus.publish(
			'agent.updated',
			{ agentId: 9, state: 'offline', since: 't3' },
			{ users: [99] }
		);
		const again = await eventStream(ctx, {
			listener: { userId: 5, roles: ['supervisor'] },
			lastEventId: ready!.id
		});
		const got = await readFrames(again, 3);
		expect(got.map((f) => f.event)).toEqual(['ready', 'agent.updated', 'agent.updated']);
		expect(got.slice(1).map((f) => (f.data as { agentId: number }).agentId)).toEqual([3, 4]);
	});

	it('replays a resume from what this process just received, without reading the stream again', async () => {
		const first = await eventStream(ctx, { listener: { userId: 6, roles: ['supervisor'] } });
		const [ready] = await readFrames(first, 1);
		await ctx.bus.publish(
			'agent.updated',
			{ agentId: 7, state: 'break', since: 'm1' },
			{ roles: ['supervisor'] }
		);
		const live = await eventStream(ctx, { listener: { userId: 8, roles: ['supervisor'] } });
		await ctx.bus.publish(
			'agent.updated',
			{ agentId: 8, state: 'available', since: 'm2' },
			{ roles: ['supervisor'] }
		);
		// both events have reached this process (a stream opened meanwhile saw the second)
		expect((await readFrames(live, 2)).map((f) => f.event)).toEqual(['ready', 'agent.updated']);
		// the replay stream is gone (as after a Redis restart without persistence): the resume
		// is served from the events this process kept, in order
		await ctx.redis.del(`${ctx.prefix}:events`);
		const again = await eventStream(ctx, {
			listener: { userId: 6, roles: ['supervisor'] },
			lastEventId: ready!.id
		});
		const got = await readFrames(again, 3);
		expect(got.map((f) => f.event)).toEqual(['ready', 'agent.updated', 'agent.updated']);
		expect(got.slice(1).map((f) => (f.data as { agentId: number }).agentId)).toEqual([7, 8]);
	});

	it('asks a client that missed more than one replay holds to resync from a snapshot', async () => {
		const first = await eventStream(ctx, { listener: { userId: 11, roles: ['supervisor'] } });
		const [ready] = await readFrames(first, 1);
		await ctx.bus.publishMany(
			Array.from({ length: 1001 }, (_, i) => [
				'agent.updated',
				{ agentId: 1000 + i, state: 'break', since: `b${i}` },
				{ roles: ['supervisor'] }
			]) as Parameters<typeof ctx.bus.publishMany>[0]
		);
		// wait until this process has received them all
		const watcher = await eventStream(ctx, { listener: { userId: 12, roles: ['supervisor'] } });
		await ctx.bus.publish(
			'agent.updated',
			{ agentId: 1, state: 'break', since: 'end' },
			{ users: [12] }
		);
		const seen = await readFrames(watcher, 2);
		expect(seen.map((f) => f.event)).toEqual(['ready', 'agent.updated']);
		const res = await eventStream(ctx, {
			listener: { userId: 11, roles: ['supervisor'] },
			lastEventId: ready!.id
		});
		expect((await readFrames(res, 1))[0]).toMatchObject({
			event: 'resync',
			data: { reason: 'too_old' }
		});
		// the same from the replay stream in Redis (a process that has kept nothing yet)
		const fresh = new EventBus(ctx.redis, undefined, ctx.prefix);
		expect(await fresh.since(ready!.id!)).toBeNull();
		// while one a little behind still gets what it missed
		expect(await fresh.since(seen[1]!.id!)).toEqual([]);
	});

	it('asks the client to resync from a snapshot when its Last-Event-ID is no longer held', async () => {
		await ctx.redis.xtrim(`${ctx.prefix}:events`, 'MAXLEN', 1);
		await ctx.bus.publish(
			'agent.updated',
			{ agentId: 1, state: 'break', since: 'x' },
			{ roles: ['agent'] }
		);
		const res = await eventStream(ctx, {
			listener: { userId: 1, roles: ['agent'] },
			lastEventId: '1-0'
		});
		const [first] = await readFrames(res, 1);
		expect(first).toMatchObject({ event: 'resync', data: { reason: 'too_old' } });
	});

	it('keeps an agent present while the stream is open', async () => {
		let beats = 0;
		const res = await eventStream(ctx, {
			listener: { userId: 42, roles: ['agent'] },
			onBeat: () => void beats++
		});
		await readFrames(res, 1);
		expect(beats).toBeGreaterThanOrEqual(1);
	});

	it('refuses an invalid Last-Event-ID with 400 and keeps no listener behind', async () => {
		const before = ctx.bus.listeners;
		let released = 0;
		for (const bad of ['99999999999999999999999-0', 'abc', '1-2-3', '0x10-0']) {
			await expect(
				eventStream(ctx, {
					listener: { userId: 1, roles: ['agent'] },
					lastEventId: bad,
					onClose: () => void released++
				})
			).rejects.toMatchObject({ status: 400, code: 'invalid_last_event_id' });
		}
		expect(ctx.bus.listeners).toBe(before);
		expect(released).toBe(4);
	});

	it('lets go of a stream whose client left or stopped reading, and of its listener', async () => {
		const before = ctx.bus.listeners;
		// a client gone before reading anything
		const abort = new AbortController();
		await eventStream(ctx, { listener: { userId: 5, roles: ['agent'] }, signal: abort.signal });
		expect(ctx.bus.listeners).toBe(before + 1);
		abort.abort();
		expect(ctx.bus.listeners).toBe(before);

		// a client that never reads while events pile up past the limit
		let closed = false;
		const res = await eventStream(ctx, {
			listener: { userId: 6, roles: ['agent'] },
			onClose: () => void (closed = true)
		});
		const big = 'x'.repeat(16 * 1024);
		const held: number[] = [];
		for (let i = 0; i < 80 && !closed; i++) {
			await ctx.bus.publish(
				'offer.withdrawn',
				{ offerId: `o${i}`, callId: big, reason: 'expired' },
				{ users: [6] }
			);
			held.push(sseQueue.bytes());
		}
		await expect.poll(() => closed).toBe(true);
		// what was held for it shows on the operators' gauge while it lasted, and is let go with it
		expect(Math.max(...held)).toBeGreaterThan(512 * 1024);
		expect(sseQueue.bytes()).toBe(0);
		expect(ctx.bus.listeners).toBe(before);
		await expect(res.body!.getReader().read()).rejects.toThrow(/too slow/);
	});
});
