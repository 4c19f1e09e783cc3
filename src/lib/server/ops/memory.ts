import { logger } from '../logger';

/**
 * Gives the C heap's free pages back to the system now and then (glibc's `malloc_trim`).
 *
 * glibc returns freed memory to the system only from the top of each heap. With about a
 * thousand event streams and requests of every size, Node's native allocations (sockets, HTTP
 * parsing, compiled code, SQLite, the crypto of logins) leave free pages between live blocks, and
 * the web process kept some 70 MB of them for good (BENCHMARKS.md, "Supervisor wall").
 * `malloc_trim(0)` releases every whole free page; it takes a few milliseconds.
 *
 * Only on Linux with glibc (through koffi, a foreign-function interface with prebuilt
 * binaries); elsewhere it does nothing, and where the library cannot be loaded it says so once.
 */
export async function startMallocTrim(everyMs = 10_000): Promise<{ stop(): void }> {
	const trim = await loadTrim();
	if (!trim) return { stop() {} };
	const timer = setInterval(() => {
		try {
			trim();
		} catch (e) {
			clearInterval(timer);
			logger.warn({ error: String(e) }, 'malloc_trim failed; no longer trimming the C heap');
		}
	}, everyMs);
	timer.unref();
	return { stop: () => clearInterval(timer) };
}

/** glibc's `malloc_trim(0)`, or null where there is none. */
export async function loadTrim(): Promise<(() => number) | null> {
	if (process.platform !== 'linux' || !glibcRuntime()) return null;
	try {
		const { default: koffi } = await import('koffi');
		const libc = koffi.load('libc.so.6');
		const mallocTrim = libc.func('int malloc_trim(size_t pad)') as (pad: number) => number;
		return () => mallocTrim(0);
	} catch (e) {
		logger.info({ error: String(e) }, 'malloc_trim is not available; the C heap is not trimmed');
		return null;
	}
}

/** The C library is glibc (not musl, as on Alpine). */
function glibcRuntime(): boolean {
	const report = process.report?.getReport() as { header?: { glibcVersionRuntime?: string } };
	return Boolean(report?.header?.glibcVersionRuntime);
}
