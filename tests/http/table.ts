import type { Identity } from './client';
import { database, ok } from './client';
import type { Actor, CallState, Role, World } from './world';

/** What one actor sends: the concrete path (ids filled in), its identity and body. */
export interface Built {
	path?: string;
	as: Identity;
	body?: unknown;
	headers?: Record<string, string>;
}

export interface Entry {
	/** The expected status for each role and, where the operation has an owner, crossed actors. */
	expect: Record<Role, number> & Partial<Record<Actor, number>>;
	/** Builds the request of one actor, creating what it needs; default: the shared identity. */
	build?: (w: World, actor: Actor) => Promise<Built>;
}

type Statuses = [number, number, number, number, number, number, number];
/** none, mobile caller, booth, agent, supervisor, scheduler, admin. */
const by = (...s: Statuses): Record<Role, number> => ({
	none: s[0],
	mobile: s[1],
	booth: s[2],
	agent: s[3],
	supervisor: s[4],
	scheduler: s[5],
	admin: s[6]
});
const all = (s: number) => by(s, s, s, s, s, s, s);
const admins = (s: number) => by(401, 401, 401, 403, 403, 403, s);
const agents = (s: number) => by(401, 401, 401, s, 403, 403, 403);
const schedulers = (s: number) => by(401, 401, 401, 403, 403, s, s);
const supervisors = (s: number) => by(401, 401, 401, 403, s, 403, s);

const shared = (body?: unknown) => async (w: World, actor: Actor) => ({
	as: await w.as(actor as Role),
	body
});

/** A call in `state` for the actor, at `/calls/{id}<suffix>`. */
const onCall =
	(state: CallState, suffix = '', body?: unknown) =>
	async (w: World, actor: Actor): Promise<Built> => {
		const s = await w.scene(actor, state);
		return { path: `/calls/${s.callId}${suffix}`, as: s.as, body };
	};

const onOffer =
	(verb: 'accept' | 'decline') =>
	async (w: World, actor: Actor): Promise<Built> => {
		const s = await w.scene(actor, 'offered');
		return { path: `/offers/${s.offerId}/${verb}`, as: s.as };
	};

/**
 * The key of an open "long wait" alert: a caller for the matter nobody serves waits past the
 * tier's ALERT_WAIT_SECONDS, and the worker's sweep raises it.
 */
async function openWaitAlert(w: World): Promise<string> {
	await w.call(w.queueMatter);
	const deadline = Date.now() + 15_000;
	for (;;) {
		const wall = await ok<{ alerts: { key: string; kind: string }[] }>('GET', '/supervisor/wall', {
			as: w.admin
		});
		const found = wall.alerts.find((a) => a.kind === 'wait');
		if (found) return found.key;
		if (Date.now() > deadline) throw new Error('no long-wait alert was raised');
		await new Promise((r) => setTimeout(r, 250));
	}
}

/** A bad rating's case, set up for `actor`: the agent who handled the call owns it. */
const onCase =
	(suffix = '', body?: unknown) =>
	async (w: World, actor: Actor): Promise<Built> => {
		const s = await w.scene('agent', 'ended');
		await ok('POST', `/calls/${s.callId}/rating`, { as: s.caller, body: { score: 1 } }, 201);
		const page = await ok<{ items: { id: number; callId: string }[] }>(
			'GET',
			`/quality/cases?ownerId=${s.agent!.id}`,
			{ as: w.admin }
		);
		const id = page.items.find((i) => i.callId === s.callId)!.id;
		const as =
			actor === 'agent'
				? s.agent!.as
				: actor === 'otherAgent'
					? (await w.staff(['agent'])).as
					: await w.as(actor as Role);
		return { path: `/quality/cases/${id}${suffix}`, as, body };
	};

/** The department (matter group) of a matter. */
async function departmentOf(matterId: number): Promise<number> {
	const db = database();
	try {
		return db.departmentOf(matterId);
	} finally {
		db.close();
	}
}

