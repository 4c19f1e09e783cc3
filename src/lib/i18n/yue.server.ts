import * as OpenCC from 'opencc-js/cn2t';
import { bookingZh } from './bookings';
import { callerZh } from './caller';
import { callerSessionZh } from './caller-session';
import { elderlyZh } from './elderly';
import { interpreterZh } from './interpreter';
import { finderZh } from './finder';
import { waitingZh } from './waiting';
import { toCantonese } from './yue';

let converter: ((s: string) => string) | null = null;
let lastUse = 0;
let release: ReturnType<typeof setTimeout> | undefined;
/** How long the converter is kept after its last use. */
const KEEP_MS = 60_000;

/**
 * Simplified (mainland) to traditional as written in Hong Kong. OpenCC's phrase tables take
 * about 45 MB of heap once built (0.4 s): the converter is built when first needed, and let go
 * a minute after its last use; what it produced is cached by its callers. It is called once per
 * text, so a use only notes the time: one timer checks it.
 */
export function toHongKong(s: string): string {
	converter ??= OpenCC.Converter({ from: 'cn', to: 'hk' });
	lastUse = Date.now();
	release ??= letGoIn(KEEP_MS);
	return converter(s);
}

function letGoIn(ms: number): ReturnType<typeof setTimeout> {
	const timer = setTimeout(() => {
		const idle = Date.now() - lastUse;
		if (idle < KEEP_MS) release = letGoIn(KEEP_MS - idle);
		else [converter, release] = [null, undefined];
	}, ms);
	timer.unref?.();
	return timer;
}

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

export interface HongKongNames {
	/** Characters written one way in 繁體 wherever they appear in these names. */
	chars: Record<string, string>;
	/** Whole names the characters alone would get wrong (签 is 簽 in 簽發 but 籤 elsewhere). */
	names: Record<string, string>;
}

const builtNames = new WeakMap<readonly string[], HongKongNames>();
/**
 * How the catalogue's names are written in Hong Kong, compactly: the characters that always
 * convert the same way, and the few whole names that need their phrase (see `nameIn`).
 */
export function hongKongNames(list: readonly string[]): HongKongNames {
	const have = builtNames.get(list);
	if (have) return have;
	const outputs = new Map<string, Set<string>>();
	const converted = list.map((n) => [n, toHongKong(n)] as const);
	for (const [n, t] of converted) {
		const a = [...n];
		const b = [...t];
		if (a.length !== b.length) continue;
		a.forEach((c, i) => {
			let o = outputs.get(c);
			if (!o) outputs.set(c, (o = new Set()));
			o.add(b[i]!);
		});
	}
	const chars: Record<string, string> = {};
	for (const [c, o] of outputs) {
		const [only] = o;
		if (o.size === 1 && only !== c) chars[c] = only!;
	}
	const names: Record<string, string> = {};
	for (const [n, t] of converted) if ([...n].map((c) => chars[c] ?? c).join('') !== t) names[n] = t;
	const out = { chars, names };
	builtNames.set(list, out);
	return out;
}
