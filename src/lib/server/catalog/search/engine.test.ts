import { describe, expect, it } from 'vitest';
import { demoDemand, demoEntries, demoIndex } from './demo-index';
import { buildIndex, demandOf, searchIndex, type SearchEntry } from './engine';
import { expectedNames, runQueryTable } from './query-table';
import { vocabulary } from './vocabulary';

const entries = demoEntries();
const index = demoIndex();
const demand = demoDemand();
const byId = new Map(entries.map((e) => [e.id, e]));
const names = (q: string, n = 3) =>
	searchIndex(index, q)
		.slice(0, n)
		.map((h) => byId.get(h.id)!.name);

describe('matter search on the demo catalogue', () => {
	it('finds the expected matter in the top 3 for at least 90 % of the query table', () => {
		const known = new Set(entries.map((e) => e.name));
		expect(expectedNames().filter((n) => !known.has(n))).toEqual([]);
		const { outcomes, top3, p95 } = runQueryTable(index, entries, demand);
		const misses = outcomes.filter((o) => o.rank < 1 || o.rank > 3);
		console.log(
			`search query table: ${outcomes.length} queries, top3=${top3.toFixed(3)}, p95=${p95.toFixed(2)} ms; misses: ${misses.map((m) => `${m.q} → ${m.top[0] ?? '(nothing)'}`).join('; ') || 'none'}`
		);
		expect(outcomes.length).toBeGreaterThanOrEqual(200);
		expect(top3).toBeGreaterThanOrEqual(0.9);
	});

	it('forgives a typo, pinyin in full or by initials, and traditional characters', () => {
		expect(names('养老全')).toContain('企业职工基本养老金申领');
		expect(names('yanglaojin')[0]).toBe('企业职工基本养老金申领');
		expect(names('ylj')).toContain('企业职工基本养老金申领');
		expect(names('营业只照')).toContain('营业执照申请');
		expect(names('護照')[0]).toBe('普通护照签发');
		expect(names('办护照')[0]).toBe('普通护照签发');
		// Chinese and pinyin typed together
		expect(names('社保ka')).toContain('社会保障卡申领');
		// English, with a slip
		expect(names('pensoin claim')).toContain('企业职工基本养老金申领');
		// full-width letters from a Chinese keyboard
		expect(names('ｙａｎｇｌａｏｊｉｎ')[0]).toBe('企业职工基本养老金申领');
	});

	it('finds nothing for text that names no matter', () => {
		expect(searchIndex(index, '火星探险')).toEqual([]);
		expect(searchIndex(index, 'qqqqxz')).toEqual([]);
		expect(searchIndex(index, '   ')).toEqual([]);
	});

	it('ranks equally good matches by how often they are asked for', () => {
		const twin = (id: number): SearchEntry => ({
			id,
			name: '居住证申领',
			nameEn: 'Residence permit',
			departmentName: '区公安分局',
			departmentNameEn: 'Public Security'
		});
		const small = buildIndex([twin(1), twin(2), twin(3)], vocabulary);
		const asked = demandOf(
			new Map([
				[1, 3],
				[2, 40]
			])
		);
		expect(searchIndex(small, '居住证', { demand: asked }).map((h) => h.id)).toEqual([2, 1, 3]);
	});

	it('keeps only the matters a filter lets through (one department)', () => {
		const ga = entries.find((e) => e.name === '普通护照签发')!.departmentName;
		const hits = searchIndex(index, '证明', { filter: (e) => e.departmentName === ga });
		expect(hits.length).toBeGreaterThan(0);
		expect(hits.every((h) => byId.get(h.id)!.departmentName === ga)).toBe(true);
	});
});