/**
 * The start of the `index`-th slot of the queued matter from now, given room by the admin
 * (nobody serves that matter, so its computed capacity is 0).
 */
async function roomySlot(w: World, index: number): Promise<string> {
	const { slots } = await ok<{ slots: { start: string }[] }>(
		'GET',
		`/bookings/slots?matterId=${w.queueMatter}&days=2`
	);
	const start = slots[index]!.start;
	await ok('PUT', '/schedule/bookings/capacity', {
		as: w.admin,
		body: { departmentId: await departmentOf(w.queueMatter), slotStart: start, capacity: 1000 }
	});
	return start;
}

/** A fresh booking of the queued matter, sent with its holder's token at `/bookings/{code}<suffix>`. */
const holding =
	(suffix = '', slot = 2) =>
	async (w: World, actor: Actor): Promise<Built> => {
		const b = await ok<{ code: string; token: string }>(
			'POST',
			'/bookings',
			{ body: { matterId: w.queueMatter, slotStart: await roomySlot(w, slot) } },
			201
		);
		return {
			path: `/bookings/${b.code}${suffix}`,
			as: await w.as(actor as Role),
			headers: { 'x-booking-token': b.token },
			body: suffix ? {} : undefined
		};
	};

let day = 0;
/** A date no other case touches, far from today (a holiday today would close the service). */
const freshDate = () => {
	day += 1;
	return new Date(Date.UTC(2090, 0, day)).toISOString().slice(0, 10);
};

/** A new schedule's name, unique in the tier. */
let named = 0;
const scheduleName = () => `测试时间表-${Date.now().toString(36)}-${++named}`;

/** A schedule created by the admin, for one actor to edit. */
async function onSchedule(w: World, actor: Actor) {
	const made = await ok<{ id: number; version: number }>(
		'POST',
		'/schedule/schedules',
		{ as: w.admin, body: { name: scheduleName(), pattern: { sat: [['09:00', '12:00']] } } },
		201
	);
	return { id: made.id, version: made.version, as: await w.as(actor as Role) };
}

/** A Korean-seat schedule (Mondays 09:00–21:00) created by the admin, for one actor to use. */
async function onLanguageSchedule(w: World, actor: Actor) {
	const made = await ok<{ id: number }>(
		'POST',
		'/schedule/schedules',
		{
			as: w.admin,
			body: {
				name: scheduleName(),
				pattern: { mon: [['09:00', '21:00']] },
				assign: { languages: ['ko'] }
			}
		},
		201
	);
	return { id: made.id, as: await w.as(actor as Role) };
}

const SESSION = { name: '周六延时', weekday: 6, intervals: [['09:00', '12:00']] as const };

/** A Saturday session created by the admin for the queued matter, for one actor to use. */
async function onSession(w: World, actor: Actor) {
	const made = await ok<{ session: { id: number; version: number } }>(
		'POST',
		'/schedule/sessions',
		{ as: w.admin, body: { ...SESSION, matterIds: [w.queueMatter] } },
		201
	);
	return { ...made.session, as: await w.as(actor as Role) };
}

/** The first date on `weekday` (0 Sunday) from a fresh date. */
const freshOn = (weekday: number) => {
	let d = freshDate();
	while (new Date(`${d}T00:00:00Z`).getUTCDay() !== weekday) d = freshDate();
	return d;
};

/**
 * Every operation of /api/v1 → the status each kind of user gets. An operation in the OpenAPI
 * document without an entry here fails the tier.
 */
