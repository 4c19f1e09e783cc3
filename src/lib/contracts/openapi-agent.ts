import type { Op } from './openapi';

/** Agent console operations of /api/v1 beyond the routing core (notes, today's calls, interpreter…). */
export const agentOperations: Op[] = [];
