import { describe, expect, it } from 'vitest';
import { csvField } from './audit-csv';

describe('csvField', () => {
	it('leaves plain text, Chinese included, as it is', () => {
		expect(csvField('值班长 张三')).toBe('值班长 张三');
		expect(csvField(42)).toBe('42');
		expect(csvField(null)).toBe('');
	});
	it('quotes commas, quotes and line breaks, doubling quotes', () => {
		expect(csvField('a,b')).toBe('"a,b"');
		expect(csvField('say "hi"')).toBe('"say ""hi"""');
		expect(csvField('one\ntwo')).toBe('"one\ntwo"');
	});
	it('keeps a spreadsheet from reading a cell as a formula', () => {
		expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
		expect(csvField('-1')).toBe("'-1");
	});
});
