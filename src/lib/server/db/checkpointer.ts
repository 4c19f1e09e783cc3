import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { logger } from '../logger';
import type { Db } from './index';

/** The thread's code: its own connection, a passive WAL checkpoint every interval. */
const THREAD = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => {
	try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy: next round */ }
}, workerData.everyMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); process.exit(0); });
`;

export interface Checkpointer {
	stop(): Promise<void>;
}

/**
 * Moves WAL checkpoints off the event loop: the connection stops checkpointing on commit (which
 * copies pages into the database file and syncs it while every request waits) and a background
 * thread with its own connection checkpoints passively instead, never blocking readers or writers.
 */
export function startCheckpointer(db: Db, file: string, everyMs = 5000): Checkpointer {
	db.$client.pragma('wal_autocheckpoint = 0');
	const driver = createRequire(import.meta.url).resolve('better-sqlite3');
	const thread = new Worker(THREAD, { eval: true, workerData: { driver, file, everyMs } });
	thread.unref();
	thread.on('error', (err) => {
		// without the thread, checkpoint on commit again rather than let the WAL grow
		db.$client.pragma('wal_autocheckpoint = 1000');
		logger.warn({ err }, 'WAL checkpoint thread failed; checkpointing on commit');
	});
	return {
		async stop() {
			const done = new Promise((r) => thread.once('exit', r));
			thread.postMessage('stop');
			await done;
		}
	};
}
