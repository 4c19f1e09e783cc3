import type { AlertAck, WallAlert } from '../../contracts/alerts';
import { NOT_RESPONDING } from '../agents/events';

/**
 * The supervisors' alerts as pure rules: which conditions hold now (`deriveAlerts`), how they
 * become occurrences that last until the condition clears (`reconcile`), and how the wall lists
 * them with their acknowledgements (`present`). No I/O: alerts.ts reads the inputs and stores
 * the occurrences.
 */

/** What the rules look at, read once per check (see alerts.ts). */
export interface AlertInputs {
	/** Every department with its longest-waiting caller's arrival and today's service level. */
	departments: {
		id: number;
		name: string;
		nameEn: string;
		oldestQueuedAt: string | null;
		serviceLevel: number | null;
		/** Calls counting towards the service level (answered + abandoned after the short threshold). */
		counted: number;
	}[];
	agents: {
		id: number;
		displayName: string;
		state: string;
		reason: string | null;
		since: string | null;
	}[];
	booths: {
		id: number;
		name: string;
		town: string;
		state: string;
		active: boolean;
		lastSeenAt: string | null;
	}[];
	/** Whether callers are being served now (booths are expected on line only then). */
	serviceOpen: boolean;
	/** Connected calls without an interpreter whose agent asked for one, and when first. */
	interpreterAsks: {
		callId: string;
		agentId: number | null;
		agentName: string;
		matterName: string;
		matterNameEn: string;
		askedAt: string;
	}[];
}

export interface AlertSettings {
	waitSeconds: number;
	/** Target, 0..1. */
	serviceLevel: number;
	serviceLevelMinCalls: number;
	interpreterSeconds: number;
}

/** One condition that holds now; `since` null: it began when first seen. */
export type Condition = Omit<WallAlert, 'id' | 'openedAt' | 'acknowledged' | 'since'> & {
	since: string | null;
};

/** An occurrence of an alert, from when it was first seen until its condition clears. */
export type Occurrence = Omit<WallAlert, 'acknowledged'>;

const seconds = (from: string, now: number) => (now - Date.parse(from)) / 1000;

/**
 * A service level alert that is open clears only once the level is this much above the target
 * (two percentage points): a level hovering at the target would otherwise open a new alert, with
 * its sound, every time one call tips it under.
 */
export const SERVICE_LEVEL_CLEAR_MARGIN = 0.02;

/**
 * The conditions that hold at `now`, one per key. `open`: the keys of the alerts open now, for the
 * conditions that clear at another level than they open at.
 */
export function deriveAlerts(
	inp: AlertInputs,
	s: AlertSettings,
	now: number,
	open: ReadonlySet<string> = new Set()
): Condition[] {
	const out: Condition[] = [];
	for (const d of inp.departments) {
		const subject = { name: d.name, nameEn: d.nameEn, departmentId: d.id };
		if (d.oldestQueuedAt && seconds(d.oldestQueuedAt, now) >= s.waitSeconds)
			out.push({
				key: `wait:dept:${d.id}`,
				kind: 'wait',
				severity: 'critical',
				subject,
				since: d.oldestQueuedAt,
				value: null,
				threshold: s.waitSeconds
			});
		const slKey = `sl:dept:${d.id}`;
		// (rounded: 0.8 + 0.02 is 0.8200000000000001 in floating point)
		const slUnder = open.has(slKey)
			? Math.round((s.serviceLevel + SERVICE_LEVEL_CLEAR_MARGIN) * 1e6) / 1e6
			: s.serviceLevel;
		if (d.serviceLevel !== null && d.counted >= s.serviceLevelMinCalls && d.serviceLevel < slUnder)
			out.push({
				key: slKey,
				kind: 'service_level',
				severity: 'warning',
				subject,
				since: null,
				value: d.serviceLevel,
				threshold: s.serviceLevel
			});
	}
	for (const a of inp.agents)
		if (a.state === 'break' && a.reason === NOT_RESPONDING)
			out.push({
				key: `agent:${a.id}:not_responding`,
				kind: 'agent',
				severity: 'warning',
				subject: { name: a.displayName, nameEn: a.displayName, agentId: a.id },
				since: a.since,
				value: null,
				threshold: 0
			});
	if (inp.serviceOpen)
		for (const b of inp.booths)
			// a booth never heard from is not installed yet: nothing is expected of it
			if (b.active && b.state === 'offline' && b.lastSeenAt)
				out.push({
					key: `booth:${b.id}:offline`,
					kind: 'booth',
					severity: 'warning',
					subject: { name: b.name, nameEn: b.name, boothId: b.id, town: b.town },
					since: b.lastSeenAt,
					value: null,
					threshold: 0
				});
	for (const c of inp.interpreterAsks)
		if (seconds(c.askedAt, now) >= s.interpreterSeconds)
			out.push({
				key: `interpreter:${c.callId}`,
				kind: 'interpreter',
				severity: 'critical',
				subject: {
					name: c.agentName,
					nameEn: c.agentName,
					callId: c.callId,
					...(c.agentId !== null ? { agentId: c.agentId } : {}),
					matterName: c.matterName,
					matterNameEn: c.matterNameEn
				},
				since: c.askedAt,
				value: null,
				threshold: s.interpreterSeconds
			});
	return out;
}

/** What the occurrence shows, without its identity: a change here is worth telling the walls. */
const shown = (o: Omit<Occurrence, 'id' | 'openedAt'>) =>
	JSON.stringify([o.severity, o.subject, o.since, o.value, o.threshold]);

/**
 * Compares the stored occurrences with the conditions holding now: a condition with no
 * occurrence opens a new one (so an alert that cleared and came back is a new alert, with a new
 * id), an occurrence whose condition no longer holds is cleared, and one whose details moved
 * (another caller is now the longest waiting, the service level changed) is changed in place.
 */
export function reconcile(
	stored: ReadonlyMap<string, Occurrence>,
	current: Condition[],
	now: number
): { opened: Occurrence[]; changed: Occurrence[]; cleared: Occurrence[] } {
	const opened: Occurrence[] = [];
	const changed: Occurrence[] = [];
	const holding = new Set<string>();
	const at = new Date(now).toISOString();
	for (const c of current) {
		holding.add(c.key);
		const was = stored.get(c.key);
		if (!was) {
			opened.push({ ...c, id: `${c.key}@${now}`, openedAt: at, since: c.since ?? at });
			continue;
		}
		const next = { ...c, id: was.id, openedAt: was.openedAt, since: c.since ?? was.since };
		if (shown(next) !== shown(was)) changed.push(next);
	}
	const cleared = [...stored.values()].filter((o) => !holding.has(o.key));
	return { opened, changed, cleared };
}

const RANK = { critical: 0, warning: 1 } as const;

/**
 * The wall's list: each occurrence with its acknowledgement (an acknowledgement belongs to one
 * occurrence), unacknowledged first, then critical first, then newest first.
 */
export function present(
	occurrences: Iterable<Occurrence>,
	acks: ReadonlyMap<string, AlertAck & { id: string }>
): WallAlert[] {
	return [...occurrences]
		.map((o): WallAlert => {
			const ack = acks.get(o.key);
			return { ...o, acknowledged: ack && ack.id === o.id ? { by: ack.by, at: ack.at } : null };
		})
		.sort(
			(a, b) =>
				Number(!!a.acknowledged) - Number(!!b.acknowledged) ||
				RANK[a.severity] - RANK[b.severity] ||
				b.openedAt.localeCompare(a.openedAt) ||
				a.key.localeCompare(b.key)
		);
}
