import * as f from './finder-api';
import { err, type Op } from './openapi-op';

/** The matter finder's operations beyond search: a booth's (or the district's) 常办事项. */
export const finderOperations: Op[] = [
	{
		method: 'get',
		path: '/matters/frequent',
		summary:
			"常办事项: the matters asked for most in the last 90 days — with a booth's device token, that booth's (or, with too few calls, its town's), else the district's; never more than three of one department",
		tag: 'catalogue',
		auth: 'public',
		query: f.FrequentQuery,
		responses: {
			200: { description: 'Most asked-for first', schema: f.FrequentMatters },
			400: err('Invalid limit', 'validation_failed')
		}
	}
];
