import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db';
import {
	agentSkills,
	booths,
	departments,
	languages,
	matters,
	settings,
	towns,
	users,
	type Role
} from '../db/schema';
import { hashPassword } from '../auth/password';
import { hashToken, newToken } from '../auth/tokens';
import { DEFAULT_HOURS } from '../schedule/hours';
import catalogue from './panyu-demo.json';
import { rng } from './generate';
import { demoMatters } from './catalogue';
import { seedDemoRosters, seedSchedules } from './schedule-seed';
import { seedDemoHistory } from './history';

/** The documented password of every demo account (never used when SKIP_DEMO_SEED is set). */
export const DEMO_PASSWORD = 'Demo#2026';

export interface DemoLogin {
	username: string;
	role: Role;
	displayName: string;
}

const SURNAMES = [
	'陈',
	'李',
	'黄',
	'张',
	'梁',
	'何',
	'吴',
	'林',
	'罗',
	'郭',
	'麦',
	'冯',
	'邓',
	'谢',
	'钟'
];
const GIVEN = [
	'嘉欣',
	'志强',
	'晓玲',
	'伟明',
	'少华',
	'美玲',
	'俊杰',
	'婉婷',
	'家豪',
	'淑仪',
	'子健',
	'雪梅',
	'国栋',
	'慧敏',
	'文杰'
];

/** Loads the reference catalogue: towns, departments, languages, matters (idempotent). */
export function seedCatalogue(db: Db): void {
	db.transaction((tx) => {
		const townsEn: Record<string, string> = catalogue.townsEn;
		tx.insert(towns)
			.values(catalogue.towns.map((name) => ({ name, nameEn: townsEn[name] ?? null })))
			// a town seeded before it had an English name gets it; one set by hand is kept
			.onConflictDoUpdate({
				target: towns.name,
				set: { nameEn: sql`excluded.name_en` },
				setWhere: sql`${towns.nameEn} is null`
			})
			.run();
		tx.insert(departments)
			.values(catalogue.departments.map((d) => ({ code: d.code, name: d.name, nameEn: d.en })))
			.onConflictDoNothing()
			.run();
		tx.insert(languages)
			.values(
				catalogue.languages.map((l, i) => ({
					code: l.code,
					name: l.name,
					nameEn: l.en,
					signed: l.code === 'csl',
					sortOrder: i
				}))
			)
			.onConflictDoNothing()
			.run();
		const deptIds = new Map(
			tx
				.select()
				.from(departments)
				.all()
				.map((d) => [d.code, d.id])
		);
		for (const chunk of chunks(demoMatters(), 200)) {
			tx.insert(matters)
				.values(
					chunk.map((m) => ({
						code: m.code,
						departmentId: deptIds.get(m.dept)!,
						name: m.name,
						nameEn: m.en,
						level: m.level,
						weekendExtended: m.weekend,
						popularity: m.popularity,
						materials: ['身份证 / ID card']
					}))
				)
				.onConflictDoNothing()
				.run();
		}
		// Default service hours; a scheduler's later changes are kept (never overwritten).
		tx.insert(settings)
			.values({ key: 'schedule.hours', value: DEFAULT_HOURS })
			.onConflictDoNothing()
			.run();
	});
	seedSchedules(db);
}

function chunks<T>(list: T[], size: number): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
	return out;
}

/** Creates the first admin if none exists; returns a generated password to print once, if any. */
export async function ensureAdmin(
	db: Db,
	password?: string
): Promise<{ created: boolean; generated?: string }> {
	const any = db
		.select({ id: users.id })
		.from(users)
		.where(sql`exists (select 1 from json_each(${users.roles}) where value = 'admin')`)
		.get();
	if (any) return { created: false };
	const generated = password ? undefined : newToken(12);
	db.insert(users)
		.values({
			username: 'admin',
			passwordHash: await hashPassword(password ?? generated!),
			displayName: '系统管理员',
			roles: ['admin']
		})
		.onConflictDoNothing()
		.run();
	return { created: true, generated };
}

