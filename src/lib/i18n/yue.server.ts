import * as OpenCC from 'opencc-js/cn2t';
import { bookingZh } from './bookings';
import { callerZh } from './caller';
import { callerSessionZh } from './caller-session';
import { elderlyZh } from './elderly';
import { interpreterZh } from './interpreter';
import { finderZh } from './finder';
import { waitingZh } from './waiting';
import { toCantonese } from './yue';

/** Simplified (mainland) to traditional as written in Hong Kong. */
export const toHongKong = OpenCC.Converter({ from: 'cn', to: 'hk' });

/** The caller namespaces a Cantonese caller sees, as sent to the caller pages. */
export type CallerCatalogue = {
	caller: typeof callerZh;
	callerSession: typeof callerSessionZh;
	booking: typeof bookingZh;
	elderly: typeof elderlyZh;
	interp: typeof interpreterZh;
	waiting: typeof waitingZh;
	finder: typeof finderZh;
};

let built: CallerCatalogue | null = null;

/** The caller pages' texts in written Cantonese (built once per process). */
export function cantoneseCatalogue(): CallerCatalogue {
	built ??= {
		caller: toCantonese(callerZh, toHongKong),
		callerSession: toCantonese(callerSessionZh, toHongKong),
		booking: toCantonese(bookingZh, toHongKong),
		elderly: toCantonese(elderlyZh, toHongKong),
		interp: toCantonese(interpreterZh, toHongKong),
		waiting: toCantonese(waitingZh, toHongKong),
		finder: toCantonese(finderZh, toHongKong)
	};
	return built;
}
