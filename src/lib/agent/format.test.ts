import { describe, expect, it } from 'vitest';
import { translator } from '$lib/i18n';
import { boothLine, clock, offerKey, secondsLeft, secondsSince } from './format';

describe('offer countdown and call timer', () => {
	it('counts down whole seconds and stops at zero', () => {
		const now = Date.parse('2025-03-10T01:00:00Z');
		expect(secondsLeft('2025-03-10T01:00:04.200Z', now)).toBe(5);
		expect(secondsLeft('2025-03-10T00:59:00Z', now)).toBe(0);
		expect(secondsSince('2025-03-10T00:58:30Z', now)).toBe(90);
		expect(secondsSince(null, now)).toBe(0);
	});
	it('shows m:ss, and h:mm:ss for long calls', () => {
		expect(clock(0)).toBe('0:00');
		expect(clock(75)).toBe('1:15');
		expect(clock(3725)).toBe('1:02:05');
	});
});

describe('offer keys', () => {
	it('accepts with Enter and declines with Esc', () => {
		expect(offerKey('Enter', { tagName: 'BODY' })).toBe('accept');
		expect(offerKey('Escape', { tagName: 'BODY' })).toBe('decline');
		expect(offerKey('a', { tagName: 'BODY' })).toBeNull();
	});
	it('leaves Enter alone while typing or on a focused button', () => {
		expect(offerKey('Enter', { tagName: 'TEXTAREA' })).toBeNull();
		expect(offerKey('Enter', { tagName: 'input' })).toBeNull();
		expect(offerKey('Enter', { tagName: 'BUTTON' })).toBeNull();
		expect(offerKey('Enter', { tagName: 'DIV', isContentEditable: true })).toBeNull();
	});
});

describe('the booth a call comes from', () => {
	const t = translator('en');
	const zh = translator('zh-CN');
	it('names the town in English when it has an English name, else in Chinese, never as ()', () => {
		const booth = { boothName: 'Shiqiao market', boothTown: '市桥街', boothTownEn: 'Shiqiao' };
		expect(boothLine(t, booth, true)).toBe('Booth: Shiqiao market (Shiqiao)');
		expect(boothLine(t, { ...booth, boothTownEn: null }, true)).toBe(
			'Booth: Shiqiao market (市桥街)'
		);
		expect(boothLine(t, { ...booth, boothTown: null, boothTownEn: null }, true)).toBe(
			'Booth: Shiqiao market'
		);
		expect(boothLine(zh, booth, false)).toBe('政务晓屋：Shiqiao market（市桥街）');
	});
});