/** Demo staff, booths and skills (idempotent: runs once per database). */
export async function seedDemo(
	db: Db,
	dataDir: string
): Promise<{ seeded: boolean; logins: DemoLogin[] }> {
	const logins = demoLogins();
	const done = db.select().from(settings).where(eq(settings.key, 'seed.demo')).get();
	if (done) return { seeded: false, logins };
	seedCatalogue(db);
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	const r = rng(7);
	const townRows = db.select().from(towns).all();
	const deptRows = db.select().from(departments).all();
	const matterRows = db
		.select({ id: matters.id, departmentId: matters.departmentId })
		.from(matters)
		.all();
	const boothTokens: { id: number; name: string; token: string }[] = [];
	db.transaction((tx) => {
		for (const l of logins) {
			const { id } = tx
				.insert(users)
				.values({ username: l.username, passwordHash, displayName: l.displayName, roles: [l.role] })
				.onConflictDoUpdate({ target: users.username, set: { displayName: l.displayName } })
				.returning({ id: users.id })
				.get();
			if (l.role !== 'agent') continue;
			const n = Number(l.username.slice(-2));
			const skills: {
				kind: 'language' | 'matter' | 'sign_language' | 'elderly_guidance';
				code?: string;
				matterId?: number;
				level: number;
			}[] = [{ kind: 'language', code: 'zh', level: 5 }];
			if (n % 5 !== 0) skills.push({ kind: 'language', code: 'yue', level: n % 3 === 0 ? 3 : 5 });
			if ([3, 11, 19].includes(n)) skills.push({ kind: 'language', code: 'en', level: 4 });
			if (n === 7) skills.push({ kind: 'language', code: 'ja', level: 4 });
			if (n === 13) skills.push({ kind: 'language', code: 'ko', level: 4 });
			if ([5, 17, 25].includes(n)) skills.push({ kind: 'sign_language', level: 4 });
			if ([2, 9, 14, 22, 28].includes(n)) skills.push({ kind: 'elderly_guidance', level: 5 });
			const depts = [deptRows[(n - 1) % deptRows.length]!, deptRows[(n * 5) % deptRows.length]!];
			for (const d of new Set(depts)) {
				for (const m of matterRows.filter((m) => m.departmentId === d.id)) {
					skills.push({ kind: 'matter', matterId: m.id, level: 2 + Math.floor(r() * 4) });
				}
			}
			tx.insert(agentSkills)
				.values(
					skills.map((s) => ({
						userId: id,
						kind: s.kind,
						code: s.code ?? '',
						matterId: s.matterId ?? 0,
						level: s.level
					}))
				)
				.onConflictDoNothing()
				.run();
		}
		for (let i = 0; i < 40; i++) {
			const town = townRows[i % townRows.length]!;
			const site = catalogue.boothSites[(i * 3) % catalogue.boothSites.length]!;
			const token = newToken(32);
			const name = `${town.name}${site}晓屋${i >= townRows.length ? Math.floor(i / townRows.length) + 1 : ''}`;
			const { id } = tx
				.insert(booths)
				.values({ name, townId: town.id, site, tokenHash: hashToken(token) })
				.returning({ id: booths.id })
				.get();
			boothTokens.push({ id, name, token });
		}
		// the same connection: the history and the rosters join this transaction
		seedDemoHistory(db, Date.now(), r);
		seedDemoRosters(db);
		tx.insert(settings)
			.values({ key: 'seed.demo', value: { at: new Date().toISOString() } })
			.run();
	});
	// The first booth's token is kept (in the data dir, never the repo) so the demo can open a kiosk.
	fs.mkdirSync(dataDir, { recursive: true });
	fs.writeFileSync(path.join(dataDir, 'demo-booth.json'), JSON.stringify(boothTokens[0]), {
		mode: 0o600
	});
	return { seeded: true, logins };
}

/** The demo accounts: 30 agents, 2 supervisors, 1 scheduler, 1 admin. */
export function demoLogins(): DemoLogin[] {
	const agents = Array.from({ length: 30 }, (_, i): DemoLogin => ({
		username: `agent${String(i + 1).padStart(2, '0')}`,
		role: 'agent',
		displayName: `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}`
	}));
	return [
		...agents,
		{ username: 'super01', role: 'supervisor', displayName: '值班长 何慧敏' },
		{ username: 'super02', role: 'supervisor', displayName: '值班长 梁国栋' },
		{ username: 'sched01', role: 'scheduler', displayName: '排班员 陈雪梅' },
		{ username: 'demoadmin', role: 'admin', displayName: '演示管理员' }
	];
}
