import type { AlertAck, WallAlert } from '../../contracts/alerts';
import { SUPERVISORS } from '../agents/events';
import { agentRoster } from '../agents/agents';
import { staffAs } from '../agents/queries';
import { audit } from '../audit/audit';
import type { StaffUser } from '../auth/auth';
import { listBooths } from '../booths/booths';
import { serviceStatus } from '../booths/service';
import { listDepartments } from '../catalog/queries';
import type { Config } from '../config';
import type { Ctx } from '../context';
import { assertAlertInScope, scopeOf } from './scope';
import { notFound } from '../errors';
import { figures } from '../metrics/metrics';
import type { Outgoing } from '../realtime/wire';
import * as live from '../routing/live';
import {
	deriveAlerts,
	present,
	reconcile,
	type AlertInputs,
	type AlertSettings,
	type Occurrence
} from './alert-rules';
import * as q from './queries';
import { readToday } from './today';

/**
 * The supervisors' alerts. The worker's sweep (every ALERT_SWEEP_SECONDS) derives the conditions
 * from the wall's own read model, keeps one occurrence per open alert in a Redis hash, and tells
 * the walls what opened, changed or cleared; the wall snapshot reads that hash. Acknowledgements
 * are kept per occurrence, so an alert that clears and comes back is a new, unacknowledged one.
 */

const AUDIENCE = { roles: [...SUPERVISORS, 'admin'] };
const openKey = (ctx: Ctx) => `${ctx.prefix}:alerts:open`;
const acksKey = (ctx: Ctx) => `${ctx.prefix}:alerts:acks`;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

type StoredAck = AlertAck & { id: string };

/** The thresholds of the alerts, from the configuration. */
export function alertSettings(cfg: Config): AlertSettings {
	return {
		waitSeconds: cfg.ALERT_WAIT_SECONDS,
		serviceLevel: cfg.ALERT_SERVICE_LEVEL,
		serviceLevelMinCalls: cfg.ALERT_SERVICE_LEVEL_MIN_CALLS,
		interpreterSeconds: cfg.ALERT_INTERPRETER_SECONDS
	};
}

/** Reads what the rules look at: by index and by agent, never by scanning Redis keys. */
export async function alertInputs(ctx: Ctx, now: number): Promise<AlertInputs> {
	const oldest = new Map(
		q.oldestWaitingByDepartment(ctx.db).map((r) => [r.departmentId, r.oldest])
	);
	const { byQueue: today, settings } = readToday(ctx, now);
	const departments = listDepartments(ctx.db).map((d) => {
		const f = figures(today.get(`dept:${d.id}`) ?? [], settings);
		return {
			id: d.id,
			name: d.name,
			nameEn: d.nameEn,
			oldestQueuedAt: oldest.get(d.id) ?? null,
			serviceLevel: f.serviceLevel,
			counted: f.answered + f.abandoned - f.shortAbandoned
		};
	});
	const roster = agentRoster(ctx);
	const states = await Promise.all(roster.map((a) => live.agent(ctx, a.id)));
	const onBreak = roster.filter((_, i) => states[i]!.state === 'break').map((a) => a.id);
	const logged = new Map(q.latestStates(ctx.db, onBreak).map((s) => [s.userId, s]));
	const agents = roster.map((a, i) => {
		const s = states[i]!;
		const last = logged.get(a.id);
		return {
			id: a.id,
			displayName: a.displayName,
			state: s.state,
			reason: last?.state === s.state ? (last.reason ?? null) : null,
			since: iso(s.since) ?? last?.at ?? null
		};
	});
	return {
		departments,
		agents,
		booths: listBooths(ctx),
		serviceOpen: serviceStatus(ctx, now).open,
		interpreterAsks: q.interpreterAsks(ctx.db).map((c) => ({
			...c,
			agentName: c.agentName ?? ''
		}))
	};
}

async function stored(ctx: Ctx) {
	const [open, acks] = await Promise.all([
		ctx.redis.hgetall(openKey(ctx)),
		ctx.redis.hgetall(acksKey(ctx))
	]);
	const occurrences = new Map<string, Occurrence>(
		Object.entries(open).map(([k, v]) => [k, JSON.parse(v) as Occurrence])
	);
	const byId = new Map<string, StoredAck>(
		Object.entries(acks).map(([id, v]) => [id, { id, ...(JSON.parse(v) as AlertAck) }])
	);
	return { occurrences, byId };
}

