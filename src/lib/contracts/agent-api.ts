import { z } from 'zod';
import { OfferSchema } from './call-context';
import { OutcomeCode } from './api';

/** Schemas of the agent console operations (notes, today's calls, interpreter, colleagues). */

export const NotesBody = z
	.object({ notes: z.string().max(4000, 'notes may be at most 4000 characters') })
	.meta({ id: 'NotesBody' });

export const NotesSaved = z
	.object({ callId: z.string(), savedAt: z.string() })
	.meta({ id: 'NotesSaved' });

export const TodayCall = z
	.object({
		callId: z.string(),
		status: z.string(),
		channel: z.enum(['booth', 'mobile']),
		matterName: z.string(),
		matterNameEn: z.string(),
		connectedAt: z.string().nullable(),
		durationSeconds: z.number().int().nullable(),
		outcome: OutcomeCode.nullable(),
		mailResults: z.boolean(),
		rating: z.number().int().min(1).max(5).nullable()
	})
	.meta({ id: 'TodayCall' });

export const TodayCalls = z.object({ calls: z.array(TodayCall) }).meta({ id: 'TodayCalls' });

export const DeskSnapshot = z
	.object({
		/** The event stream's resume point for this snapshot (send as Last-Event-ID). */
		eventsFrom: z.string(),
		state: z.string(),
		since: z.string().nullable(),
		reason: z.string().nullable(),
		/** The supervisor who set the current state, when it was not the agent or the system. */
		changedBy: z.object({ userId: z.number().int(), displayName: z.string() }).nullable(),
		handledToday: z.number().int(),
		averageRating: z.number().nullable(),
		ratedToday: z.number().int(),
		offer: OfferSchema.nullable(),
		liveCallId: z.string().nullable(),
		pendingWrapUps: z.array(z.string()),
		/** Duty supervisors in the live call the agent is told about (per MONITOR_NOTICE). */
		monitors: z.array(
			z.object({
				callId: z.string(),
				mode: z.enum(['monitor', 'whisper', 'barge']),
				supervisor: z.object({ userId: z.number().int(), displayName: z.string() })
			})
		)
	})
	.meta({ id: 'DeskSnapshot' });

export const InterpreterRequested = z
	.object({ callId: z.string(), status: z.literal('requested'), expiresAt: z.string() })
	.meta({ id: 'InterpreterRequested' });

const Named = { name: z.string(), nameEn: z.string() };
export const Colleagues = z
	.object({
		agents: z.array(
			z.object({
				agentId: z.number().int(),
				displayName: z.string(),
				/** Tells colleagues of the same display name apart. */
				username: z.string(),
				languages: z.array(z.object({ code: z.string(), ...Named })),
				departments: z.array(z.object({ id: z.number().int(), ...Named }))
			})
		)
	})
	.meta({ id: 'Colleagues' });

/** Break reasons an agent picks from (stored as the code; shown translated). */
export const BREAK_REASONS = ['meal', 'rest', 'training', 'meeting', 'backoffice'] as const;
