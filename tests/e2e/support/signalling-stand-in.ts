import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import {
	JoinRequest,
	JoinResponse,
	ParticipantInfo,
	ParticipantInfo_State,
	ParticipantPermission,
	ParticipantUpdate,
	Room,
	ServerInfo,
	ServerInfo_Edition,
	SessionDescription,
	SignalRequest,
	SignalResponse,
	SignalTarget,
	TrackInfo,
	TrickleRequest,
	WrappedJoinRequest,
	WrappedJoinRequest_Compression
} from '@livekit/protocol';
import type { Page } from '@playwright/test';
import { WebSocketServer, type WebSocket } from 'ws';

/** One signalling connection a browser opened: when, to which path, as whom. */
export interface SignalAttempt {
	at: number;
	path: string;
	identity: string;
	room: string;
	reconnect: boolean;
	/** The media connection's last state (`connected` once WebRTC is up). */
	media: string;
}

/** The subject, room and grants of a LiveKit join token (read, not verified: the console minted it). */
function claimsOf(token: string): {
	identity: string;
	name: string;
	room: string;
	permission: ParticipantPermission;
} {
	const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
	const v = (payload.video ?? {}) as Record<string, unknown>;
	// As LiveKit does: a grant left out of the token is allowed.
	const permission = new ParticipantPermission({
		canPublish: v.canPublish !== false,
		canSubscribe: v.canSubscribe !== false,
		canPublishData: v.canPublishData !== false,
		hidden: v.hidden === true
	});
	return {
		identity: String(payload.sub ?? ''),
		name: String(payload.name ?? ''),
		room: String(v.room ?? ''),
		permission
	};
}

/** The JoinRequest of the v1 signalling path (`/rtc/v1?join_request=…`), if there is one. */
function joinRequestOf(url: URL): JoinRequest | null {
	const raw = url.searchParams.get('join_request');
	if (!raw) return null;
	const wrapped = WrappedJoinRequest.fromBinary(Buffer.from(raw, 'base64url'));
	const bytes =
		wrapped.compression === WrappedJoinRequest_Compression.GZIP
			? gunzipSync(wrapped.joinRequest)
			: wrapped.joinRequest;
	return JoinRequest.fromBinary(bytes);
}

/** The browser side of the stand-in's media: an RTCPeerConnection per signalling connection. */
const PEER_SCRIPT = () => {
	type W = typeof window & Record<string, unknown>;
	const w = window as W;
	const peers = new Map<string, RTCPeerConnection>();
	const early = new Map<string, RTCIceCandidateInit[]>();
	const send = w.standInCandidate as (id: string, c: RTCIceCandidateInit) => void;
	const media = w.standInMedia as (id: string, state: string) => void;
	w.peerAnswer = async (id: string, sdp: string) => {
		let pc = peers.get(id);
		if (!pc) {
			pc = new RTCPeerConnection();
			const p = pc;
			p.onicecandidate = (e) => e.candidate && send(id, e.candidate.toJSON());
			p.onconnectionstatechange = () => media(id, p.connectionState);
			peers.set(id, pc);
		}
		await pc.setRemoteDescription({ type: 'offer', sdp });
		for (const c of early.get(id) ?? []) await pc.addIceCandidate(c).catch(() => {});
		early.delete(id);
		const answer = await pc.createAnswer();
		await pc.setLocalDescription(answer);
		return pc.localDescription!.sdp;
	};
	w.peerCandidate = async (id: string, c: RTCIceCandidateInit) => {
		const pc = peers.get(id);
		if (pc?.remoteDescription) await pc.addIceCandidate(c).catch(() => {});
		else early.set(id, [...(early.get(id) ?? []), c]);
	};
	w.peerClose = (id: string) => {
		peers.get(id)?.close();
		peers.delete(id);
	};
};

