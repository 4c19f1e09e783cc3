/** The outcome codes an agent records after a call (shared by the schema, API and forms). */
export const OUTCOME_CODES = [
	'done',
	'accepted',
	'need_docs',
	'referred',
	'booked',
	'info',
	'not_done'
] as const;

export type OutcomeCodeValue = (typeof OUTCOME_CODES)[number];
