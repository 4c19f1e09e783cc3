import { z } from 'zod';

/**
 * What an agent sees of a call (offer card and call page): needs, origin and wait, masked ID
 * only. Built by the server's `callContext`, shared with the browser.
 */
export const CallContextSchema = z
	.object({
		channel: z.enum(['booth', 'mobile']),
		boothId: z.number().int().nullable(),
		boothName: z.string().nullable(),
		boothTown: z.string().nullable(),
		boothTownEn: z.string().nullable(),
		matterId: z.number().int(),
		matterName: z.string().nullable(),
		matterNameEn: z.string().nullable(),
		departmentId: z.number().int().nullable(),
		departmentName: z.string().nullable(),
		departmentNameEn: z.string().nullable(),
		guideUrl: z.string().nullable(),
		language: z.string(),
		signLanguage: z.boolean(),
		elderly: z.boolean(),
		priorityLane: z.enum(['none', 'green', 'urgent']),
		appointment: z.boolean(),
		appointmentSlot: z.string().nullable(),
		escalationStep: z.number().int(),
		callerIdMasked: z.string().nullable(),
		queuedAt: z.string()
	})
	.meta({ id: 'CallContext' });
export type CallContext = z.infer<typeof CallContextSchema>;

/** An offer's call: its context, and whether the agent is asked to serve it or to interpret. */
export const OfferContextSchema = CallContextSchema.extend({
	kind: z.enum(['call', 'interpreter'])
}).meta({ id: 'OfferContext' });
export type OfferContext = z.infer<typeof OfferContextSchema>;

/** An offer to the receiving agent (the event, the desk snapshot and GET /agent/offer). */
export const OfferSchema = z
	.object({
		offerId: z.string(),
		callId: z.string(),
		expiresAt: z.string(),
		call: OfferContextSchema
	})
	.meta({ id: 'OfferWithContext' });
export type Offer = z.infer<typeof OfferSchema>;