export const table: Record<string, Entry> = {
	'POST /auth/login': {
		expect: all(200),
		build: async (w, actor) => {
			const s = await w.loginTarget();
			return {
				// a fresh login of each kind: logging in again ends the browser's previous session
				as: await w.as(actor as Role, true),
				body: { username: s.username, password: s.password }
			};
		}
	},
	'POST /auth/logout': {
		expect: all(204),
		build: async (w, actor) => ({ as: await w.as(actor as Role, true) })
	},
	'GET /admin/agents': { expect: admins(200) },
	'POST /admin/agents': {
		expect: admins(201),
		build: async (w, actor) => ({
			as: await w.as(actor as Role),
			body: {
				username: `new${Date.now() % 1e7}${actor}`,
				password: 'long-enough-1',
				displayName: '新坐席',
				roles: ['agent'],
				skills: [{ kind: 'language', code: 'yue', level: 3 }]
			}
		})
	},
	'GET /admin/agents/{id}/skills': {
		expect: admins(200),
		build: async (w, actor) => ({
			path: `/admin/agents/${(await w.sharedAgent()).id}/skills`,
			as: await w.as(actor as Role)
		})
	},
	'PUT /admin/agents/{id}/skills': {
		expect: admins(200),
		build: async (w, actor) => ({
			path: `/admin/agents/${(await w.sharedAgent()).id}/skills`,
			as: await w.as(actor as Role),
			body: { skills: [{ kind: 'elderly_guidance', level: 4 }] }
		})
	},
	'POST /admin/agents/skills': {
		expect: admins(200),
		build: async (w, actor) => ({
			as: await w.as(actor as Role),
			body: {
				agentIds: [(await w.sharedAgent()).id],
				set: [{ kind: 'language', code: 'yue', level: 4 }]
			}
		})
	},
	'GET /admin/supervisors/{id}/scope': {
		expect: admins(200),
		build: async (w, actor) => ({
			path: `/admin/supervisors/${(await w.sharedSupervisor()).id}/scope`,
			as: await w.as(actor as Role)
		})
	},
	'PUT /admin/supervisors/{id}/scope': {
		expect: admins(200),
		build: async (w, actor) => ({
			path: `/admin/supervisors/${(await w.sharedSupervisor()).id}/scope`,
			as: await w.as(actor as Role),
			// both empty: the whole district (the other rows' supervisor is a separate account)
			body: { departmentIds: [], townIds: [] }
		})
	},
	'PUT /admin/departments/{id}': {
		expect: admins(200),
		build: async (w, actor) => ({
			path: `/admin/departments/1`,
			as: await w.as(actor as Role),
			body: { answerSeconds: null }
		})
	},
	'GET /admin/booths': { expect: by(401, 401, 401, 403, 200, 403, 200) },
	'POST /admin/booths': {
		expect: admins(201),
		build: shared({ name: '测试晓屋', town: '沙湾街', site: '农贸市场' })
	},
	'GET /matters': { expect: all(200) },
	'GET /matters/frequent': { expect: all(200) },
	'GET /languages': { expect: all(200) },
	'GET /health': { expect: all(200) },
	'GET /openapi.json': { expect: all(200) },
	'GET /schedule/hours': { expect: schedulers(200) },
	'PUT /schedule/hours': {
		expect: schedulers(200),
		build: async (w, actor) => ({
			as: await w.as(actor as Role),
			body: await ok('GET', '/schedule/hours', { as: w.admin })
		})
	},
	'GET /schedule/exceptions': { expect: schedulers(200) },
	'GET /schedule/preview': {
		expect: by(401, 401, 401, 403, 200, 200, 200),
		build: async (w, actor) => ({
			path: `/schedule/preview?matterId=${w.queueMatter}&at=${encodeURIComponent('2026-05-09T10:00:00+08:00')}`,
			as: await w.as(actor as Role)
		})
	},
	'PUT /schedule/exceptions/{date}': {
		expect: schedulers(200),
		build: async (w, actor) => ({
			path: `/schedule/exceptions/${freshDate()}`,
			as: await w.as(actor as Role),
			body: { kind: 'workday', note: '调休' }
		})
	},
	'DELETE /schedule/exceptions/{date}': {
		expect: schedulers(204),
		build: async (w, actor) => {
			const date = freshDate();
			await ok('PUT', `/schedule/exceptions/${date}`, {
				as: w.admin,
				body: { kind: 'holiday' }
			});
			return { path: `/schedule/exceptions/${date}`, as: await w.as(actor as Role) };
		}
	},
	'GET /schedule/schedules': { expect: schedulers(200) },
	'POST /schedule/schedules': {
		expect: schedulers(201),
		build: async (w, actor) => ({
			as: await w.as(actor as Role),
			body: { name: scheduleName(), pattern: { mon: [['09:00', '17:00']] } }
		})
	},
	'PUT /schedule/schedules/{id}': {
		expect: schedulers(200),
		build: async (w, actor) => {
			const s = await onSchedule(w, actor);
			return {
				path: `/schedule/schedules/${s.id}`,
				as: s.as,
				body: { name: scheduleName(), pattern: { sat: [['09:00', '11:00']] }, version: s.version }
			};
		}
	},
	'DELETE /schedule/schedules/{id}': {
		expect: schedulers(204),
		build: async (w, actor) => {
			const s = await onSchedule(w, actor);
			return { path: `/schedule/schedules/${s.id}?version=${s.version}`, as: s.as };
		}
	},
	'GET /schedule/sessions': { expect: schedulers(200) },
	'POST /schedule/sessions': {
		expect: schedulers(201),
		build: async (w, actor) => ({
			as: await w.as(actor as Role),
			body: { ...SESSION, matterIds: [w.queueMatter] }
		})
	},
	'GET /schedule/sessions/{id}': {
		expect: schedulers(200),
		build: async (w, actor) => {
			const s = await onSession(w, actor);
			return { path: `/schedule/sessions/${s.id}`, as: s.as };
		}
	},
	'PUT /schedule/sessions/{id}': {
		expect: schedulers(200),
		build: async (w, actor) => {
			const s = await onSession(w, actor);
			return {
				path: `/schedule/sessions/${s.id}`,
				as: s.as,
				body: { ...SESSION, intervals: [['09:00', '12:30']], version: s.version }
			};
		}
	},
	'DELETE /schedule/sessions/{id}': {
		expect: schedulers(204),
		build: async (w, actor) => {
			const s = await onSession(w, actor);
			return { path: `/schedule/sessions/${s.id}?version=${s.version}`, as: s.as };
		}
	},
	'GET /schedule/sessions/{id}/roster': {
		expect: schedulers(200),
		build: async (w, actor) => {
			const s = await onSession(w, actor);
			return { path: `/schedule/sessions/${s.id}/roster?from=2090-01-01&to=2090-01-31`, as: s.as };
		}
	},
	'PUT /schedule/sessions/{id}/roster': {
		expect: schedulers(200),
		build: async (w, actor) => {
			const s = await onSession(w, actor);
			return {
				path: `/schedule/sessions/${s.id}/roster`,
				as: s.as,
				body: { date: freshOn(6), agentIds: [], repeatWeeks: 1 }
			};
		}
	},
	'GET /schedule/schedules/{id}/roster': {
		expect: schedulers(200),
		build: async (w, actor) => {
			const s = await onLanguageSchedule(w, actor);
			return { path: `/schedule/schedules/${s.id}/roster?from=2090-01-01&to=2090-01-31`, as: s.as };
		}
	},
	'PUT /schedule/schedules/{id}/roster': {
		expect: schedulers(200),
		build: async (w, actor) => {
			const s = await onLanguageSchedule(w, actor);
			return {
				path: `/schedule/schedules/${s.id}/roster`,
				as: s.as,
				body: { date: freshOn(1), agentIds: [], repeatWeeks: 1 }
			};
		}
	},
	'POST /schedule/roster/copy-week': {
		expect: schedulers(200),
		build: async (w, actor) => ({
			as: await w.as(actor as Role),
			body: { from: freshOn(1), to: freshOn(1) }
		})
	},
	'POST /schedule/holidays/preview': {
		expect: schedulers(200),
		build: shared({ file: JSON.stringify([{ date: '2093-01-01', kind: 'holiday', note: '元旦' }]) })
	},
	'POST /schedule/holidays/import': {
		expect: schedulers(200),
		build: async (w, actor) => ({
			as: await w.as(actor as Role),
			body: {
				source: 'file:http-tier.json',
				days: [{ date: freshDate(), kind: 'holiday', note: '测试假日', weekday: null }]
			}
		})
	},
	// A booth's token is not a caller token: a kiosk follows its call by polling it.
	'GET /events': { expect: by(401, 200, 401, 200, 200, 200, 200) },
	'POST /calls': {
		expect: all(201),
		build: async (w, actor) => {
			const booth = actor === 'booth' ? (await w.booth()).as : undefined;
			return {
				as: booth ?? (await w.as(actor as Role)),
				body: { channel: booth ? 'booth' : 'mobile', matterId: w.queueMatter, language: 'zh' }
			};
		}
	},
	'GET /calls/{id}': {
		expect: {
			...by(401, 200, 200, 200, 200, 403, 200),
			otherAgent: 403,
			otherCaller: 403,
			otherBooth: 403
		},
		build: onCall('connected')
	},
	// Leaving is the caller's: staff are refused like another caller.
	'DELETE /calls/{id}': {
		expect: { ...by(401, 200, 200, 403, 403, 403, 403), otherCaller: 403, otherBooth: 403 },
		build: onCall('queued')
	},
	'POST /calls/{id}/heartbeat': {
		expect: { ...by(401, 204, 204, 403, 403, 403, 403), otherCaller: 403, otherBooth: 403 },
		build: onCall('queued', '/heartbeat')
	},
	'GET /calls/{id}/routing': {
		expect: { ...by(401, 401, 401, 200, 200, 403, 200), otherAgent: 403 },
		build: onCall('connected', '/routing')
	},
	'PUT /supervisor/agents/{id}/state': {
		expect: by(401, 401, 401, 403, 200, 403, 200),
		build: async (w, actor) => ({
			path: `/supervisor/agents/${(await w.staff(['agent'])).id}/state`,
			as: await w.as(actor as Role),
			body: { state: 'break', reason: '临时培训' }
		})
	},
	'POST /supervisor/calls/{id}/assign': {
		expect: by(401, 401, 401, 403, 200, 403, 200),
		build: async (w, actor) => {
			const { callId } = await w.call(w.queueMatter);
			const seat = await w.desk();
			return {
				path: `/supervisor/calls/${callId}/assign`,
				as: await w.as(actor as Role),
				body: { agentId: seat.id, override: true }
			};
		}
	},
	'POST /supervisor/calls/{id}/lane': {
		expect: by(401, 401, 401, 403, 200, 403, 200),
		build: async (w, actor) => ({
			path: `/supervisor/calls/${(await w.call(w.queueMatter)).callId}/lane`,
			as: await w.as(actor as Role),
			body: { lane: 'urgent' }
		})
	},
	'POST /supervisor/calls/{id}/monitor': {
		expect: by(401, 401, 401, 403, 200, 403, 200),
		build: async (w, actor) => ({
			path: `/supervisor/calls/${(await w.scene('agent', 'connected')).callId}/monitor`,
			as: await w.as(actor as Role),
			body: { mode: 'monitor' }
		})
	},
	// Only the call's agent (listening) and a supervisor whispering in it (speaking) get a
	// whisper-room token; the caller and its booth never do, nor an admin who is not whispering.
	'GET /calls/{id}/whisper': {
		expect: { ...by(401, 401, 401, 200, 200, 403, 403), otherAgent: 403 },
		build: async (w, actor) => {
			const s = await w.scene(actor === 'otherAgent' ? 'otherAgent' : 'agent', 'connected');
			const whisperer = await w.as('supervisor');
			await ok('POST', `/supervisor/calls/${s.callId}/monitor`, {
				as: whisperer,
				body: { mode: 'whisper' }
			});
			const as =
				actor === 'agent' || actor === 'otherAgent'
					? s.as
					: actor === 'mobile'
						? s.caller
						: await w.as(actor as Role);
			return { path: `/calls/${s.callId}/whisper`, as };
		}
	},
	'PUT /agent/state': { expect: agents(200), build: shared({ state: 'break', reason: 'meal' }) },
	'GET /agent/state': { expect: agents(200) },
	'POST /agent/heartbeat': { expect: agents(204) },
	'GET /agent/offer': { expect: agents(204) },
	'POST /offers/{id}/accept': {
		expect: { ...agents(200), otherAgent: 409 },
		build: onOffer('accept')
	},
	'POST /offers/{id}/decline': {
		expect: { ...agents(200), otherAgent: 409 },
		build: onOffer('decline')
	},
	'POST /calls/{id}/end': {
		expect: { ...agents(200), otherAgent: 403 },
		build: onCall('connected', '/end')
	},
	'POST /calls/{id}/wrap-up': {
		expect: { ...agents(200), otherAgent: 403 },
		build: onCall('wrap_up', '/wrap-up', { outcome: 'done', mailResults: false })
	},
	'POST /calls/{id}/transfer': {
		expect: { ...agents(200), otherAgent: 403 },
		build: onCall('connected', '/transfer', {})
	},
	'GET /agent/desk': { expect: agents(200) },
	'GET /agent/calls': { expect: agents(200) },
	'GET /agent/colleagues': { expect: agents(200) },
	'GET /supervisor/wall': { expect: supervisors(200) },
	'GET /supervisor/wall/waiting': { expect: supervisors(200) },
	'POST /supervisor/alerts/{key}/ack': {
		// acknowledging an alert someone already acknowledged is still a 200 (theirs is kept)
		expect: supervisors(200),
		build: async (w, actor) => ({
			path: `/supervisor/alerts/${encodeURIComponent(await openWaitAlert(w))}/ack`,
			as: await w.as(actor as Role)
		})
	},
	'GET /audit': { expect: supervisors(200) },
	'GET /quality/cases': { expect: by(401, 401, 401, 200, 200, 403, 200) },
	'GET /quality/cases/{id}': {
		expect: { ...by(401, 401, 401, 200, 200, 403, 200), otherAgent: 403 },
		build: onCase()
	},
	'POST /quality/cases/{id}/steps': {
		expect: { ...by(401, 401, 401, 200, 200, 403, 200), otherAgent: 403 },
		build: onCase('/steps', { step: 'verify', note: '已调阅通话录像' })
	},
	'GET /reports/summary': { expect: supervisors(200) },
	'GET /reports/summary.csv': { expect: supervisors(200) },
	'GET /reports/summary.xlsx': { expect: supervisors(200) },
	'GET /reports/ranking': { expect: supervisors(200) },
	'GET /reports/ranking.csv': { expect: supervisors(200) },
	'GET /reports/ranking.xlsx': { expect: supervisors(200) },
	'GET /reports/calls.csv': { expect: supervisors(200) },
	'PUT /calls/{id}/notes': {
		expect: { ...agents(200), otherAgent: 403 },
		build: onCall('connected', '/notes', { notes: '市民已备齐材料' })
	},
	'POST /calls/{id}/interpreter': {
		expect: { ...agents(200), otherAgent: 403 },
		build: async (w, actor) => {
			// A free sign-language seat, so the agent's request can be met.
			if (actor === 'agent') await w.signSeat();
			return onCall('connected', '/interpreter')(w, actor);
		}
	},
	'DELETE /calls/{id}/interpreter': {
		expect: { ...agents(200), otherAgent: 403 },
		build: async (w, actor) => {
			const s = await w.scene('agent', 'connected');
			if (actor !== 'agent' && actor !== 'otherAgent')
				return { path: `/calls/${s.callId}/interpreter`, as: await w.as(actor as Role) };
			const interpreter = await w.signSeat();
			await ok('POST', `/calls/${s.callId}/interpreter`, { as: s.agent!.as });
			const offer = await ok<{ offerId: string }>('GET', '/agent/offer', {
				as: interpreter.as
			});
			await ok('POST', `/offers/${offer.offerId}/accept`, { as: interpreter.as });
			const as = actor === 'agent' ? interpreter.as : (await w.staff(['agent'])).as;
			return { path: `/calls/${s.callId}/interpreter`, as };
		}
	},
	'POST /calls/{id}/rating': {
		expect: { ...by(401, 201, 201, 403, 403, 403, 403), otherCaller: 403, otherBooth: 403 },
		build: onCall('ended', '/rating', { score: 2, reasons: ['wait_long'], comment: '等太久' })
	},
	'POST /booth/heartbeat': {
		expect: by(401, 401, 200, 401, 401, 401, 401),
		build: shared({ state: 'idle' })
	},
	'GET /matters/{id}': {
		expect: all(200),
		build: async (w, actor) => ({
			path: `/matters/${w.queueMatter}`,
			as: await w.as(actor as Role)
		})
	},
	'GET /service-status': { expect: all(200) },
	'POST /bookings': {
		expect: all(201),
		build: async (w, actor) => ({
			as: await w.as(actor as Role),
			body: { matterId: w.queueMatter, slotStart: await roomySlot(w, 1) }
		})
	},
	'GET /bookings/slots': {
		expect: all(200),
		build: async (w, actor) => ({
			path: `/bookings/slots?matterId=${w.queueMatter}&days=2`,
			as: await w.as(actor as Role)
		})
	},
	// The booking's holder is whoever sends its token, whatever else they are logged in as.
	'GET /bookings/{code}': { expect: all(200), build: holding() },
	'DELETE /bookings/{code}': { expect: all(200), build: holding() },
	'POST /bookings/{code}/check-in': {
		expect: all(201),
		build: async (w, actor) => {
			const held = await holding('/check-in', 0)(w, actor);
			// a booth checking in starts a booth call: a booth of its own keeps the shared one free
			return actor === 'booth' ? { ...held, as: (await w.booth()).as } : held;
		}
	},
	'GET /schedule/bookings': {
		expect: by(401, 401, 401, 403, 200, 200, 200),
		build: async (w, actor) => ({
			path: `/schedule/bookings?departmentId=${await departmentOf(w.queueMatter)}&days=1`,
			as: await w.as(actor as Role)
		})
	},
	'PUT /schedule/bookings/capacity': {
		expect: schedulers(200),
		build: async (w, actor) => ({
			as: await w.as(actor as Role),
			body: {
				departmentId: await departmentOf(w.queueMatter),
				slotStart: await roomySlot(w, 3),
				capacity: 40
			}
		})
	},
	'PUT /schedule/bookings/capacity-rules': {
		expect: schedulers(200),
		// Clearing the queued matter's group's regular-hours rule: the other operations rely on
		// its computed capacity.
		build: async (w, actor) => ({
			as: await w.as(actor as Role),
			body: { departmentId: await departmentOf(w.queueMatter), sessionId: null, capacity: null }
		})
	},
	'GET /staffing/erlang': {
		expect: by(401, 401, 401, 403, 200, 200, 200),
		build: async (w, actor) => ({
			path: '/staffing/erlang?calls=100&intervalMinutes=30&ahtSeconds=180&targetSeconds=20&serviceLevel=0.8',
			as: await w.as(actor as Role)
		})
	},
	// Supervisors monitor hidden; an admin who is not a supervisor has no seat in the room.
	'GET /calls/{id}/video': {
		expect: {
			...by(401, 200, 200, 200, 200, 403, 403),
			otherAgent: 403,
			otherCaller: 403,
			otherBooth: 403
		},
		build: onCall('connected', '/video')
	},
	// Signed by LiveKit only: whoever else posts is refused.
	'POST /livekit/webhook': { expect: all(401), build: shared({ event: 'room_started' }) }
};
