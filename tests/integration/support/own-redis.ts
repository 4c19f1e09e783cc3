import path from 'node:path';
import { inject } from 'vitest';
import { startRedis, type EmbeddedRedis } from '../../../scripts/lib/redis-server';

/**
 * A redis-server of the test file's own (not the run's shared one), which the test may stop,
 * pause and start again on the same port with its append-only data, as an operator's restart does.
 */
export class OwnRedis {
	private server!: EmbeddedRedis;
	private constructor(private readonly dir: string) {}

	static async start(name: string): Promise<OwnRedis> {
		const r = new OwnRedis(path.join(inject('tmpDir'), `redis-${name}`));
		r.server = await startRedis(r.dir, () => {});
		return r;
	}

	get url(): string {
		return this.server.url;
	}

	get pid(): number {
		return this.server.child.pid!;
	}

	/** Stops it (SIGTERM: Redis writes its data out first). */
	stop(): Promise<void> {
		return this.server.stop();
	}

	/** Starts it again on its port, with its data (after `stop`). */
	async start(): Promise<void> {
		await this.server.stop();
		this.server = await startRedis(this.dir, () => {}, this.server.port);
	}

	/** Stops it and starts it again on its port, with its data. */
	restart(): Promise<void> {
		return this.start();
	}
}
