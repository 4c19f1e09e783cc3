/**
 * Cantonese caller texts (繁體, Hong Kong forms) are derived from the zh-CN caller texts: the
 * phrases written Cantonese says differently are replaced first, then OpenCC (cn → hk, on the
 * server) converts the whole text, so the Cantonese words get Hong Kong character forms too.
 * Texts added to the zh-CN caller catalogue later are covered without a translation of their own.
 */

/** Written-Cantonese wording, in simplified characters, applied in order (longest first). */
export const YUE_PHRASES: readonly (readonly [string, string])[] = [
	['谢谢您', '多谢你'],
	['感谢您', '多谢你'],
	['您好', '你好'],
	['谢谢', '多谢'],
	['还没有', '仲未'],
	['没有找到', '搵唔到'],
	['找到', '搵到'],
	['没有', '冇'],
	['不需要', '唔使'],
	['不会', '唔会'],
	['不要', '唔好'],
	['不在', '唔喺'],
	['不清楚', '唔清楚'],
	['我们', '我哋'],
	['请稍候', '请等一等'],
	['马上', '即刻'],
	['现在', '而家'],
	['这台', '呢部'],
	['这次', '今次'],
	['这个', '呢个'],
	['哪里', '边度'],
	['什么', '咩'],
	['您的', '你嘅'],
	['您', '你']
];

type Catalogue = { [key: string]: string | Catalogue };

/** Applies the Cantonese phrases to one zh-CN text (before conversion). */
export function cantonesePhrases(text: string): string {
	let out = text;
	for (const [from, to] of YUE_PHRASES) out = out.split(from).join(to);
	return out;
}

/** A catalogue in written Cantonese: every text with the Cantonese wording, then converted. */
export function toCantonese<T extends Catalogue>(zh: T, convert: (s: string) => string): T {
	const out: Catalogue = {};
	for (const [k, v] of Object.entries(zh))
		out[k] = typeof v === 'string' ? convert(cantonesePhrases(v)) : toCantonese(v, convert);
	return out as T;
}
