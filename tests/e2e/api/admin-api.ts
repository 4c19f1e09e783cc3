import { expect, type APIRequestContext } from '@playwright/test';
import type { Matter } from './catalogue';
import { uniqueSuffix } from './session';

export type Role = 'agent' | 'supervisor' | 'scheduler' | 'admin';

export type Skill =
	| { kind: 'language'; code: string; level: number }
	| { kind: 'matter'; matterId: number; level: number }
	| { kind: 'sign_language'; level: number }
	| { kind: 'elderly_guidance'; level: number };

/** A staff account made for one test (or one worker): its login and its name on screen. */
export interface StaffAccount {
	id: number;
	username: string;
	password: string;
	displayName: string;
	roles: Role[];
}

/** What an agent made for a test can do: the matters it serves and its languages. */
export interface AgentSkills {
	matters?: Matter[];
	/** Spoken languages (default: 普通话 only). */
	languages?: string[];
	signLanguage?: boolean;
	elderlyGuidance?: boolean;
}

/** The skills list the admin API takes for `AgentSkills` (highest level: any matter's minimum). */
export function skillList(s: AgentSkills): Skill[] {
	return [
		...(s.languages ?? ['zh']).map((code): Skill => ({ kind: 'language', code, level: 5 })),
		...(s.matters ?? []).map((m): Skill => ({ kind: 'matter', matterId: m.id, level: 5 })),
		...(s.signLanguage ? [{ kind: 'sign_language', level: 5 } as const] : []),
		...(s.elderlyGuidance ? [{ kind: 'elderly_guidance', level: 5 } as const] : [])
	];
}

/** The admin API, signed in as the console's first `admin`. */
export class AdminApi {
	constructor(readonly api: APIRequestContext) {}

	/** Creates a staff account with a unique username and password. */
	async createStaff(
		roles: Role[],
		opts: { skills?: Skill[]; displayName?: string } = {}
	): Promise<StaffAccount> {
		const suffix = uniqueSuffix();
		const account = {
			username: `e2e-${roles[0]}-${suffix}`,
			password: `pw-${suffix}-${uniqueSuffix()}`,
			displayName: opts.displayName ?? `测试${suffix.slice(0, 6)}`,
			roles
		};
		const res = await this.api.post('/api/v1/admin/agents', {
			data: { ...account, skills: opts.skills ?? [] }
		});
		expect(res.status(), await res.text()).toBe(201);
		return { id: ((await res.json()) as { id: number }).id, ...account };
	}

	/** Registers a booth; its device token is returned this once. */
	async createBooth(
		opts: { name?: string; town?: string; site?: string } = {}
	): Promise<{ id: number; name: string; token: string }> {
		const name = opts.name ?? `测试晓屋${uniqueSuffix().slice(0, 6)}`;
		const res = await this.api.post('/api/v1/admin/booths', {
			data: { name, town: opts.town ?? '南村镇', site: opts.site ?? '农贸市场' }
		});
		expect(res.status(), await res.text()).toBe(201);
		const body = (await res.json()) as { id: number; token: string };
		return { ...body, name };
	}
}
