import { describe, expect, it } from 'vitest';
import { pickLocale, resources, translator } from './index';

function keys(o: object, prefix = ''): string[] {
	return Object.entries(o).flatMap(([k, v]) =>
		typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]
	);
}

describe('i18n', () => {
	it('English covers every Chinese key with a non-empty text', () => {
		const zh = keys(resources['zh-CN'].translation).sort();
		expect(keys(resources.en.translation).sort()).toEqual(zh);
		for (const k of zh) expect(translator('en')(k)).not.toBe('');
	});

	it('Japanese and Korean cover every caller text', () => {
		const caller = keys(resources['zh-CN'].translation.caller).sort();
		expect(keys(resources.ja.translation.caller).sort()).toEqual(caller);
		expect(keys(resources.ko.translation.caller).sort()).toEqual(caller);
		expect(translator('ja')('caller.call.hangUp')).toBe('通話を終了');
		expect(translator('ko')('caller.call.hangUp')).toBe('통화 종료');
		// Staff texts are not translated into ja/ko: they fall back to English, not to keys.
		expect(translator('ja')('app.logout')).toBe('Log out');
	});

	it('defaults to Chinese and honours the cookie, then an English-first browser', () => {
		expect(pickLocale(undefined, null)).toBe('zh-CN');
		expect(pickLocale(undefined, 'en-US,en;q=0.9')).toBe('en');
		expect(pickLocale(undefined, 'zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
		expect(pickLocale('zh-CN', 'en-US')).toBe('zh-CN');
		expect(pickLocale('fr', null)).toBe('zh-CN');
	});

	it('counts in the language’s plural forms', () => {
		expect(translator('en')('agent.mattersCount', { count: 1 })).toBe('1 matter');
		expect(translator('en')('agent.mattersCount', { count: 3 })).toBe('3 matters');
		expect(translator('zh-CN')('agent.mattersCount', { count: 1 })).toBe('1 项');
		expect(translator('en')('caller.resultCount', { count: 1 })).toBe('1 service found');
		expect(translator('en')('caller.resultCount', { count: 2 })).toBe('2 services found');
		expect(translator('en')('booking.free', { count: 1 })).toBe('1 place left');
		expect(translator('en')('skills.selected', { count: 1 })).toBe('1 seat selected');
		expect(translator('zh-CN')('caller.resultCount', { count: 1 })).toBe('找到 1 个事项');
	});

	it('interpolates values', () => {
		expect(translator('zh-CN')('agent.welcome', { name: '陈' })).toBe('您好，陈');
		expect(translator('en')('agent.welcome', { name: 'Chen' })).toBe('Hello, Chen');
	});
});
