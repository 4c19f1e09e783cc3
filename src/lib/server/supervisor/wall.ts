import { and, type SQL } from 'drizzle-orm';
import type {
	WallQueue,
	WallSnapshot,
	WallWaitingPage,
	WallWaitingQuery
} from '../../contracts/supervisor-api';
import { badRequest } from '../errors';
import { agentRoster } from '../agents/agents';
import { allSkillFields } from '../agents/queries';
import { listBooths } from '../booths/booths';
import { factsOf } from '../calls/facts';
import { listDepartments, listLanguages } from '../catalog/queries';
import { monitorsIn } from '../calls/monitor';
import type { StaffUser } from '../auth/auth';
import type { Ctx } from '../context';
import { figures, type MetricSettings } from '../metrics/metrics';
import * as live from '../routing/live';
import { requirementOf } from '../routing/policy';
import { laneOf, satisfies, type Lane, type SkillFields } from '../routing/rules';
import { openAlerts } from './alerts';
import { maskText } from '../privacy';
import * as q from './queries';
import {
	agentIdsInScope,
	alertInScope,
	boothInScope,
	describeScope,
	scopeOf,
	type Scope
} from './scope';
import { callScopeSql } from './scope-queries';
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

/**
 * Every agent with their live state, last logged state and skills. Why a call waits and how
 * many seats could take it are facts about all seats, whatever the supervisor's scope.
 */
async function readSeats(ctx: Ctx) {
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
	return { roster, states, logged, seats };
}

/** The queues: waiting now and today's figures, by department, by language and by lane. */
function queuesOf(
	ctx: Ctx,
	today: Today['byQueue'],
	groups: ReturnType<typeof q.waitingGroups>,
	seats: Seat[],
	now: number,
	settings: MetricSettings
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
		const f = figures(today.get(key) ?? [], settings);
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
function waitingOf(
	ctx: Ctx,
	seats: Seat[],
	now: number,
	limit: number,
	where: SQL | undefined,
	visible: Set<number> | null
): WallSnapshot['waiting'] {
	const online = seats.filter((s) => s.state !== 'offline');
	return q.waitingPage(ctx.db, limit, where).map((r) => {
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
			// the seats this supervisor can see (and assign to); the reason counts every seat
			eligibleAgentIds: eligible.flatMap((s) => (!visible || visible.has(s.id) ? [s.id] : []))
		};
	});
}

/**
 * One snapshot of the supervisor wall: queues with today's figures, the oldest waiting calls
 * and why they wait, agents, booths and live calls, of what `scope` covers (null: the whole
 * district). Events keep it current afterwards.
 */
export async function wallSnapshot(
	ctx: Ctx,
	now = Date.now(),
	limit = WAITING_LIMIT,
	scope: Scope | null = null
): Promise<WallSnapshot> {
	// taken first: whatever happens while the snapshot is read is replayed after it
	const eventsFrom = await ctx.bus.lastId();
	const inScope = agentIdsInScope(ctx, scope);
	const where = callScopeSql(scope);
	const { roster, states, logged, seats } = await readSeats(ctx);
	const groups = q.waitingGroups(ctx.db, where);
	const waiting = waitingOf(ctx, seats, now, limit + 1, where, inScope);
	const today = readToday(ctx, now, { scope });
	return {
		at: new Date(now).toISOString(),
		eventsFrom,
		queues: queuesOf(ctx, today.byQueue, groups, seats, now, today.settings),
		waiting: waiting.slice(0, limit),
		waitingNext: waiting.length > limit ? encodeAfter(waiting[limit - 1]!) : null,
		waitingTotal: groups.total,
		waitingLimit: limit,
		agents: roster.flatMap((a, i) => {
			if (inScope && !inScope.has(a.id)) return [];
			const s = states[i]!;
			const last = logged.get(a.id);
			return [
				{
					id: a.id,
					displayName: a.displayName,
					state: s.state,
					// free text an agent typed: ID card and phone numbers in it are masked
					reason: last?.state === s.state && last.reason ? maskText(last.reason) : null,
					since: iso(s.since) ?? last?.at ?? null,
					callId: s.callId
				}
			];
		}),
		booths: listBooths(ctx)
			.filter((b) => boothInScope(scope, b.townId))
			.map((b) => ({
				id: b.id,
				name: b.name,
				town: b.town,
				state: b.state,
				lastSeenAt: b.lastSeenAt
			})),
		live: await Promise.all(
			q.connectedCalls(ctx.db, where).map(async (c) => {
				const monitors = await monitorsIn(ctx, c.callId);
				return { ...c, monitoredBy: monitors.map((m) => m.userId), monitors };
			})
		),
		day: today.day,
		hours: today.hours,
		waitingTrend: today.waitingTrend,
		scope: describeScope(ctx, scope),
		alerts: (await openAlerts(ctx)).filter((a) => alertInScope(ctx, scope, a.key))
	};
}

function encodeAfter(c: { queuedAt: string; callId: string }): string {
	return Buffer.from(JSON.stringify([c.queuedAt, c.callId])).toString('base64url');
}

function decodeAfter(raw: string): [string, string] {
	try {
		const v = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
		if (Array.isArray(v) && typeof v[0] === 'string' && typeof v[1] === 'string')
			return [v[0], v[1]];
	} catch {
		// reported below
	}
	throw badRequest('after: not a cursor of this list', 'validation_failed');
}

/**
 * A page of the waiting calls this supervisor oversees, oldest first, all or of one queue, each
 * with why it waits: what the wall lists beyond the snapshot's first WAITING_LIMIT.
 */
export async function waitingPageFor(
	ctx: Ctx,
	user: StaffUser,
	query: WallWaitingQuery,
	now = Date.now()
): Promise<WallWaitingPage> {
	const scope = scopeOf(ctx, user);
	const inScope = agentIdsInScope(ctx, scope);
	const filter = and(callScopeSql(scope), query.queue ? q.queueSql(query.queue) : undefined);
	const after = query.after ? q.afterSql(...decodeAfter(query.after)) : undefined;
	const { seats } = await readSeats(ctx);
	const rows = waitingOf(ctx, seats, now, query.limit + 1, and(filter, after), inScope);
	const items = rows.slice(0, query.limit);
	const last = items.at(-1);
	return {
		items,
		total: q.waitingCount(ctx.db, filter),
		next: rows.length > query.limit && last ? encodeAfter(last) : null
	};
}
