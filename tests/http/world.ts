import { inject } from 'vitest';
import { database, login, ok, send, type Identity } from './client';

export const ROLES = [
	'none',
	'mobile',
	'booth',
	'agent',
	'supervisor',
	'scheduler',
	'admin'
] as const;
export type Role = (typeof ROLES)[number];
/** Acting on someone else's thing: agent A on B's offer or call, caller X on Y's, booth A on B's. */
export const CROSS = ['otherAgent', 'otherCaller', 'otherBooth'] as const;
export type Actor = Role | (typeof CROSS)[number];

export type CallState = 'queued' | 'offered' | 'connected' | 'wrap_up' | 'ended';

export interface Staff {
	id: number;
	username: string;
	password: string;
	as: Identity;
}
export interface Desk extends Staff {
	matterId: number;
}
export interface Scene {
	callId: string;
	offerId: string | null;
	/** The identity the actor makes its request with. */
	as: Identity;
	/** The call's own caller (token or booth), and its agent when it has one. */
	caller: Identity;
	agent: Desk | null;
}

let seq = 0;
const unique = (p: string) => `${p}${process.pid % 1000}x${Date.now() % 1e6}x${++seq}`;

/**
 * Everything a test acts with, created through the API: staff by the admin, booths registered,
 * calls made as a caller. Agents that take calls each get a matter of their own, so a call made
 * for that matter can only be offered to them.
 */
export class World {
	private matters: number[] = [];
	private shared = new Map<string, Promise<unknown>>();
	admin!: Identity;
	/** A matter no agent serves: calls for it stay queued. */
	queueMatter!: number;

	static async create(): Promise<World> {
		const w = new World();
		const db = database();
		const ids = db.matterIds();
		db.close();
		w.queueMatter = ids[0]!;
		w.admin = await login('admin', inject('adminPassword'));
		// Matters an agent of an earlier test file serves are taken.
		const staff = await ok<{ agents: { skills: { kind: string; matterId: number }[] }[] }>(
			'GET',
			'/admin/agents',
			{ as: w.admin }
		);
		const taken = new Set(
			staff.agents.flatMap((a) =>
				a.skills.filter((s) => s.kind === 'matter').map((s) => s.matterId)
			)
		);
		w.matters = ids.slice(1).filter((id) => !taken.has(id));
		return w;
	}

	private once<T>(key: string, make: () => Promise<T>): Promise<T> {
		if (!this.shared.has(key)) this.shared.set(key, make());
		return this.shared.get(key) as Promise<T>;
	}

	/** A new staff account with these roles and skills, logged in. */
	async staff(roles: string[], skills: unknown[] = []): Promise<Staff> {
		const username = unique('u');
		const password = 'Passw0rd!' + username;
		const { id } = await ok<{ id: number }>(
			'POST',
			'/admin/agents',
			{ as: this.admin, body: { username, password, displayName: username, roles, skills } },
			201
		);
		return { id, username, password, as: await login(username, password) };
	}

	/** An agent with a matter of its own, available (and present) now. */
	async desk(extraSkills: unknown[] = []): Promise<Desk> {
		const matterId = this.matters.shift();
		if (!matterId) throw new Error('the catalogue has no matter left for another agent');
		const s = await this.staff(
			['agent'],
			[
				{ kind: 'matter', matterId, level: 5 },
				{ kind: 'language', code: 'zh', level: 5 },
				...extraSkills
			]
		);
		await ok('PUT', '/agent/state', { as: s.as, body: { state: 'available' } });
		return { ...s, matterId };
	}

	/** A registered booth; its identity is its device token. */
	async booth(): Promise<{ id: number; as: Identity }> {
		const b = await ok<{ id: number; token: string }>(
			'POST',
			'/admin/booths',
			{ as: this.admin, body: { name: unique('booth'), town: '市桥街', site: '村委会' } },
			201
		);
		return { id: b.id, as: { bearer: b.token } };
	}

