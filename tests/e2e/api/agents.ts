import type { APIRequestContext, BrowserContext, BrowserContextOptions } from '@playwright/test';
import { Desk } from '../pages/desk';
import { AgentApi } from './agent-api';
import { skillList, type AdminApi, type AgentSkills, type StaffAccount } from './admin-api';
import { signIn } from './session';

/** Opens a browser context with the tier's settings (locale) and these options. */
export type NewContext = (options: BrowserContextOptions) => Promise<BrowserContext>;

/** An agent made for one test: its account, its API session, and desks opened in a browser. */
export class Agent {
	readonly contexts: BrowserContext[] = [];

	constructor(
		readonly account: StaffAccount,
		readonly api: AgentApi,
		private readonly newContext: NewContext
	) {}

	get displayName() {
		return this.account.displayName;
	}

	/** The agent's desk in a browser of its own, already signed in (the API session's cookie). */
	async openDesk(): Promise<Desk> {
		const context = await this.newContext({
			storageState: await this.api.api.storageState()
		});
		this.contexts.push(context);
		const desk = new Desk(await context.newPage());
		await desk.open();
		return desk;
	}
}

/** Creates agents through the admin API; at the end of the test each one is signed off. */
export class Agents {
	private readonly made: Agent[] = [];
	private readonly sessions: APIRequestContext[] = [];

	constructor(
		private readonly admin: AdminApi,
		private readonly newContext: NewContext,
		private readonly baseURL: string
	) {}

	/** A fresh agent with exactly these skills (普通话 unless told). */
	async create(skills: AgentSkills = {}): Promise<Agent> {
		const account = await this.admin.createStaff(['agent'], { skills: skillList(skills) });
		const session = await signIn(this.baseURL, account.username, account.password);
		this.sessions.push(session);
		const agent = new Agent(account, new AgentApi(session), this.newContext);
		this.made.push(agent);
		return agent;
	}

	/**
	 * Every agent of the test finishes its call and goes offline, its browsers close, and no
	 * agent at all is left available.
	 */
	async signOffAll() {
		const failures: unknown[] = [];
		for (const agent of this.made.splice(0)) {
			await agent.api.signOff().catch((e: unknown) => failures.push(e));
			for (const c of agent.contexts.splice(0)) await c.close();
		}
		const [anyone] = this.sessions;
		if (anyone && !failures.length) {
			// One console serves every spec: an agent left available could take a later test's call.
			const res = await anyone.get('/api/v1/agent/colleagues');
			const left = ((await res.json()) as { agents: { displayName: string }[] }).agents;
			if (left.length)
				failures.push(
					new Error(`agents still available after the test: ${left.map((a) => a.displayName)}`)
				);
		}
		for (const s of this.sessions.splice(0)) await s.dispose();
		if (failures.length) throw failures[0];
	}
}
