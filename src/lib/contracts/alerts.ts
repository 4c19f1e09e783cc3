import { z } from 'zod';

/** Schemas of the supervisors' alerts: raised by the server, acknowledged by a supervisor. */

export const ALERT_KINDS = ['wait', 'service_level', 'agent', 'booth', 'interpreter'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const ALERT_SEVERITIES = ['critical', 'warning'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

/**
 * The key of an alert: what it is about, stable while the condition lasts. `wait:dept:<id>`,
 * `sl:dept:<id>`, `agent:<id>:not_responding`, `booth:<id>:offline`, `interpreter:<callId>`.
 */
export const ALERT_KEY =
	/^(wait:dept:\d+|sl:dept:\d+|agent:\d+:not_responding|booth:\d+:offline|interpreter:[A-Za-z0-9-]{1,64})$/;

export const AlertKey = z.string().regex(ALERT_KEY, 'not an alert key');

/** Who acknowledged an alert, and when. */
export const AlertAck = z
	.object({
		by: z.object({ userId: z.number().int(), displayName: z.string() }),
		at: z.string()
	})
	.meta({ id: 'AlertAck' });

export const WallAlert = z
	.object({
		key: z.string(),
		/** This occurrence: an alert that clears and comes back later gets a new id. */
		id: z.string(),
		kind: z.enum(ALERT_KINDS),
		severity: z.enum(ALERT_SEVERITIES),
		/** What the alert is about, by name (never a caller's personal data). */
		subject: z.object({
			name: z.string(),
			nameEn: z.string(),
			departmentId: z.number().int().optional(),
			agentId: z.number().int().optional(),
			boothId: z.number().int().optional(),
			callId: z.string().optional(),
			town: z.string().optional(),
			matterName: z.string().optional(),
			matterNameEn: z.string().optional()
		}),
		/**
		 * When the condition began: the longest-waiting caller's arrival, the agent's break, the
		 * booth's last heartbeat, the first untaken interpreter request; for a service level, when
		 * it was first seen under target.
		 */
		since: z.string(),
		/** When the alert was raised. */
		openedAt: z.string(),
		/** The service level (0..1) when last checked; null for the other kinds. */
		value: z.number().nullable(),
		/** The threshold crossed: seconds, or the service level target (0..1). */
		threshold: z.number(),
		acknowledged: AlertAck.nullable()
	})
	.meta({ id: 'WallAlert' });

export type WallAlert = z.infer<typeof WallAlert>;
export type AlertAck = z.infer<typeof AlertAck>;

/** `POST /supervisor/alerts/{key}/ack`: the alert as it stands now, acknowledged. */
export const AlertAcknowledged = z
	.object({ alert: WallAlert, acknowledgedNow: z.boolean() })
	.meta({ id: 'AlertAcknowledged' });
