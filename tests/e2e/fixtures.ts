/**
 * The e2e tier's `test`: every spec imports `test` and `expect` from here.
 *
 * - Staff roles sign in once per worker over the API (the login form itself is tested in
 *   auth.spec.ts) and browsers reuse the saved storage state: `adminPage`, `supervisorPage`,
 *   `schedulerPage`, `adminApi`, `schedulerApi`.
 * - Data a test needs is made for it through the admin API, never taken from the demo seed:
 *   `agents.create({ matters, languages, signLanguage })`, `agent`/`desk`/`agentPage` (an agent
 *   serving `matter`, chosen per file with `test.use({ matterName })`), `booth` (a registered
 *   kiosk), `callers` (phone callers through the API). Matters are looked up by name.
 * - One server serves every spec, so each test cleans up after itself: callers leave, booths
 *   and phones drop their call, agents finish their call and go offline.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
	test as base,
	type APIRequest,
	type APIRequestContext,
	type Page,
	type PlaywrightWorkerArgs,
	type WorkerFixture
} from '@playwright/test';
import { AdminApi } from './api/admin-api';
import { Agents, type Agent } from './api/agents';
import { Callers } from './api/caller-api';
import { Catalogue, type Matter } from './api/catalogue';
import { CONSOLE_ADMIN, signIn } from './api/session';
import { Booth } from './pages/booth';
import type { Desk } from './pages/desk';
import { Mobile } from './pages/mobile';

export { expect } from '@playwright/test';
export { currentCallId } from './api/caller-api';
export { CONSOLE_ADMIN, DEMO_PASSWORD } from './api/session';
export { loginAs } from './pages/login-page';

/** Signed-in browser state of one role for this worker (a file under playwright/.auth/). */
interface RoleSession {
	/** The account (its display name when the admin made it for the test run). */
	account: { username: string; password: string; displayName?: string };
	storageState: string;
}

interface WorkerFixtures {
	/** The admin API as the console's first `admin` (CONSOLE_ADMIN_PASSWORD). */
	adminApi: AdminApi;
	adminSession: RoleSession;
	supervisorSession: RoleSession;
	schedulerSession: RoleSession;
	/** The schedule API as this worker's scheduler. */
	schedulerApi: APIRequestContext;
}

interface TestFixtures {
	/** The matter the file's calls are about (set with `test.use({ matterName })`). */
	matterName: string;
	matter: Matter;
	catalogue: Catalogue;
	/** Fresh agents made through the admin API; all signed off at the end of the test. */
	agents: Agents;
	/** A fresh agent serving `matter` in 普通话. */
	agent: Agent;
	/** That agent's desk, open in its own browser. */
	desk: Desk;
	agentPage: Page;
	adminPage: Page;
	supervisorPage: Page;
	schedulerPage: Page;
	/** Callers on the phone, through the API; they leave at the end of the test. */
	callers: Callers;
	/** A booth registered for this test, its kiosk in `page`. */
	booth: Booth;
	/** The phone page in `page`. */
	mobile: Mobile;
}

const AUTH_DIR = path.resolve('playwright/.auth');

function baseURLOf(use: { baseURL?: string }): string {
	if (!use.baseURL) throw new Error('baseURL is not configured');
	return use.baseURL;
}

/** Signs in over the API once and keeps the cookies as a storage state file for browsers. */
async function saveSession(
	request: APIRequest,
	baseURL: string,
	account: { username: string; password: string },
	file: string
): Promise<string> {
	fs.mkdirSync(AUTH_DIR, { recursive: true });
	const api = await signIn(baseURL, account.username, account.password, request);
	const storageState = path.join(AUTH_DIR, file);
	await api.storageState({ path: storageState });
	await api.dispose();
	return storageState;
}

/** A worker's account of `role`, made by the admin and signed in once. */
function roleSession(
	role: 'supervisor' | 'scheduler'
): [WorkerFixture<RoleSession, WorkerFixtures & PlaywrightWorkerArgs>, { scope: 'worker' }] {
	return [
		async ({ adminApi, playwright }, use, info) => {
			const account = await adminApi.createStaff([role]);
			const file = `${role}-${info.workerIndex}.json`;
			const baseURL = baseURLOf(info.project.use);
			await use({
				account,
				storageState: await saveSession(playwright.request, baseURL, account, file)
			});
		},
		{ scope: 'worker' }
	];
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
	adminSession: [
		async ({ playwright }, use, info) => {
			const storageState = await saveSession(
				playwright.request,
				baseURLOf(info.project.use),
				CONSOLE_ADMIN,
				`admin-${info.workerIndex}.json`
			);
			await use({ account: CONSOLE_ADMIN, storageState });
		},
		{ scope: 'worker' }
	],
	adminApi: [
		async ({ adminSession, playwright }, use, info) => {
			const api = await playwright.request.newContext({
				baseURL: baseURLOf(info.project.use),
				storageState: adminSession.storageState
			});
			await use(new AdminApi(api));
			await api.dispose();
		},
		{ scope: 'worker' }
	],
	supervisorSession: roleSession('supervisor'),
	schedulerSession: roleSession('scheduler'),
	schedulerApi: [
		async ({ schedulerSession, playwright }, use, info) => {
			const api = await playwright.request.newContext({
				baseURL: baseURLOf(info.project.use),
				storageState: schedulerSession.storageState
			});
			await use(api);
			await api.dispose();
		},
		{ scope: 'worker' }
	],

	matterName: ['企业职工基本养老金申领', { option: true }],
	catalogue: async ({ request }, use) => use(new Catalogue(request)),
	matter: async ({ catalogue, matterName }, use) => use(await catalogue.matter(matterName)),
	agents: async ({ adminApi, browser, baseURL, locale }, use) => {
		// Staff desks open in a desktop browser of their own, whatever the test's `page` emulates.
		const agents = new Agents(adminApi, (o) => browser.newContext({ locale, ...o }), baseURL!);
		await use(agents);
		await agents.signOffAll();
	},
	agent: async ({ agents, matter }, use) => use(await agents.create({ matters: [matter] })),
	desk: async ({ agent }, use) => use(await agent.openDesk()),
	agentPage: async ({ desk }, use) => use(desk.page),
	adminPage: async ({ browser, locale, adminSession }, use) => {
		const context = await browser.newContext({ locale, storageState: adminSession.storageState });
		await use(await context.newPage());
		await context.close();
	},
	supervisorPage: async ({ browser, locale, supervisorSession }, use) => {
		const context = await browser.newContext({
			locale,
			storageState: supervisorSession.storageState
		});
		await use(await context.newPage());
		await context.close();
	},
	schedulerPage: async ({ browser, locale, schedulerSession }, use) => {
		const context = await browser.newContext({
			locale,
			storageState: schedulerSession.storageState
		});
		await use(await context.newPage());
		await context.close();
	},
	// Set up after `agents`, so torn down first: callers leave before their agents sign off.
	callers: async ({ request, agents }, use) => {
		void agents;
		const callers = new Callers(request);
		await use(callers);
		await callers.leaveAll();
	},
	booth: async ({ page, adminApi, agents }, use) => {
		void agents;
		const booth = new Booth(page, (await adminApi.createBooth()).token);
		await use(booth);
		await booth.leaveAnyCall();
	},
	mobile: async ({ page, agents }, use) => {
		void agents;
		const mobile = new Mobile(page);
		await use(mobile);
		await mobile.leaveAnyCall();
	}
});
