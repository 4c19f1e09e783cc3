import { z } from 'zod';
import { queryInt } from './params';

/** Schemas of the matter finder's operations beyond search (a booth's 常办事项). */

export const FrequentQuery = z.object({ limit: queryInt(1, 24).default(8) });

export const FrequentMatter = z
	.object({
		id: z.number().int(),
		name: z.string(),
		nameEn: z.string(),
		departmentId: z.number().int(),
		departmentName: z.string(),
		departmentNameEn: z.string(),
		materials: z.array(z.string())
	})
	.meta({ id: 'FrequentMatter' });

export const FrequentMatters = z.object({
	/** whose calls they come from: this booth's, its town's booths', or the whole district's */
	basis: z.enum(['booth', 'town', 'district']),
	matters: z.array(FrequentMatter)
});
