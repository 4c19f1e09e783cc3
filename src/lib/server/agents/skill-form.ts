import type { Skill } from '../../contracts/api';
import type { SkillGrant, SkillRemoval } from '../../contracts/skills-api';

/**
 * Reads the admin pages' skill fields (`lang.<code>`, `sign`, `elderly`, `departmentId`,
 * `matterId`…, `matterLevel`, `removeMatters`): a level 1–5 gives the skill, "remove" takes it.
 */
export function skillsFromForm(f: FormData): { set: SkillGrant[]; remove: SkillRemoval[] } {
	const set: SkillGrant[] = [];
	const remove: SkillRemoval[] = [];
	const level = (v: FormDataEntryValue | null) => {
		const n = Number(v);
		return Number.isInteger(n) && n >= 1 && n <= 5 ? n : null;
	};
	for (const [key, value] of f.entries()) {
		if (!key.startsWith('lang.')) continue;
		const code = key.slice(5);
		if (value === 'remove') remove.push({ kind: 'language', code });
		else if (level(value)) set.push({ kind: 'language', code, level: level(value)! });
	}
	for (const [name, kind] of [
		['sign', 'sign_language'],
		['elderly', 'elderly_guidance']
	] as const) {
		const v = f.get(name);
		if (v === 'remove') remove.push({ kind });
		else if (level(v)) set.push({ kind, level: level(v)! });
	}
	const matterLevel = level(f.get('matterLevel')) ?? 3;
	const dropMatters = !!f.get('removeMatters');
	const departmentId = Number(f.get('departmentId'));
	if (Number.isInteger(departmentId) && departmentId > 0) {
		if (dropMatters) remove.push({ kind: 'department', departmentId });
		else set.push({ kind: 'department', departmentId, level: matterLevel });
	}
	for (const raw of f.getAll('matterId')) {
		const matterId = Number(raw);
		if (!Number.isInteger(matterId) || matterId <= 0) continue;
		if (dropMatters) remove.push({ kind: 'matter', matterId });
		else set.push({ kind: 'matter', matterId, level: matterLevel });
	}
	return { set, remove };
}

/** The same fields as skills of a new account (a department: resolved by the caller). */
export function isPlainSkill(g: SkillGrant): g is Skill {
	return g.kind !== 'department';
}
