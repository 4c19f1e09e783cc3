import type { Op } from './openapi';

/** Caller-side operations of /api/v1 beyond the routing core (ratings, booth heartbeat…). */
export const callerOperations: Op[] = [];
