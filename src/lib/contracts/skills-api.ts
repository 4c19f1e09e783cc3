import { z } from 'zod';
import { SkillSchema } from './api';

/** Bulk skill editing of several seats at once (admin). */

const level = z.number().int().min(1).max(5);

/** A skill to give: any single skill, or every matter of a department at one level. */
export const SkillGrant = z
	.union([
		SkillSchema,
		z.object({
			kind: z.literal('department'),
			departmentId: z.number().int().positive(),
			level
		})
	])
	.meta({ id: 'SkillGrant' });
export type SkillGrant = z.infer<typeof SkillGrant>;

/** A skill to take away: a matter, every matter of a department, a language, sign or elderly guidance. */
export const SkillRemoval = z
	.discriminatedUnion('kind', [
		z.object({ kind: z.literal('matter'), matterId: z.number().int().positive() }),
		z.object({ kind: z.literal('department'), departmentId: z.number().int().positive() }),
		z.object({ kind: z.literal('language'), code: z.string().min(1).max(16) }),
		z.object({ kind: z.literal('sign_language') }),
		z.object({ kind: z.literal('elderly_guidance') })
	])
	.meta({ id: 'SkillRemoval' });
export type SkillRemoval = z.infer<typeof SkillRemoval>;

export const BulkSkillsBody = z
	.object({
		agentIds: z
			.array(z.number().int().positive())
			.min(1, 'pick at least one seat')
			.max(200, 'at most 200 seats at once'),
		set: z.array(SkillGrant).max(100).default([]),
		remove: z.array(SkillRemoval).max(100).default([])
	})
	.refine((b) => b.set.length + b.remove.length > 0, {
		message: 'nothing to change: give set or remove'
	})
	.meta({ id: 'BulkSkillsBody' });

const SkillRowSchema = z.object({
	kind: z.enum(['language', 'matter', 'sign_language', 'elderly_guidance']),
	code: z.string(),
	matterId: z.number().int(),
	level: z.number().int()
});

export const BulkSkillsResult = z
	.object({
		agents: z.array(z.object({ id: z.number().int(), skills: z.array(SkillRowSchema) }))
	})
	.meta({ id: 'BulkSkillsResult' });
