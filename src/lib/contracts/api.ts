import { z } from 'zod';

/** Request and response schemas of /api/v1: they validate input and generate the OpenAPI document. */

export const ErrorBody = z
	.object({
		error: z.object({ code: z.string(), message: z.string() })
	})
	.meta({ id: 'Error' });

export const LoginBody = z
	.object({
		username: z.string().trim().min(1, 'username is required').max(64),
		password: z.string().min(1, 'password is required').max(200)
	})
	.meta({ id: 'LoginBody' });

export const RoleSchema = z.enum(['agent', 'supervisor', 'scheduler', 'admin']);
const level = z.number().int().min(1).max(5);

export const SkillSchema = z
	.discriminatedUnion('kind', [
		z.object({ kind: z.literal('language'), code: z.string().min(1).max(16), level }),
		z.object({ kind: z.literal('matter'), matterId: z.number().int().positive(), level }),
		z.object({ kind: z.literal('sign_language'), level }),
		z.object({ kind: z.literal('elderly_guidance'), level })
	])
	.meta({ id: 'Skill' });
export type Skill = z.infer<typeof SkillSchema>;

export const CreateAgentBody = z
	.object({
		username: z
			.string()
			.trim()
			.regex(/^[a-z0-9._-]{3,32}$/i, 'username must be 3–32 letters, digits, ".", "_" or "-"'),
		password: z.string().min(8, 'password must be at least 8 characters').max(200),
		displayName: z.string().trim().min(1, 'displayName is required').max(64),
		roles: z.array(RoleSchema).min(1, 'at least one role is required'),
		skills: z.array(SkillSchema).max(500).default([])
	})
	.meta({ id: 'CreateAgentBody' });

export const ReplaceSkillsBody = z
	.object({ skills: z.array(SkillSchema).max(500) })
	.meta({ id: 'ReplaceSkillsBody' });

export const CreateBoothBody = z
	.object({
		name: z.string().trim().min(1, 'name is required').max(64),
		town: z.string().trim().min(1, 'town is required').max(32),
		site: z.string().trim().min(1, 'site is required').max(64)
	})
	.meta({ id: 'CreateBoothBody' });

export const IdResponse = z.object({ id: z.number().int() });
export const BoothCreated = z
	.object({ id: z.number().int(), token: z.string() })
	.meta({ id: 'BoothCreated' });

export const MatterQuery = z.object({
	q: z.string().trim().max(50).optional(),
	departmentId: z.coerce.number().int().positive().optional(),
	limit: z.coerce.number().int().min(1).max(100).default(20)
});

export const Matter = z
	.object({
		id: z.number().int(),
		code: z.string(),
		name: z.string(),
		nameEn: z.string(),
		departmentId: z.number().int(),
		departmentName: z.string(),
		departmentNameEn: z.string(),
		level: z.enum(['district', 'town']),
		weekendExtended: z.boolean()
	})
	.meta({ id: 'Matter' });

export const MatterList = z.object({ matters: z.array(Matter), total: z.number().int() });

export const Language = z
	.object({ code: z.string(), name: z.string(), nameEn: z.string(), signed: z.boolean() })
	.meta({ id: 'Language' });
export const LanguageList = z.object({ languages: z.array(Language) });

export const Health = z
	.object({
		status: z.enum(['ok', 'degraded', 'down']),
		checks: z.object({
			sqlite: z.object({ ok: z.boolean(), ms: z.number(), error: z.string().optional() }),
			redis: z.object({ ok: z.boolean(), ms: z.number(), error: z.string().optional() }),
			livekit: z.object({ ok: z.boolean(), ms: z.number(), error: z.string().optional() })
		})
	})
	.meta({ id: 'Health' });
