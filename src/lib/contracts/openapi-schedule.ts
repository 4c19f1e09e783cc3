import { BODY, err, staffOnly, type Op } from './openapi-op';
import * as s from './schedule-api';
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

const writers = () => staffOnly('a scheduler or admin');
const stale = (what: string) =>
	err(
		`${what} changed since \`version\` was read: reload and apply the change again`,
		'version_conflict'
	);
const HOURS = [...BODY, 'invalid_hours'];
const TARGETS = ['unknown_department', 'unknown_town', 'unknown_language'];

/** What the scheduler pages edit, as JSON: schedules, extended sessions, rosters, the holiday import. */
export const scheduleEditOperations: Op[] = [
	{
		method: 'get',
		path: '/schedule/schedules',
		summary:
			'Every named schedule (the district default first) with the departments, towns and languages that follow it',
		tag: 'schedule',
		auth: 'staff',
		responses: { 200: { description: 'The schedules', schema: s.ScheduleList }, ...writers() }
	},
	{
		method: 'post',
		path: '/schedule/schedules',
		summary: 'Create a named schedule: its week of intervals and, when given, what follows it',
		tag: 'schedule',
		auth: 'staff',
		body: s.ScheduleCreateBody,
		responses: {
			201: { description: 'Created', schema: s.Schedule },
			400: err(
				'Invalid input or hours (order, overlap), or an unknown target',
				...HOURS,
				...TARGETS
			),
			...writers(),
			409: err('A schedule of that name exists', 'name_taken')
		}
	},
	{
		method: 'put',
		path: '/schedule/schedules/{id}',
		summary: 'Update a schedule (versioned); `assign`, when given, replaces what follows it',
		tag: 'schedule',
		auth: 'staff',
		body: s.ScheduleUpdateBody,
		responses: {
			200: { description: 'Saved', schema: s.Schedule },
			400: err(
				'Invalid id, input or hours, or an unknown target',
				'bad_request',
				...HOURS,
				...TARGETS
			),
			...writers(),
			404: err('No such schedule', 'not_found'),
			409: err(
				'Changed since `version` was read, or another schedule has that name',
				'version_conflict',
				'name_taken'
			)
		}
	},
	{
		method: 'delete',
		path: '/schedule/schedules/{id}',
		summary: 'Delete a schedule (never the default); what followed it falls back to the default',
		tag: 'schedule',
		auth: 'staff',
		query: s.VersionQuery,
		responses: {
			204: { description: 'Deleted' },
			400: err('Invalid id or version', 'bad_request', 'validation_failed'),
			...writers(),
			404: err('No such schedule', 'not_found'),
			409: err(
				'The default schedule, or changed since `version` was read',
				'default_schedule',
				'version_conflict'
			)
		}
	},
	{
		method: 'get',
		path: '/schedule/sessions',
		summary: 'Every extended (weekend) session with the number of matters it covers',
		tag: 'schedule',
		auth: 'staff',
		responses: { 200: { description: 'The sessions', schema: s.SessionList }, ...writers() }
	},
	{
		method: 'post',
		path: '/schedule/sessions',
		summary: 'Create an extended session for matters given by id and by department',
		tag: 'schedule',
		auth: 'staff',
		body: s.SessionCreateBody,
		responses: {
			201: { description: 'Created', schema: s.SessionDetail },
			400: err(
				'Invalid input, hours, or an unknown matter or department',
				...HOURS,
				'unknown_matter',
				'unknown_department'
			),
			...writers()
		}
	},
	{
		method: 'get',
		path: '/schedule/sessions/{id}',
		summary: 'An extended session with its matters and version',
		tag: 'schedule',
		auth: 'staff',
		responses: {
			200: { description: 'The session', schema: s.SessionDetail },
			400: err('Invalid id', 'bad_request'),
			...writers(),
			404: err('No such session', 'not_found')
		}
	},
	{
		method: 'put',
		path: '/schedule/sessions/{id}',
		summary:
			'Update an extended session (versioned): `matterIds` replaces its matters (omitted: kept), `departmentIds` adds every active matter of those departments',
		tag: 'schedule',
		auth: 'staff',
		body: s.SessionUpdateBody,
		responses: {
			200: { description: 'Saved', schema: s.SessionDetail },
			400: err(
				'Invalid id, input, hours or unknown matter',
				'bad_request',
				...HOURS,
				'unknown_matter',
				'unknown_department'
			),
			...writers(),
			404: err('No such session', 'not_found'),
			409: stale('The session')
		}
	},
	{
		method: 'delete',
		path: '/schedule/sessions/{id}',
		summary: 'Delete an extended session with its matters and roster',
		tag: 'schedule',
		auth: 'staff',
		query: s.VersionQuery,
		responses: {
			204: { description: 'Deleted' },
			400: err('Invalid id or version', 'bad_request', 'validation_failed'),
			...writers(),
			404: err('No such session', 'not_found'),
			409: stale('The session')
		}
	},
	{
		method: 'get',
		path: '/schedule/sessions/{id}/roster',
		summary:
			"A session's seats on each of its dates from `from` to `to` (at most 92 days), and the seats that may be rostered",
		tag: 'schedule',
		auth: 'staff',
		query: s.RosterQuery,
		responses: {
			200: { description: 'The roster', schema: s.Roster },
			400: err('Invalid id or range', 'bad_request', 'validation_failed'),
			...writers(),
			404: err('No such session', 'not_found')
		}
	},
	{
		method: 'put',
		path: '/schedule/sessions/{id}/roster',
		summary:
			"Set a session's seats on a date (on the session's weekday), and on the same weekday for `repeatWeeks` more weeks",
		tag: 'schedule',
		auth: 'staff',
		body: s.RosterBody,
		responses: {
			200: { description: 'The dates set and their seats', schema: s.RosterSaved },
			400: err(
				'Invalid input, a date off the session’s weekday, or not an active agent',
				'bad_request',
				...BODY,
				'wrong_weekday',
				'unknown_agent'
			),
			...writers(),
			404: err('No such session', 'not_found')
		}
	},
	{
		method: 'get',
		path: '/schedule/schedules/{id}/roster',
		summary:
			"A language schedule's seats on each date from `from` to `to` (at most 92 days) it has hours on, and the seats that may be rostered",
		tag: 'schedule',
		auth: 'staff',
		query: s.RosterQuery,
		responses: {
			200: { description: 'The roster', schema: s.LanguageRoster },
			400: err('Invalid id or range', 'bad_request', 'validation_failed'),
			...writers(),
			404: err('No such schedule', 'not_found')
		}
	},
	{
		method: 'put',
		path: '/schedule/schedules/{id}/roster',
		summary:
			"Set the seats of a language schedule's hours (外语坐席) on a date, and on the same weekday for `repeatWeeks` more weeks (weeks it has no hours are skipped): in those hours only they take the language's calls",
		tag: 'schedule',
		auth: 'staff',
		body: s.RosterBody,
		responses: {
			200: { description: 'The dates set and their seats', schema: s.RosterSaved },
			400: err(
				'Invalid input, a date the schedule has no hours, a schedule not assigned to a language, or not an active agent',
				'bad_request',
				...BODY,
				'wrong_weekday',
				'not_language_schedule',
				'unknown_agent'
			),
			...writers(),
			404: err('No such schedule', 'not_found')
		}
	},
	{
		method: 'post',
		path: '/schedule/roster/copy-week',
		summary:
			'Copy every roster (sessions and language hours) of the week starting Monday `from` onto the week starting Monday `to` (replacing it)',
		tag: 'schedule',
		auth: 'staff',
		body: s.CopyWeekBody,
		responses: {
			200: { description: 'Entries copied', schema: s.CopyWeekResult },
			400: err('Invalid input, not Mondays, or the same week', ...BODY, 'not_monday', 'same_week'),
			...writers()
		}
	},
	{
		method: 'post',
		path: '/schedule/holidays/preview',
		summary:
			'Preview a holiday import (changes nothing): the holiday package’s `year`, or an uploaded ICS or JSON `file` as text',
		tag: 'schedule',
		auth: 'staff',
		body: s.HolidayPreviewBody,
		responses: {
			200: { description: 'The days an import would add', schema: s.HolidayPreview },
			400: err(
				'Invalid input, no package data for that year, or an unreadable file',
				...BODY,
				'no_data_for_year',
				'invalid_file'
			),
			...writers()
		}
	},
	{
		method: 'post',
		path: '/schedule/holidays/import',
		summary: 'Apply a confirmed holiday import; a manual exception on one of its dates is kept',
		tag: 'schedule',
		auth: 'staff',
		body: s.HolidayImportBody,
		responses: {
			200: { description: 'Dates added and manual dates kept', schema: s.HolidayImported },
			400: err('Invalid input', ...BODY, 'invalid_file'),
			...writers()
		}
	}
];
