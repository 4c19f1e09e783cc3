import http from 'node:http';

export interface RecordedCall {
	method: string;
	path: string;
	authorization: string | undefined;
	body: Record<string, unknown>;
}

/**
 * A local HTTP endpoint that speaks LiveKit's Twirp paths just enough to answer the server SDK,
 * and records every request so tests can assert exactly what the console asked of LiveKit.
 */
export async function startTwirpRecorder(): Promise<{
	url: string;
	calls: RecordedCall[];
	close(): Promise<void>;
}> {
	const calls: RecordedCall[] = [];
	const server = http.createServer((req, res) => {
		let raw = '';
		req.on('data', (c) => (raw += c));
		req.on('end', () => {
			const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
			calls.push({
				method: req.method ?? '',
				path: req.url ?? '',
				authorization: req.headers.authorization,
				body
			});
			res.setHeader('content-type', 'application/json');
			if (req.url?.endsWith('/CreateRoom')) {
				res.end(
					JSON.stringify({
						name: body.name,
						sid: 'RM_test',
						emptyTimeout: body.emptyTimeout,
						maxParticipants: body.maxParticipants
					})
				);
			} else if (req.url?.endsWith('/ListParticipants')) {
				res.end(JSON.stringify({ participants: [{ sid: 'PA_1', identity: 'agent-7' }] }));
			} else {
				res.end('{}');
			}
		});
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const addr = server.address() as { port: number };
	return {
		url: `http://127.0.0.1:${addr.port}`,
		calls,
		close: () => new Promise((r) => server.close(() => r()))
	};
}
