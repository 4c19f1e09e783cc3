import { VideoToken, WebhookResult } from './api-responses';
import { err, type Op } from './openapi-op';

/** The video operations of /api/v1 (LiveKit tokens and webhooks). */
export const videoOperations: Op[] = [
	{
		method: 'get',
		path: '/calls/{id}/video',
		summary: 'A fresh short-lived LiveKit token for a participant of a live call',
		tag: 'video',
		auth: 'caller',
		responses: {
			200: { description: 'A join token', schema: VideoToken },
			401: err('Caller token required', 'unauthorized'),
			403: err('Not a participant of this call', 'forbidden'),
			404: err('No such call', 'not_found'),
			409: err('The call has no video now', 'not_connected')
		}
	},
	{
		method: 'post',
		path: '/livekit/webhook',
		summary: 'LiveKit webhook receiver (signed with the API secret; replays are ignored)',
		tag: 'video',
		auth: 'public',
		responses: {
			200: { description: 'Verified; whether it changed anything', schema: WebhookResult },
			400: err('The body is not valid UTF-8 text', 'invalid_utf8', 'invalid_json'),
			401: err('Missing or bad signature', 'unauthorized')
		}
	}
];
