import { describe, expect, it } from 'vitest';
import { maskDeep, maskText } from './privacy';

describe('masking personal data in free text', () => {
	it('masks ID card and mobile numbers wherever they are in a sentence', () => {
		expect(maskText('市民身份证 44010119900307123X 要求回电 13812345678')).toBe(
			'市民身份证 4401**********123X 要求回电 138****5678'
		);
		expect(maskText('old id 440101900307123 ok')).toBe('old id 4401********123 ok');
		expect(maskText('call +86 138-1234-5678 back')).toBe('call 138****5678 back');
	});

	it('leaves ordinary text, times, ids and counts alone', () => {
		for (const s of [
			'临时培训',
			'2026-12-01T14:16:33.998Z',
			'call 097f583d-2231-4037-afbd-dbcd9e7467f9',
			'offer 1764599000123-0',
			'waited 1234 s',
			'order 12345678901234567890'
		])
			expect(maskText(s)).toBe(s);
	});

	it('masks every string of a nested value and keeps its shape', () => {
		expect(
			maskDeep({ reason: '回电 13912345678', n: 3, list: ['身份证440101199003071234'], ok: true })
		).toEqual({ reason: '回电 139****5678', n: 3, list: ['身份证4401**********1234'], ok: true });
	});
});
