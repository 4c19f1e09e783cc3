import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { logger } from '../logger';
import type { Db } from './index';

/**
 * The thread's code: its own connection; a passive checkpoint every interval, which never blocks
 * anyone. Under steady writes a passive checkpoint never catches up with the end of the WAL, so
 * the WAL would only grow; once it is longer than `restartFrames`, a RESTART checkpoint (which
 * holds new writers back only while it copies the few frames the passive one left) makes the
 * next writer start the WAL from the beginning again.
 */
const THREAD = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
function round(report) {
	try {
		const [r] = db.pragma('wal_checkpoint(PASSIVE)');
		report('passive');
		if (r && r.log > workerData.restartFrames) db.pragma('wal_checkpoint(RESTART)');
	} catch { /* busy: next round */ }
}
const timer = workerData.everyMs > 0 ? setInterval(() => round(() => {}), workerData.everyMs) : undefined;
parentPort.on('message', (m) => {
	if (m !== 'round') { clearInterval(timer); db.close(); process.exit(0); }
	round((step) => parentPort.postMessage(step));
	parentPort.postMessage('done');
});
`;

export interface Checkpointer {
	stop(): Promise<void>;
	/**
	 * Runs one round on the thread now: `passive` settles once its passive checkpoint has run,
	 * `done` once the round (with its RESTART, if the WAL was too long) is over. Lets a test
	 * decide exactly when checkpoints happen relative to its writes instead of racing a timer.
	 */
	round(): { passive: Promise<void>; done: Promise<void> };
}

/**
 * Moves WAL checkpoints off the event loop: the connection stops checkpointing on commit (which
 * copies pages into the database file and syncs it while every request waits) and a background
 * thread with its own connection checkpoints passively instead, never blocking readers or writers.
 * `everyMs = 0` runs no timer: rounds happen only through `round()`.
 */
export function startCheckpointer(
	db: Db,
	file: string,
	everyMs = 1000,
	restartFrames = 4096
): Checkpointer {
	db.$client.pragma('wal_autocheckpoint = 0');
	const driver = createRequire(import.meta.url).resolve('better-sqlite3');
	const thread = new Worker(THREAD, {
		eval: true,
		workerData: { driver, file, everyMs, restartFrames }
	});
	thread.unref();
	thread.on('error', (err) => {
		// without the thread, checkpoint on commit again rather than let the WAL grow
		db.$client.pragma('wal_autocheckpoint = 1000');
		logger.warn({ err }, 'WAL checkpoint thread failed; checkpointing on commit');
	});
	// rounds asked for by round(), oldest first; the listener exists only once one is asked for
	const waiting: { passive: () => void; done: () => void }[] = [];
	const onStep = (step: 'passive' | 'done') => {
		const next = waiting[0];
		next?.passive();
		if (step === 'done') {
			waiting.shift();
			next?.done();
		}
	};
	return {
		round() {
			if (!thread.listenerCount('message')) thread.on('message', onStep);
			const step = { passive: () => {}, done: () => {} };
			const passive = new Promise<void>((r) => (step.passive = r));
			const done = new Promise<void>((r) => (step.done = r));
			waiting.push(step);
			thread.postMessage('round');
			return { passive, done };
		},
		async stop() {
			const done = new Promise((r) => thread.once('exit', r));
			thread.postMessage('stop');
			await done;
		}
	};
}
