import * as s from './api';
import * as r from './api-responses';
import { BODY, err, staffOnly, type Op } from './openapi-op';
import { VersionQuery } from './schedule-api';

const SKILL_ERRORS = [...BODY, 'unknown_language', 'unknown_matter', 'duplicate_skill'];

/** Login, admin, catalogue, schedule and system operations of /api/v1. */
export const adminOperations: Op[] = [
	{
		method: 'post',
		path: '/auth/login',
		summary: 'Staff login (sets the session cookie)',
		tag: 'auth',
		auth: 'public',
		body: s.LoginBody,
		responses: {
			200: { description: 'Logged in', schema: r.LoginResult },
			400: err('Invalid input', ...BODY),
			401: err('Wrong username or password', 'unauthorized'),
			429: err('Too many failed logins', 'rate_limited')
		}
	},
	{
		method: 'post',
		path: '/auth/logout',
		summary: 'End the session (also without one)',
		tag: 'auth',
		auth: 'staff',
		responses: { 204: { description: 'Logged out' } }
	},
	{
		method: 'get',
		path: '/admin/agents',
		summary: 'List staff accounts with skills',
		tag: 'admin',
		auth: 'admin',
		responses: { 200: { description: 'Staff', schema: r.StaffList }, ...staffOnly('an admin') }
	},
	{
		method: 'post',
		path: '/admin/agents',
		summary: 'Create a staff account with roles and skills',
		tag: 'admin',
		auth: 'admin',
		body: s.CreateAgentBody,
		responses: {
			201: { description: 'Created', schema: s.IdResponse },
			400: err('Invalid input, unknown language or matter, a skill listed twice', ...SKILL_ERRORS),
			...staffOnly('an admin'),
			409: err('Username taken', 'username_taken')
		}
	},
	{
		method: 'get',
		path: '/admin/agents/{id}/skills',
		summary: "An agent's skills",
		tag: 'admin',
		auth: 'admin',
		responses: {
			200: { description: 'Skills', schema: r.AgentSkills },
			400: err('Invalid id', 'bad_request'),
			...staffOnly('an admin'),
			404: err('No such agent', 'not_found')
		}
	},
	{
		method: 'put',
		path: '/admin/agents/{id}/skills',
		summary:
			"Replace an agent's skills; routing follows at once (an available agent is re-indexed and offered a waiting call it now qualifies for)",
		tag: 'admin',
		auth: 'admin',
		body: s.ReplaceSkillsBody,
		responses: {
			200: { description: 'Replaced', schema: r.AgentSkills },
			400: err('Invalid id or input', 'bad_request', ...SKILL_ERRORS),
			...staffOnly('an admin'),
			404: err('No such agent', 'not_found')
		}
	},
	{
		method: 'get',
		path: '/admin/supervisors/{id}/scope',
		summary: 'The departments and towns a supervisor oversees (both empty: the whole district)',
		tag: 'admin',
		auth: 'admin',
		responses: {
			200: { description: 'Scope', schema: r.SupervisorScope },
			400: err('Invalid id', 'bad_request'),
			...staffOnly('an admin'),
			404: err('No such supervisor', 'not_found')
		}
	},
	{
		method: 'put',
		path: '/admin/supervisors/{id}/scope',
		summary:
			'Set the departments and towns a supervisor oversees: their wall, actions, events and audit trail (audited)',
		tag: 'admin',
		auth: 'admin',
		body: s.SupervisorScopeBody,
		responses: {
			200: { description: 'The scope now', schema: r.SupervisorScope },
			400: err('Invalid id or input', 'bad_request', ...BODY, 'unknown_department', 'unknown_town'),
			...staffOnly('an admin'),
			404: err('No such supervisor', 'not_found')
		}
	},
	{
		method: 'put',
		path: '/admin/departments/{id}',
		summary:
			"Set a department's answer threshold T for its service level (null: SERVICE_LEVEL_SECONDS; audited)",
		tag: 'admin',
		auth: 'admin',
		body: s.DepartmentSettingsBody,
		responses: {
			200: { description: 'The department settings now', schema: r.DepartmentSettings },
			400: err('Invalid id or input', 'bad_request', ...BODY),
			...staffOnly('an admin'),
			404: err('No such department', 'not_found')
		}
	},
	{
		method: 'get',
		path: '/admin/booths',
		summary: 'List booths (admin or supervisor)',
		tag: 'admin',
		auth: 'admin',
		responses: {
			200: { description: 'Booths', schema: r.BoothList },
			...staffOnly('an admin or supervisor')
		}
	},
	{
		method: 'post',
		path: '/admin/booths',
		summary: 'Register a booth; returns its device token once',
		tag: 'admin',
		auth: 'admin',
		body: s.CreateBoothBody,
		responses: {
			201: { description: 'Created', schema: s.BoothCreated },
			400: err('Invalid input or unknown town', ...BODY, 'unknown_town'),
			...staffOnly('an admin')
		}
	},
	{
		method: 'get',
		path: '/matters',
		summary:
			'Search matters (Chinese, English, pinyin in full or by initials, traditional characters, typos, everyday names) or list a department’s; best match first, then most asked-for; paged by `offset` and `limit` with `total` counting every match',
		tag: 'catalogue',
		auth: 'public',
		query: s.MatterQuery,
		responses: {
			200: { description: 'Matches', schema: s.MatterList },
			400: err('Invalid query', 'validation_failed')
		}
	},
	{
		method: 'get',
		path: '/languages',
		summary: 'Languages a caller can choose',
		tag: 'catalogue',
		auth: 'public',
		responses: { 200: { description: 'Languages', schema: s.LanguageList } }
	},
	{
		method: 'get',
		path: '/health',
		summary: 'Which part is down: SQLite, Redis, the worker processes, LiveKit',
		tag: 'system',
		auth: 'public',
		responses: {
			200: { description: 'Up (possibly without video or a worker)', schema: s.Health },
			503: { description: 'Down', schema: s.Health }
		}
	},
	{
		method: 'get',
		path: '/openapi.json',
		summary: 'This document',
		tag: 'system',
		auth: 'public',
		responses: { 200: { description: 'OpenAPI 3.1', schema: r.OpenApiDoc } }
	},
	{
		method: 'get',
		path: '/schedule/hours',
		summary: 'Weekly service hours',
		tag: 'schedule',
		auth: 'staff',
		responses: {
			200: { description: 'Hours', schema: s.HoursBody },
			...staffOnly('a scheduler or admin')
		}
	},
	{
		method: 'put',
		path: '/schedule/hours',
		summary: 'Replace weekly service hours',
		tag: 'schedule',
		auth: 'staff',
		body: s.HoursBody,
		responses: {
			200: { description: 'Saved', schema: s.HoursBody },
			400: err('Invalid hours (order, overlap)', ...BODY, 'invalid_hours'),
			...staffOnly('a scheduler or admin')
		}
	},
	{
		method: 'get',
		path: '/schedule/exceptions',
		summary: 'Holidays and make-up workdays',
		tag: 'schedule',
		auth: 'staff',
		responses: {
			200: { description: 'Exceptions', schema: r.ScheduleExceptions },
			...staffOnly('a scheduler or admin')
		}
	},
	{
		method: 'put',
		path: '/schedule/exceptions/{date}',
		summary:
			'Set a date exception: holiday, make-up workday (following a weekday), closed (all day or some hours) or extra hours',
		tag: 'schedule',
		auth: 'staff',
		body: s.ExceptionBody,
		responses: {
			200: { description: 'Saved', schema: r.ScheduleException },
			400: err('Invalid date or input', 'invalid_date', 'invalid_hours', ...BODY),
			...staffOnly('a scheduler or admin'),
			409: err('The exception changed since `version` was read', 'version_conflict')
		}
	},
	{
		method: 'delete',
		path: '/schedule/exceptions/{date}',
		summary: 'Remove a date exception',
		tag: 'schedule',
		auth: 'staff',
		query: VersionQuery,
		responses: {
			204: { description: 'Removed' },
			400: err('Invalid date or version', 'invalid_date', 'validation_failed'),
			...staffOnly('a scheduler or admin'),
			404: err('No exception on that date', 'not_found'),
			409: err('The exception changed since `version` was read', 'version_conflict')
		}
	}
];
