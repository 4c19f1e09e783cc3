import type { Skill } from '../../contracts/api';
import type { SkillGrant, SkillRemoval } from '../../contracts/skills-api';
import { audit } from '../audit/audit';
import { hashPassword } from '../auth/password';
import type { Ctx } from '../context';
import type { Role } from '../db/schema';
import { badRequest, conflict, notFound } from '../errors';
import * as q from './queries';

/** Checks skills against the catalogue and turns them into rows; throws 400 naming the bad one. */
function toRows(ctx: Ctx, skills: Skill[]): q.SkillRow[] {
	const langs = q.languageCodes(ctx.db);
	const matterIds = q.existingMatterIds(
		ctx.db,
		skills.flatMap((s) => (s.kind === 'matter' ? [s.matterId] : []))
	);
	const rows = skills.map((s, i): q.SkillRow => {
		if (s.kind === 'language') {
			if (!langs.has(s.code))
				throw badRequest(`skills[${i}]: unknown language "${s.code}"`, 'unknown_language');
			return { kind: s.kind, code: s.code, matterId: 0, level: s.level };
		}
		if (s.kind === 'matter') {
			if (!matterIds.has(s.matterId))
				throw badRequest(`skills[${i}]: unknown matter ${s.matterId}`, 'unknown_matter');
			return { kind: s.kind, code: '', matterId: s.matterId, level: s.level };
		}
		return { kind: s.kind, code: '', matterId: 0, level: s.level };
	});
	const seen = new Set<string>();
	for (const r of rows) {
		const key = `${r.kind}|${r.code}|${r.matterId}`;
		if (seen.has(key))
			throw badRequest(`skill listed twice: ${key.replaceAll('|', ' ').trim()}`, 'duplicate_skill');
		seen.add(key);
	}
	return rows;
}

/** Creates a staff account with roles and skills (admin only). */
export async function createAgent(
	ctx: Ctx,
	actorId: number,
	input: { username: string; password: string; displayName: string; roles: Role[]; skills: Skill[] }
): Promise<{ id: number }> {
	const rows = toRows(ctx, input.skills);
	if (q.usernameTaken(ctx.db, input.username)) {
		throw conflict('username_taken', `username "${input.username}" is already in use`);
	}
	const passwordHash = await hashPassword(input.password);
	const id = q.insertUserWithSkills(
		ctx.db,
		{
			username: input.username,
			passwordHash,
			displayName: input.displayName,
			roles: [...new Set(input.roles)]
		},
		rows
	);
	audit(ctx, { actorKind: 'user', actorId, action: 'agent.create', target: `user:${id}` });
	return { id };
}

/** Replaces an agent's skills; the routing engine reads them fresh for its next decision. */
export async function setSkills(
	ctx: Ctx,
	actorId: number,
	userId: number,
	skills: Skill[]
): Promise<void> {
	if (!q.userById(ctx.db, userId)) throw notFound(`agent ${userId} does not exist`);
	const rows = toRows(ctx, skills);
	q.replaceSkills(ctx.db, userId, rows);
	audit(ctx, {
		actorKind: 'user',
		actorId,
		action: 'agent.skills',
		target: `user:${userId}`,
		detail: { count: rows.length }
	});
	await ctx.redis.publish(`${ctx.prefix}:skills:changed`, String(userId));
}

/**
 * Gives skills to several seats and takes skills away at once: a department grant is every
 * matter of the department at that level; a skill a seat holds already takes the new level.
 * 400 naming the unknown seat, department, matter or language; nothing changes then.
 */
export function editSkills(
	ctx: Ctx,
	actorId: number,
	input: { agentIds: number[]; set: SkillGrant[]; remove: SkillRemoval[] }
): number[] {
	const agentIds = [...new Set(input.agentIds)];
	const known = q.existingUserIds(ctx.db, agentIds);
	const missing = agentIds.find((id) => !known.has(id));
	if (missing) throw badRequest(`agentIds: no account ${missing}`, 'unknown_agent');
	const deptMatters = (departmentId: number, where: string) => {
		const ids = q.matterIdsOfDepartment(ctx.db, departmentId);
		if (!ids.length)
			throw badRequest(`${where}: unknown department ${departmentId}`, 'unknown_department');
		return ids;
	};
	const skills: Skill[] = input.set.flatMap((g, i): Skill[] =>
		g.kind === 'department'
			? deptMatters(g.departmentId, `set[${i}]`).map((matterId) => ({
					kind: 'matter' as const,
					matterId,
					level: g.level
				}))
			: [g]
	);
	// a department and one of its matters in the same request: the single matter's level wins
	const byKey = new Map<string, Skill>();
	for (const sk of skills) {
		const key =
			sk.kind === 'matter' ? `m${sk.matterId}` : sk.kind === 'language' ? `l${sk.code}` : sk.kind;
		if (!byKey.has(key) || input.set.some((g) => g === sk)) byKey.set(key, sk);
	}
	const rows = toRows(ctx, [...byKey.values()]);
	const removals = input.remove.map((r, i) => ({
		kind: r.kind === 'department' ? ('matter' as const) : r.kind,
		code: r.kind === 'language' ? r.code : '',
		matterIds:
			r.kind === 'department'
				? deptMatters(r.departmentId, `remove[${i}]`)
				: r.kind === 'matter'
					? [r.matterId]
					: null
	}));
	q.editSkills(ctx.db, agentIds, rows, removals);
	for (const id of agentIds)
		audit(ctx, {
			actorKind: 'user',
			actorId,
			action: 'agent.skills',
			target: `user:${id}`,
			detail: {
				set: input.set.map((g) => ({ ...g })),
				remove: input.remove.map((r) => ({ ...r })),
				seats: agentIds.length
			}
		});
	return agentIds;
}

/** An account's skills; 404 when there is no such account (as when replacing them). */
export function agentSkills(ctx: Ctx, userId: number): q.SkillRow[] {
	if (!q.userById(ctx.db, userId)) throw notFound(`agent ${userId} does not exist`);
	return q.skillsOf(ctx.db, userId);
}

/** The agents for the supervisor wall: who they are (their skills are read apart, for seats). */
export function agentRoster(ctx: Ctx) {
	return q
		.agentAccounts(ctx.db)
		.map((u) => ({ id: u.id, displayName: u.displayName, username: u.username }));
}

export { listStaff, skillsOf } from './queries';
