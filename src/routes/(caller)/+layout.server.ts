import { chineseCatalogueNames } from '$lib/server/catalog/catalog';
import { appContext } from '$lib/server/context';
import { cantoneseCatalogue, hongKongNames } from '$lib/i18n/yue.server';
import type { LayoutServerLoad } from './$types';

/**
 * The caller pages carry the written-Cantonese texts (derived on the server, once per process)
 * and the characters the catalogue's names are written with in 繁體.
 */
export const load: LayoutServerLoad = async () => ({
	yue: cantoneseCatalogue(),
	yueChars: hongKongNames(chineseCatalogueNames(await appContext()))
});