	/** A call made from a booth (its token) or a phone (then its caller token is the identity). */
	async call(matterId: number, booth?: Identity): Promise<{ callId: string; caller: Identity }> {
		const r = await ok<{ callId: string; callerToken: string }>(
			'POST',
			'/calls',
			{
				as: booth,
				body: { channel: booth ? 'booth' : 'mobile', matterId, language: 'zh' }
			},
			201
		);
		return { callId: r.callId, caller: booth ?? { bearer: r.callerToken } };
	}

	/** The shared identity of a role (a new login when `fresh`, e.g. to log it out). */
	async as(role: Role, fresh = false): Promise<Identity> {
		const key = fresh ? unique(role) : role;
		switch (role) {
			case 'none':
				return {};
			case 'mobile':
				return this.once(key, async () => (await this.call(this.queueMatter)).caller);
			case 'booth':
				return this.once(key, async () => (await this.booth()).as);
			case 'agent':
				return this.once(key, async () => (await this.staff(['agent'])).as);
			case 'admin':
				return fresh ? login('admin', inject('adminPassword')) : this.admin;
			default:
				return this.once(key, async () => (await this.staff([role])).as);
		}
	}

	/** An account whose credentials the login cases use. */
	loginTarget(): Promise<Staff> {
		return this.once('loginTarget', () => this.staff(['scheduler']));
	}

	private signSeats: Identity[] = [];
	/** The only free sign-language seat: earlier ones go offline, so this one is asked. */
	async signSeat(): Promise<Desk> {
		for (const as of this.signSeats.splice(0))
			await send('PUT', '/agent/state', { as, body: { state: 'offline' } });
		const seat = await this.desk([{ kind: 'sign_language', level: 4 }]);
		this.signSeats.push(seat.as);
		return seat;
	}

	/** A supervisor account for admin operations on it (its scope). */
	sharedSupervisor(): Promise<Staff> {
		return this.once('sharedSupervisorStaff', () => this.staff(['supervisor']));
	}

	/** The shared agent account (its id, for admin operations on it). */
	sharedAgent(): Promise<Staff> {
		return this.once('sharedAgentStaff', () => this.staff(['agent']));
	}

	/**
	 * A call in `state`, set up for `actor`: a caller or booth acts on its own call (or, crossed,
	 * on another's), an agent on the call it handles (or, crossed, on another agent's).
	 */
	async scene(actor: Actor, state: CallState): Promise<Scene> {
		let booth: Identity | undefined;
		let actorBooth: Identity | undefined;
		if (actor === 'booth') actorBooth = booth = (await this.booth()).as;
		if (actor === 'otherBooth') {
			booth = (await this.booth()).as;
			actorBooth = (await this.booth()).as;
		}
		const agent = state === 'queued' ? null : await this.desk();
		const { callId, caller } = await this.call(agent?.matterId ?? this.queueMatter, booth);
		let offerId: string | null = null;
		if (agent) {
			const offer = await ok<{ offerId: string; callId: string }>('GET', '/agent/offer', {
				as: agent.as
			});
			if (offer.callId !== callId) throw new Error('the call was offered to someone else');
			offerId = offer.offerId;
			if (state !== 'offered') await ok('POST', `/offers/${offerId}/accept`, { as: agent.as });
			if (state === 'wrap_up' || state === 'ended')
				await ok('POST', `/calls/${callId}/end`, { as: agent.as });
			if (state === 'ended')
				await ok('POST', `/calls/${callId}/wrap-up`, {
					as: agent.as,
					body: { outcome: 'info', mailResults: false }
				});
		}
		let as: Identity;
		if (actor === 'mobile') as = caller;
		else if (actor === 'booth' || actor === 'otherBooth') as = actorBooth!;
		else if (actor === 'otherCaller') as = await this.as('mobile');
		else if (actor === 'agent') as = agent?.as ?? (await this.as('agent'));
		else if (actor === 'otherAgent') as = (await this.staff(['agent'])).as;
		else as = await this.as(actor);
		return { callId, offerId, as, caller, agent };
	}
}
