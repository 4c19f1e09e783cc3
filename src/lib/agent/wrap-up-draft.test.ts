import { describe, expect, it } from 'vitest';
import { clearDraft, loadDraft, pruneDrafts, saveDraft, type WrapUpDraft } from './wrap-up-draft';

/** A Storage kept in a Map (the browser's localStorage has the same surface). */
class MapStorage {
	#m = new Map<string, string>();
	get length() {
		return this.#m.size;
	}
	key(i: number) {
		return [...this.#m.keys()][i] ?? null;
	}
	getItem(k: string) {
		return this.#m.get(k) ?? null;
	}
	setItem(k: string, v: string) {
		this.#m.set(k, v);
	}
	removeItem(k: string) {
		this.#m.delete(k);
	}
}

const draft: WrapUpDraft = {
	outcome: 'not_done',
	corrected: { id: 7, name: '养老金申领' },
	text: '缺少户口本',
	mail: true,
	address: '番禺区市桥街 1 号'
};

describe('wrap-up drafts', () => {
	it('come back per call after a reload and are gone once cleared', () => {
		const s = new MapStorage();
		saveDraft(s, 'call-a', draft);
		expect(loadDraft(s, 'call-a')).toEqual(draft);
		expect(loadDraft(s, 'call-b')).toBeNull();
		clearDraft(s, 'call-a');
		expect(loadDraft(s, 'call-a')).toBeNull();
	});

	it('ignore broken or day-old drafts, and pruning drops them', () => {
		const s = new MapStorage();
		s.setItem('cw.wrapUpDraft.broken', '{not json');
		saveDraft(s, 'old', draft, Date.now() - 25 * 3600 * 1000);
		saveDraft(s, 'fresh', draft);
		s.setItem('other-app', 'kept');
		expect(loadDraft(s, 'broken')).toBeNull();
		expect(loadDraft(s, 'old')).toBeNull();
		pruneDrafts(s);
		expect(s.length).toBe(2);
		expect(loadDraft(s, 'fresh')).toEqual(draft);
		expect(s.getItem('other-app')).toBe('kept');
	});

	it('take no storage quietly (server rendering, privacy mode)', () => {
		saveDraft(null, 'x', draft);
		expect(loadDraft(null, 'x')).toBeNull();
		const full = new MapStorage();
		full.setItem = () => {
			throw new Error('QuotaExceededError');
		};
		expect(() => saveDraft(full, 'x', draft)).not.toThrow();
	});
});
