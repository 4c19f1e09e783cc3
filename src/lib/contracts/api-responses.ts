import { z } from 'zod';
import { RoleSchema } from './api';

/** Response schemas of the admin, auth, schedule and video operations of /api/v1. */

const StaffUser = z.object({
	id: z.number().int(),
	username: z.string(),
	displayName: z.string(),
	roles: z.array(RoleSchema)
});

export const LoginResult = z
	.object({ user: StaffUser, home: z.string() })
	.meta({ id: 'LoginResult' });

/** A stored skill: `code` is set for languages, `matterId` for matters (0 otherwise). */
export const SkillRow = z
	.object({
		kind: z.enum(['language', 'matter', 'sign_language', 'elderly_guidance']),
		code: z.string(),
		matterId: z.number().int(),
		level: z.number().int().min(1).max(5)
	})
	.meta({ id: 'SkillRow' });

export const StaffList = z
	.object({
		agents: z.array(StaffUser.extend({ active: z.boolean(), skills: z.array(SkillRow) }))
	})
	.meta({ id: 'StaffList' });

export const AgentSkills = z
	.object({ id: z.number().int(), skills: z.array(SkillRow) })
	.meta({ id: 'AgentSkills' });

export const SupervisorScope = z
	.object({
		id: z.number().int(),
		departmentIds: z.array(z.number().int()),
		townIds: z.array(z.number().int())
	})
	.meta({ id: 'SupervisorScope' });

export const DepartmentSettings = z
	.object({ id: z.number().int(), answerSeconds: z.number().int().nullable() })
	.meta({ id: 'DepartmentSettings' });

export const BoothList = z
	.object({
		booths: z.array(
			z.object({
				id: z.number().int(),
				name: z.string(),
				town: z.string(),
				site: z.string(),
				state: z.enum(['idle', 'in_call', 'rating', 'out_of_hours', 'offline', 'disinfecting']),
				lastSeenAt: z.string().nullable(),
				active: z.boolean()
			})
		)
	})
	.meta({ id: 'BoothList' });

export const ScheduleException = z
	.object({
		date: z.string(),
		kind: z.enum(['holiday', 'workday', 'closed', 'extra']),
		note: z.string().nullable(),
		weekday: z.number().int().nullable().optional(),
		intervals: z
			.array(z.tuple([z.string(), z.string()]))
			.nullable()
			.optional(),
		version: z.number().int().optional()
	})
	.meta({ id: 'ScheduleException' });

export const ScheduleExceptions = z
	.object({ exceptions: z.array(ScheduleException) })
	.meta({ id: 'ScheduleExceptions' });

export const OfferDeclined = z
	.object({ offerId: z.string(), status: z.literal('declined') })
	.meta({ id: 'OfferDeclined' });

export const VideoToken = z
	.object({ url: z.string(), token: z.string(), expiresAt: z.string() })
	.meta({ id: 'VideoToken' });

export const WebhookResult = z.object({ applied: z.boolean() }).meta({ id: 'WebhookResult' });

export const InterpreterLeft = z
	.object({ callId: z.string(), status: z.literal('left') })
	.meta({ id: 'InterpreterLeft' });

/** The Server-Sent Events stream (`text/event-stream`). */
export const EventStream = z.string().meta({ id: 'EventStream' });

/** The OpenAPI document itself. */
export const OpenApiDoc = z
	.object({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) })
	.meta({ id: 'OpenApiDocument' });
