import { err, type Op } from './openapi-op';
import { Preview, PreviewQuery } from './schedule-api';

/** Scheduler operations of /api/v1 beyond the weekly hours and exceptions. */
export const scheduleOperations: Op[] = [
	{
		method: 'get',
		path: '/schedule/preview',
		summary:
			'What a caller would see at an instant for a matter (at a booth, whose town may have its own schedule): open or closed, the next opening, the extended session serving it and the seats rostered for it, and whether a booking is offered',
		tag: 'schedule',
		auth: 'staff',
		query: PreviewQuery,
		responses: {
			200: { description: 'The preview', schema: Preview },
			400: err(
				'Invalid query, unknown matter or booth',
				'validation_failed',
				'unknown_matter',
				'unknown_booth'
			),
			401: err('Login required', 'unauthorized'),
			403: err('Not a scheduler, supervisor or admin', 'forbidden')
		}
	}
];
