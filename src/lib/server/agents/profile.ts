import { eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../context';
import { departments, languages, matters } from '../db/schema';
import { skillsOf } from './queries';

/** An agent's skills summarised for display: languages, special seats, matters by department. */
export function agentProfile(ctx: Ctx, userId: number) {
	const skills = skillsOf(ctx.db, userId);
	const langNames = new Map(
		ctx.db
			.select()
			.from(languages)
			.all()
			.map((l) => [l.code, l])
	);
	const matterIds = skills.filter((s) => s.kind === 'matter').map((s) => s.matterId);
	const byDept = matterIds.length
		? ctx.db
				.select({
					id: departments.id,
					name: departments.name,
					nameEn: departments.nameEn,
					matterId: matters.id
				})
				.from(matters)
				.innerJoin(departments, eq(departments.id, matters.departmentId))
				.where(inArray(matters.id, matterIds))
				.all()
		: [];
	const depts = new Map<number, { name: string; nameEn: string; count: number }>();
	for (const r of byDept) {
		const d = depts.get(r.id) ?? { name: r.name, nameEn: r.nameEn, count: 0 };
		d.count++;
		depts.set(r.id, d);
	}
	return {
		languages: skills
			.filter((s) => s.kind === 'language')
			.map((s) => ({
				code: s.code,
				name: langNames.get(s.code)?.name ?? s.code,
				nameEn: langNames.get(s.code)?.nameEn ?? s.code,
				level: s.level
			})),
		signLanguage: skills.find((s) => s.kind === 'sign_language')?.level ?? null,
		elderlyGuidance: skills.find((s) => s.kind === 'elderly_guidance')?.level ?? null,
		departments: [...depts.values()]
	};
}
