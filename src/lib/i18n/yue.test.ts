import { describe, expect, it } from 'vitest';
import { resources, translator, addNameChars, addTexts, nameIn } from './index';
import { cantonesePhrases, toCantonese } from './yue';
import { cantoneseCatalogue, hongKongNames, toHongKong } from './yue.server';

function texts(o: object, prefix = ''): [string, string][] {
	return Object.entries(o).flatMap(([k, v]) =>
		typeof v === 'object' ? texts(v, `${prefix}${k}.`) : [[`${prefix}${k}`, v as string]]
	);
}

/** Characters OpenCC would still change: simplified forms left in a text. */
function simplifiedLeft(text: string): string[] {
	return [...new Set([...text])].filter(
		(ch) => /\p{Script=Han}/u.test(ch) && toHongKong(ch) !== ch
	);
}

describe('written Cantonese caller texts', () => {
	const yue = cantoneseCatalogue();
	const zh = resources['zh-CN'].translation;

	it('has a text for every caller key, with no simplified character left', () => {
		for (const ns of [
			'caller',
			'callerSession',
			'booking',
			'elderly',
			'interp',
			'waiting',
			'finder'
		] as const) {
			const want = texts(zh[ns]).map(([k]) => k);
			const got = texts(yue[ns]);
			expect(got.map(([k]) => k)).toEqual(want);
			for (const [k, v] of got) {
				expect(v, `${ns}.${k}`).not.toBe('');
				expect(simplifiedLeft(v), `${ns}.${k}: ${v}`).toEqual([]);
			}
		}
	});

	it('says what Cantonese says differently, and keeps the placeholders', () => {
		expect(yue.caller.thanks.heading).toBe('多謝你！');
		expect(yue.caller.noResults).toContain('揾唔到');
		expect(yue.caller.waiting.position).toBe('你前面還有 {{ahead}} 人，你排第 {{position}} 位');
		expect(cantonesePhrases('您好')).toBe('你好');
	});

	it('covers a text added to the zh-CN catalogue later without a translation of its own', () => {
		const later = toCantonese({ a: { b: '请带好身份证，没有的话请告诉工作人员' } }, toHongKong);
		expect(later.a.b).toBe('請帶好身份證，冇的話請告訴工作人員');
	});

	it('is what the caller screens show once the caller layout adds it', () => {
		addTexts('zh-HK', yue);
		expect(translator('zh-HK')('caller.call.hangUp')).toBe('掛斷');
		expect(translator('zh-HK')('caller.resultCount', { count: 3 })).toBe('揾到 3 個事項');
	});
});

describe('catalogue names on a written-Cantonese screen', () => {
	it('shows matter and department names in 繁體 there, and as they are elsewhere', () => {
		const names = ['内资有限责任公司设立登记', '区市场监督管理局', '普通护照签发'];
		const map = hongKongNames([...names, '抽签登记']);
		// only the characters Hong Kong writes otherwise are sent, and whole names where they
		// are written two ways (签: 簽發, 抽籤)
		expect(map.chars['资']).toBe('資');
		expect(map.chars['有']).toBeUndefined();
		expect(map.chars['签']).toBeUndefined();
		expect(Object.keys(map.names).sort()).toEqual(['抽签登记', '普通护照签发'].sort());
		addNameChars(map);
		expect(nameIn('zh-HK', names[0]!, 'Company registration')).toBe('內資有限責任公司設立登記');
		expect(nameIn('zh-HK', names[2]!)).toBe('普通護照簽發');
		expect(nameIn('zh-CN', names[0]!, 'Company registration')).toBe(names[0]);
		expect(nameIn('en', names[0]!, 'Company registration')).toBe('Company registration');
		expect(nameIn('ja', names[1]!, '')).toBe(names[1]);
	});
});
