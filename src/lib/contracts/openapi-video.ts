import type { Op } from './openapi';
import { ErrorBody } from './api';

const err = (description: string) => ({ description, schema: ErrorBody });

/** The video operations of /api/v1 (LiveKit tokens and webhooks). */
export const videoOperations: Op[] = [
	{
		method: 'get',
		path: '/calls/{id}/video',
		summary: 'A fresh short-lived LiveKit token for a participant of a live call',
		tag: 'video',
		auth: 'caller',
		responses: {
			200: { description: '{url, token, expiresAt}' },
			403: err('Not a participant of this call'),
			409: err('The call has no video now (not_connected)')
		}
	},
	{
		method: 'post',
		path: '/livekit/webhook',
		summary: 'LiveKit webhook receiver (signed with the API secret; replays are ignored)',
		tag: 'video',
		auth: 'public',
		responses: { 200: { description: '{applied}' }, 401: err('Missing or bad signature') }
	}
];
