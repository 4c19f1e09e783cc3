import { err, BODY, type Op } from './openapi-op';
import * as s from './quality-api';

const staffCases = () => ({
	401: err('Login required', 'unauthorized'),
	403: err(
		'Not an agent, supervisor or admin; another agent’s case; or outside the departments and towns the supervisor oversees',
		'forbidden',
		'out_of_scope'
	)
});

/** The quality desk: rectification cases of bad ratings and the 办不成事 queue. */
export const qualityOperations: Op[] = [
	{
		method: 'get',
		path: '/quality/cases',
		summary:
			'Follow-up cases, overdue first then by due date: an agent sees their own, a supervisor the calls of their scope (a department head their departments), an admin all. `step` is the next step to record (null when closed); deadlines are local dates in working days; `overdue` is past the contact deadline unverified or past the due date unrectified',
		tag: 'quality',
		auth: 'staff',
		query: s.CaseListQuery,
		responses: {
			200: { description: 'One page of cases', schema: s.CasePage },
			400: err('Invalid query', 'validation_failed'),
			...staffCases()
		}
	},
	{
		method: 'get',
		path: '/quality/cases/{id}',
		summary:
			'One case: the call’s facts as its handler saw them (personal data masked, nothing on who rated), its outcome and rating, the steps recorded with who and when, and whether the viewer may record the next step',
		tag: 'quality',
		auth: 'staff',
		responses: {
			200: { description: 'The case', schema: s.CaseDetail },
			400: err('Invalid id', 'bad_request'),
			...staffCases(),
			404: err('No such case', 'not_found')
		}
	},
	{
		method: 'post',
		path: '/quality/cases/{id}/steps',
		summary:
			'Record the next step of a case (verify → triage → rectify → feedback → callback → review; a 办不成事 case has no triage). The owner or a supervisor in scope records steps; a supervisor or admin reviews, closes and decides an appeal (upheld: closed and not counted; rejected: on to rectify). A callback that misses the citizen needs a note and counts as one try; after CALLBACK_TRIES the case may close. Audited',
		tag: 'quality',
		auth: 'staff',
		body: s.CaseStepBody,
		responses: {
			200: { description: 'The case after the step', schema: s.CaseDetail },
			400: err(
				'Invalid input, or the step lacks what it records',
				...BODY,
				'bad_request',
				'invalid_step'
			),
			...staffCases(),
			404: err('No such case', 'not_found'),
			409: err(
				'Not the next step, the case is closed, or it changed since the form was shown',
				'step_out_of_order',
				'case_closed',
				'version_conflict'
			)
		}
	}
];
