import { cantoneseCatalogue } from '$lib/i18n/yue.server';
import type { LayoutServerLoad } from './$types';

/** The caller pages carry the written-Cantonese texts (derived on the server, once per process). */
export const load: LayoutServerLoad = () => ({ yue: cantoneseCatalogue() });
