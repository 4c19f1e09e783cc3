import type { WallQueue, WallSnapshot } from '../../contracts/supervisor-api';
import { agentRoster } from '../agents/agents';
import { allSkillFields } from '../agents/queries';
import { listBooths } from '../booths/booths';
import { factsOf } from '../calls/facts';
import { listDepartments, listLanguages } from '../catalog/queries';
import { monitorsOf } from '../calls/monitor';
import type { Ctx } from '../context';
import { figures } from '../metrics/metrics';
import * as live from '../routing/live';
import { requirementOf } from '../routing/policy';
import { laneOf, satisfies, type Lane, type SkillFields } from '../routing/rules';
import * as q from './queries';
import { REASON_TEXT, waitReasonOf } from './reasons';
import { readToday, type Today } from './today';

/** How many of the oldest waiting calls the wall lists (the total is always counted). */
export const WAITING_LIMIT = 200;

const LANE_NAMES: Record<Lane, [string, string]> = {
	urgent: ['急事急办', 'Urgent'],
	green: ['绿色通道', 'Green channel'],
	elderly: ['长者优先', 'Elderly first'],
	appointment: ['预约', 'Appointment'],
	normal: ['普通', 'Normal']
};

interface Seat {
	id: number;
	state: string;
	fields: SkillFields;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const secondsSince = (at: string, now: number) =>
	Math.max(0, Math.floor((now - Date.parse(at)) / 1000));

/** The queues: waiting now and today's figures, by department, by language and by lane. */
function queuesOf(
	ctx: Ctx,
	today: Today['byQueue'],
	groups: ReturnType<typeof q.waitingGroups>,
	seats: Seat[],
	now: number
): WallQueue[] {
	const waiting = new Map<string, { n: number; oldest: string | null }>();
	for (const g of groups.department) waiting.set(`dept:${g.g}`, g);
	for (const g of groups.language) waiting.set(`lang:${g.g}`, g);
	for (const g of groups.lane) waiting.set(`lane:${g.g}`, g);
	const depts = new Map(listDepartments(ctx.db).map((d) => [`dept:${d.id}`, d]));
	const langs = new Map(listLanguages(ctx.db).map((l) => [`lang:${l.code}`, l]));
	const online = seats.filter((s) => s.state !== 'offline');
	const keys = [...new Set([...waiting.keys(), ...today.keys()])];
	const queues = keys.flatMap((key): WallQueue[] => {
		const [kind, id] = key.split(':') as [string, string];
		let base: Pick<WallQueue, 'kind' | 'name' | 'nameEn'> & Partial<WallQueue>;
		let eligible: (s: Seat) => boolean;
		if (kind === 'dept') {
			const d = depts.get(key);
			if (!d) return [];
			base = { kind: 'department', departmentId: d.id, name: d.name, nameEn: d.nameEn };
			eligible = (s) => (s.fields[`d:${d.id}`] ?? 0) > 0;
		} else if (kind === 'lang') {
			const l = langs.get(key);
			if (!l) return [];
			base = { kind: 'language', language: l.code, name: l.name, nameEn: l.nameEn };
			eligible = (s) => (s.fields[`l:${l.code}`] ?? 0) > 0 || (l.signed && !!s.fields.sign);
		} else {
			const lane = id as Lane;
			const [name, nameEn] = LANE_NAMES[lane] ?? [id, id];
			base = { kind: 'lane', lane, name, nameEn };
			eligible = () => true;
		}
		const w = waiting.get(key);
		const f = figures(today.get(key) ?? []);
		const seatsOf = online.filter(eligible);
		return [
			{
				key,
				...base,
				waiting: w?.n ?? 0,
				longestWaitSeconds: w?.oldest ? secondsSince(w.oldest, now) : 0,
				oldestQueuedAt: w?.oldest ?? null,
				offeredToday: f.offered,
				answeredToday: f.answered,
				abandonedToday: f.abandoned,
				serviceLevel: f.serviceLevel,
				asaSeconds: f.averageSpeedOfAnswer,
				abandonRate: f.abandonmentRate,
				agentsAvailable: seatsOf.filter((s) => s.state === 'available').length,
				agentsEligibleOnline: seatsOf.length
			}
		];
	});
	const order = { department: 0, language: 1, lane: 2 };
	return queues.sort(
		(a, b) => order[a.kind] - order[b.kind] || b.waiting - a.waiting || a.key.localeCompare(b.key)
	);
}

/** The oldest waiting calls, each with why it still waits and which online seats may take it. */
function waitingOf(ctx: Ctx, seats: Seat[], now: number, limit: number): WallSnapshot['waiting'] {
	const online = seats.filter((s) => s.state !== 'offline');
	return q.waitingPage(ctx.db, limit).map((r) => {
		const c = r.call;
		const facts = factsOf(ctx, c);
		const req = requirementOf(ctx, facts, c.escalationStep);
		const eligible = online.filter((s) => satisfies(s.fields, req.checks));
		const code = waitReasonOf(c.status, c.routingReason, {
			eligibleOnline: eligible.length,
			eligibleAvailable: eligible.filter((s) => s.state === 'available').length
		});
		return {
			callId: c.id,
			status: c.status as 'queued' | 'offered',
			channel: c.channel,
			boothId: c.boothId,
			boothName: r.boothName,
			town: r.town,
			callerIdMasked: c.callerIdMasked,
			matterId: c.matterId,
			matterName: r.matterName,
			matterNameEn: r.matterNameEn,
			departmentId: r.departmentId,
			language: c.language,
			signLanguage: facts.sign,
			elderly: c.elderly,
			lane: laneOf(facts),
			queuedAt: c.queuedAt,
			waitSeconds: secondsSince(c.queuedAt, now),
			step: c.escalationStep,
			reason: { code, text: REASON_TEXT[code] },
			eligibleAgentIds: eligible.map((s) => s.id)
		};
	});
}

/**
 * One snapshot of the supervisor wall: queues with today's figures, the oldest waiting calls
 * and why they wait, agents, booths and live calls. Events keep it current afterwards.
 */
export async function wallSnapshot(
	ctx: Ctx,
	now = Date.now(),
	limit = WAITING_LIMIT
): Promise<WallSnapshot> {
	// taken first: whatever happens while the snapshot is read is replayed after it
	const eventsFrom = await ctx.bus.lastId();
	const roster = agentRoster(ctx);
	const states = await live.agents(
		ctx,
		roster.map((a) => a.id)
	);
	const logged = new Map(
		q
			.latestStates(
				ctx.db,
				roster.map((a) => a.id)
			)
			.map((s) => [s.userId, s])
	);
	const fields = allSkillFields(ctx.db);
	const seats: Seat[] = roster.map((a, i) => ({
		id: a.id,
		state: states[i]!.state,
		fields: states[i]!.state === 'offline' ? {} : (fields.get(a.id) ?? {})
	}));
	const groups = q.waitingGroups(ctx.db);
	const today = readToday(ctx, now);
	return {
		at: new Date(now).toISOString(),
		eventsFrom,
		queues: queuesOf(ctx, today.byQueue, groups, seats, now),
		waiting: waitingOf(ctx, seats, now, limit),
		waitingTotal: groups.total,
		waitingLimit: limit,
		agents: roster.map((a, i) => {
			const s = states[i]!;
			const last = logged.get(a.id);
			return {
				id: a.id,
				displayName: a.displayName,
				state: s.state,
				reason: last?.state === s.state ? (last.reason ?? null) : null,
				since: iso(s.since) ?? last?.at ?? null,
				callId: s.callId
			};
		}),
		booths: listBooths(ctx).map((b) => ({
			id: b.id,
			name: b.name,
			town: b.town,
			state: b.state,
			lastSeenAt: b.lastSeenAt
		})),
		live: await Promise.all(
			q
				.connectedCalls(ctx.db)
				.map(async (c) => ({ ...c, monitoredBy: await monitorsOf(ctx, c.callId) }))
		),
		day: today.day,
		hours: today.hours,
		waitingTrend: today.waitingTrend
	};
}