/** Acknowledgements by alert key, for the occurrences open now. */
function acksByKey(occurrences: Map<string, Occurrence>, byId: Map<string, StoredAck>) {
	const out = new Map<string, StoredAck>();
	for (const o of occurrences.values()) {
		const a = byId.get(o.id);
		if (a) out.set(o.key, a);
	}
	return out;
}

/** The open alerts as the wall lists them (unacknowledged, critical and newest first). */
export async function openAlerts(ctx: Ctx): Promise<WallAlert[]> {
	const { occurrences, byId } = await stored(ctx);
	return present(occurrences.values(), acksByKey(occurrences, byId));
}

/**
 * One check: derives the conditions now, opens, changes and clears occurrences, and publishes
 * `alert.updated` for each. Several workers may run it; each change is published once.
 */
export async function syncAlerts(ctx: Ctx, now = Date.now()) {
	const { occurrences, byId } = await stored(ctx);
	const conditions = deriveAlerts(
		await alertInputs(ctx, now),
		alertSettings(ctx.cfg),
		now,
		new Set(occurrences.keys())
	);
	const { opened, changed, cleared } = reconcile(occurrences, conditions, now);
	const acks = acksByKey(occurrences, byId);
	const events: Outgoing[] = [];
	for (const o of opened)
		if (await ctx.redis.hsetnx(openKey(ctx), o.key, JSON.stringify(o)))
			events.push(['alert.updated', { state: 'open', alert: present([o], acks)[0]! }, AUDIENCE]);
	for (const o of changed) {
		await ctx.redis.hset(openKey(ctx), o.key, JSON.stringify(o));
		events.push(['alert.updated', { state: 'open', alert: present([o], acks)[0]! }, AUDIENCE]);
	}
	for (const o of cleared)
		if (await ctx.redis.hdel(openKey(ctx), o.key))
			events.push(['alert.updated', { state: 'cleared', key: o.key, id: o.id }, AUDIENCE]);
	// acknowledgements of occurrences that are over (cleared, or acknowledged while clearing)
	const current = new Set([...occurrences.values(), ...opened].map((o) => o.id));
	for (const o of cleared) current.delete(o.id);
	const stale = [...byId.keys()].filter((id) => !current.has(id));
	if (stale.length) await ctx.redis.hdel(acksKey(ctx), ...stale);
	if (events.length) await ctx.bus.publishMany(events);
	return { opened: opened.length, changed: changed.length, cleared: cleared.length };
}

/**
 * A supervisor acknowledges an open alert: kept with that occurrence (the first to acknowledge
 * is the one shown), audited, and every wall is told who did. 404 when no such alert is open.
 */
export async function acknowledgeAlert(
	ctx: Ctx,
	actor: StaffUser,
	key: string,
	requestId?: string | null,
	now = Date.now()
): Promise<{ alert: WallAlert; acknowledgedNow: boolean }> {
	assertAlertInScope(ctx, scopeOf(ctx, actor), key);
	const raw = await ctx.redis.hget(openKey(ctx), key);
	if (!raw) throw notFound('No such open alert: it may have cleared');
	const o = JSON.parse(raw) as Occurrence;
	const ack: AlertAck = {
		by: staffAs(ctx.db, actor),
		at: new Date(now).toISOString()
	};
	const first = (await ctx.redis.hsetnx(acksKey(ctx), o.id, JSON.stringify(ack))) === 1;
	const kept = first
		? ack
		: (JSON.parse((await ctx.redis.hget(acksKey(ctx), o.id)) ?? JSON.stringify(ack)) as AlertAck);
	const alert = present([o], new Map([[o.key, { id: o.id, ...kept }]]))[0]!;
	if (first) {
		audit(ctx, {
			actorKind: 'user',
			actorId: actor.id,
			action: 'supervisor.alert_ack',
			target: `alert:${key}`,
			detail: { kind: o.kind, occurrence: o.id, openedAt: o.openedAt },
			requestId
		});
		await ctx.bus.publish('alert.updated', { state: 'acknowledged', alert }, AUDIENCE);
	}
	return { alert, acknowledgedNow: first };
}
