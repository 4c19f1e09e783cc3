import type { Skill } from '../../contracts/api';
import type { SkillGrant, SkillRemoval } from '../../contracts/skills-api';
import { editSkills, setSkills, skillsOf } from '../agents/agents';
import type { Ctx } from '../context';
import { skillsChanged } from './seats';

/** What a skill edit does to calls: it reaches routing at once (see `skillsChanged`). */

/** Replaces one agent's skills and applies them to routing now. */
export async function replaceAgentSkills(
	ctx: Ctx,
	actorId: number,
	agentId: number,
	skills: Skill[]
) {
	await setSkills(ctx, actorId, agentId, skills);
	await skillsChanged(ctx, [agentId]);
	return { id: agentId, skills: skillsOf(ctx.db, agentId) };
}

/** Gives and takes skills of several agents at once and applies them to routing now. */
export async function editAgentSkills(
	ctx: Ctx,
	actorId: number,
	input: { agentIds: number[]; set: SkillGrant[]; remove: SkillRemoval[] }
) {
	const ids = editSkills(ctx, actorId, input);
	await skillsChanged(ctx, ids);
	return { agents: ids.map((id) => ({ id, skills: skillsOf(ctx.db, id) })) };
}