/**
 * A stand-in for a LiveKit server's signalling endpoint, on the console's LIVEKIT_URL. It
 * counts every WebSocket a browser opens to `/rtc…`, answers the join as a LiveKit server
 * would (JoinResponse, SDP answers, ICE candidates, track publications, pongs), and terminates
 * the media in a page of its own (`peer`), so livekit-client sees a healthy room and has no
 * reason to retry: every further connection is one the console itself asked for. Like LiveKit,
 * it tells the others in a room who joined or left (by the name in their token), except hidden
 * participants, whom nobody is told about.
 * Plain HTTP gets 404, so the console's health check still reports video as unavailable.
 */
export class SignallingStandIn {
	readonly attempts: SignalAttempt[] = [];
	#server: http.Server | undefined;
	#wss: WebSocketServer | undefined;
	#sockets = new Map<string, WebSocket>();
	#byId = new Map<string, SignalAttempt>();
	/** Who is in which room, by connection (hidden participants too, flagged). */
	#present = new Map<string, { room: string; hidden: boolean; info: ParticipantInfo }>();
	#seq = 0;
	#url: URL;
	#peer: Page;

	constructor(url: string, peer: Page) {
		this.#url = new URL(url);
		this.#peer = peer;
	}

	/** Listens on the URL's host and port; the peer page is made ready first. */
	async start(): Promise<void> {
		await this.#peer.exposeFunction('standInCandidate', (id: string, c: RTCIceCandidateInit) =>
			this.#send(
				id,
				new SignalResponse({
					message: {
						case: 'trickle',
						value: new TrickleRequest({
							candidateInit: JSON.stringify(c),
							target: SignalTarget.PUBLISHER
						})
					}
				})
			)
		);
		await this.#peer.exposeFunction('standInMedia', (id: string, state: string) => {
			const a = this.#byId.get(id);
			if (a) a.media = state;
		});
		await this.#peer.evaluate(PEER_SCRIPT);
		this.#wss = new WebSocketServer({ noServer: true });
		this.#server = http.createServer((_req, res) => res.writeHead(404).end());
		this.#server.on('upgrade', (req, socket, head) => {
			const url = new URL(req.url ?? '/', 'http://stand-in');
			if (!url.pathname.startsWith('/rtc')) return socket.destroy();
			this.#wss!.handleUpgrade(req, socket, head, (ws) => void this.#join(ws, url));
		});
		const port = Number(this.#url.port || 7880);
		await new Promise<void>((resolve, reject) => {
			this.#server!.once('error', reject);
			this.#server!.listen(port, this.#url.hostname, resolve);
		});
	}

	/** Set once the test is over: nothing more is answered. */
	#stopped = false;

	async stop(): Promise<void> {
		this.#stopped = true;
		for (const ws of this.#sockets.values()) ws.terminate();
		this.#wss?.close();
		await new Promise<void>((r) => (this.#server ? this.#server.close(() => r()) : r()));
	}

	/** Connections opened so far by participants whose identity starts with `prefix`. */
	count(prefix: string): number {
		return this.attempts.filter((a) => a.identity.startsWith(prefix)).length;
	}

	async #join(ws: WebSocket, url: URL): Promise<void> {
		const id = `c${++this.#seq}`;
		const { identity, name, room, permission } = claimsOf(
			url.searchParams.get('access_token') ?? ''
		);
		const join = joinRequestOf(url);
		const reconnect = join?.reconnect ?? url.searchParams.get('reconnect') === '1';
		const attempt = { at: Date.now(), path: url.pathname, identity, room, reconnect, media: 'new' };
		this.attempts.push(attempt);
		this.#byId.set(id, attempt);
		this.#sockets.set(id, ws);
		const me = new ParticipantInfo({
			sid: `PA_${id}`,
			identity,
			name,
			state: ParticipantInfo_State.ACTIVE,
			permission,
			joinedAt: BigInt(Math.floor(Date.now() / 1000))
		});
		const others = [...this.#present.entries()].filter(
			([, p]) => p.room === room && !p.hidden && p.info.identity !== identity
		);
		this.#present.set(id, { room, hidden: permission.hidden, info: me });
		ws.on('close', () => {
			this.#sockets.delete(id);
			const gone = this.#present.get(id);
			this.#present.delete(id);
			if (gone && !gone.hidden)
				this.#tell(
					id,
					gone.room,
					new ParticipantInfo({ ...gone.info, state: ParticipantInfo_State.DISCONNECTED })
				);
			void this.#peer
				.evaluate((i) => (window as never as Record<string, (i: string) => void>).peerClose!(i), id)
				.catch(() => {});
		});
		ws.on('message', (data: Buffer) => {
			if (this.#stopped) return;
			// a request still being answered when the test ends and closes the peer page is moot;
			// any other failure is the test's
			this.#onRequest(id, SignalRequest.fromBinary(data)).catch((e: unknown) => {
				if (!this.#stopped && !this.#peer.isClosed()) throw e;
			});
		});
		this.#send(
			id,
			new SignalResponse({
				message: {
					case: 'join',
					value: new JoinResponse({
						room: new Room({
							sid: `RM_${room}`,
							name: room,
							creationTime: BigInt(Math.floor(Date.now() / 1000))
						}),
						participant: me,
						otherParticipants: others.map(([, p]) => p.info),
						serverVersion: '1.9.0',
						serverInfo: new ServerInfo({
							edition: ServerInfo_Edition.Standard,
							version: '1.9.0',
							protocol: 16
						}),
						subscriberPrimary: false,
						// No pings asked for: a missed pong would be the stand-in's fault, not the console's.
						pingTimeout: 0,
						pingInterval: 0
					})
				}
			})
		);
		if (!permission.hidden) this.#tell(id, room, me);
		const offer = join?.publisherOffer;
		if (offer?.sdp) await this.#answer(id, offer);
	}

	/** Tells everyone else in `room` that a participant joined, changed or left. */
	#tell(from: string, room: string, info: ParticipantInfo): void {
		for (const [id, p] of this.#present)
			if (id !== from && p.room === room)
				this.#send(
					id,
					new SignalResponse({
						message: { case: 'update', value: new ParticipantUpdate({ participants: [info] }) }
					})
				);
	}

	async #answer(id: string, offer: SessionDescription): Promise<void> {
		const sdp = await this.#peer.evaluate(
			([i, s]) =>
				(window as never as Record<string, (i: string, s: string) => Promise<string>>).peerAnswer!(
					i,
					s
				),
			[id, offer.sdp] as const
		);
		this.#send(
			id,
			new SignalResponse({
				message: {
					case: 'answer',
					value: new SessionDescription({ type: 'answer', sdp, id: offer.id })
				}
			})
		);
	}

	async #onRequest(id: string, req: SignalRequest): Promise<void> {
		const m = req.message;
		switch (m.case) {
			case 'offer':
				return this.#answer(id, m.value);
			case 'trickle':
				return this.#peer
					.evaluate(
						([i, c]) =>
							(window as never as Record<string, (i: string, c: unknown) => Promise<void>>)
								.peerCandidate!(i, c),
						[id, JSON.parse(m.value.candidateInit)] as const
					)
					.catch(() => {});
			case 'addTrack':
				return this.#send(
					id,
					new SignalResponse({
						message: {
							case: 'trackPublished',
							value: {
								cid: m.value.cid,
								track: new TrackInfo({
									sid: `TR_${id}_${m.value.cid}`,
									type: m.value.type,
									name: m.value.name,
									source: m.value.source,
									muted: m.value.muted,
									width: m.value.width,
									height: m.value.height
								})
							}
						}
					})
				);
			case 'pingReq':
				return this.#send(
					id,
					new SignalResponse({
						message: {
							case: 'pongResp',
							value: { lastPingTimestamp: m.value.timestamp, timestamp: BigInt(Date.now()) }
						}
					})
				);
			case 'ping':
				return this.#send(
					id,
					new SignalResponse({ message: { case: 'pong', value: BigInt(Date.now()) } })
				);
			case 'leave':
				this.#sockets.get(id)?.close();
		}
	}

	#send(id: string, res: SignalResponse): void {
		const ws = this.#sockets.get(id);
		if (ws?.readyState === ws?.OPEN) ws?.send(res.toBinary());
	}
}
