import { popularMatters } from '$lib/server/catalog/catalog';
import { listDepartments } from '$lib/server/catalog/queries';
import { appContext } from '$lib/server/context';
import type { PageServerLoad } from './$types';

/** The phone page: no login; the call's own caller token authenticates it. */
export const load: PageServerLoad = async () => {
	const ctx = await appContext();
	return {
		popular: popularMatters(ctx, 6),
		departments: listDepartments(ctx.db).map((d) => ({ id: d.id, name: d.name, nameEn: d.nameEn })),
		bookingOfferWait: ctx.cfg.BOOKING_OFFER_WAIT_SECONDS
	};
};
