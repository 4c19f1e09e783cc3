import { json } from '@sveltejs/kit';
import { openApiDocument } from '$lib/contracts/openapi';
import type { RequestHandler } from './$types';

const doc = openApiDocument();

export const GET: RequestHandler = () => json(doc);
