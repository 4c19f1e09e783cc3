import { z } from 'zod';

/** `GET /schedule/preview` query: a matter, an instant (ISO 8601 with offset), optionally a booth. */
export const PreviewQuery = z
	.object({
		matterId: z.coerce.number().int().positive(),
		at: z.iso.datetime({ offset: true }),
		boothId: z.coerce.number().int().positive().optional()
	})
	.meta({ id: 'SchedulePreviewQuery' });

/** What a caller would see at that instant. */
export const Preview = z
	.object({
		open: z.boolean(),
		opensAt: z.string().nullable(),
		session: z.object({ id: z.number().int(), name: z.string(), nameEn: z.string() }).nullable(),
		rosteredAgentIds: z.array(z.number().int()),
		bookingOffered: z.boolean()
	})
	.meta({ id: 'SchedulePreview' });
