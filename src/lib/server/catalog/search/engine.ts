/** Searching a built index: how well typed text matches each matter, then how often it is asked for. */
import {
	maskOf,
	THRESHOLD,
	type Demand,
	type Doc,
	type Form,
	type SearchEntry,
	type SearchIndex
} from './build';
import { fold, hasHan, stripFillers } from './normalize';
import { near, pinyinSimilarity, syllables } from './pinyin';

export {
	buildIndex,
	demandOf,
	THRESHOLD,
	type Demand,
	type SearchEntry,
	type SearchIndex,
	type Vocabulary
} from './build';

/** How much the most asked-for matter gains over one never asked for. */
const DEMAND_WEIGHT = 0.15;

/** How many bits are set. */
function bits(m: number): number {
	let n = 0;
	for (; m; m &= m - 1) n++;
	return n;
}

/**
 * How well Chinese text matches a form: each typed character found in the name (or one that
 * sounds the same, a typing slip like 只 for 执), with credit for characters that follow each
 * other as typed, each counted by how telling it is (护 says more than 申). A character typed
 * wrongly between two right ones still counts a little. 1 when the text is inside the name.
 */
function charSimilarity(q: Query, f: Form): number {
	let got = 0;
	let pairs = 0;
	let prev = -2;
	let prevW = 0;
	let lastHit = -9;
	let lastPos = -2;
	const n = f.chars.length;
	for (let i = 0; i < q.chars.length; i++) {
		const c = q.chars[i];
		const cs = q.syl[i]!;
		const homophone = cs.length > 1;
		let pos = -1;
		let w = 0;
		let rank = -1;
		for (let p = 0; p < n; p++) {
			const cw = f.chars[p] === c ? 1 : homophone && f.syl[p] === cs ? 0.7 : 0;
			if (cw === 0) continue;
			// the best is the next character as typed; then a later one; then any
			const r = cw + (p === prev + 1 ? 2 : p > prev ? 1 : 0);
			if (r > rank) {
				pos = p;
				w = cw;
				rank = r;
			}
		}
		if (pos < 0) {
			prev = -2;
			continue;
		}
		const u = q.weights[i]!;
		got += w * u;
		if (i > 0 && pos === prev + 1) pairs += Math.min(w * u, prevW);
		// one wrong character between two right ones: 居往证 for 居住证
		if (i - lastHit === 2 && pos - lastPos === 2) {
			const sub = 0.4 * q.weights[i - 1]!;
			got += sub;
			pairs += sub;
		}
		prev = pos;
		prevW = w * u;
		lastHit = i;
		lastPos = pos;
	}
	if (got === 0) return 0;
	const sim = (got + pairs) / q.total;
	// of two names that hold the query, the shorter is the closer
	return sim * (0.96 + 0.04 * Math.min(1, q.chars.length / n));
}

/** Share of the typed English words that begin a word of the matter (a long one may hold a slip). */
function englishSimilarity(words: string[], doc: Doc): number {
	let hit = 0;
	for (const w of words)
		if (
			doc.enWords.some(
				(e) =>
					e.startsWith(w) ||
					(w.length >= 5 && (e.startsWith(w.slice(0, -1)) || near(w, e.slice(0, w.length))))
			)
		)
			hit++;
	return hit / words.length;
}

interface Query {
	han: boolean;
	/** Chinese and letters typed together ("社保ka"): read as pinyin too */
	mixed: boolean;
	/** how telling each character is, and what a perfect match scores */
	weights: number[];
	total: number;
	chars: string[];
	syl: string[];
	letters: string;
	letterMask: number;
	words: string[];
}

function prepare(index: SearchIndex, text: string): Query {
	const han = hasHan(text);
	const compact = text.replace(/\s+/g, '');
	const chars = [...compact];
	const syl = han ? syllables(compact) : [];
	const weights = chars.map((c) => index.idf.get(c) ?? index.unknownIdf);
	let total = weights.reduce((a, b) => a + b, 0);
	for (let i = 1; i < weights.length; i++) total += Math.min(weights[i - 1]!, weights[i]!);
	return {
		han,
		mixed: han && /[a-z]/.test(compact),
		chars,
		syl,
		weights,
		total,
		letters: (han ? syl.join('') : compact).replace(/[^a-z]/g, ''),
		letterMask: maskOf(han ? syl.join('') : compact),
		words: han ? [] : text.split(/[^a-z0-9]+/).filter(Boolean)
	};
}

/**
 * For a Chinese query, which forms hold at least half of its characters (or characters that
 * sound the same): no other form can reach the threshold, so only these are scored.
 */
function candidates(index: SearchIndex, q: Query): Uint8Array {
	const count = new Uint8Array(index.formCount);
	const seen = new Int16Array(index.formCount).fill(-1);
	q.chars.forEach((c, i) => {
		for (const key of [c, `~${q.syl[i]}`])
			for (const fi of index.postings.get(key) ?? [])
				if (seen[fi] !== i) {
					seen[fi] = i;
					count[fi] = count[fi]! + 1;
				}
	});
	const need = Math.max(1, Math.ceil(q.chars.length / 2));
	for (let fi = 0; fi < count.length; fi++) count[fi] = count[fi]! >= need ? 1 : 0;
	return count;
}

function similarity(q: Query, doc: Doc, pick: Uint8Array | null): number {
	let best = q.words.length ? englishSimilarity(q.words, doc) : 0;
	for (let k = 0; k < doc.forms.length; k++) {
		const f = doc.forms[k]!;
		if (best >= f.weight) continue;
		let s = 0;
		if (q.han) {
			if (pick && !pick[doc.firstForm + k]) continue;
			s = charSimilarity(q, f);
			// a single character must be in the name itself
			if (q.chars.length === 1 && !f.chars.includes(q.chars[0]!)) s = 0;
			else if (q.mixed && s < 0.9) s = Math.max(s, 0.9 * pinyinSimilarity(q.letters, f.syl));
		} else if (
			q.letters &&
			f.initials.includes(q.letters[0]!) &&
			// every typed letter is in the pinyin, but for one slip
			bits(q.letterMask & ~f.letterMask) <= 1
		) {
			s = pinyinSimilarity(q.letters, f.syl);
		}
		best = Math.max(best, s * f.weight);
	}
	return best;
}

/** One result: the matter's id, how well it matched and its rank score. */
export interface SearchHit {
	id: number;
	score: number;
}

/**
 * Matters matching the query, best first: how well the name (or a synonym of it, or its
 * department) matches the typed text — characters, pinyin in full or by initials, traditional
 * characters, one slip — then how often the matter is asked for.
 */
export function searchIndex(
	index: SearchIndex,
	raw: string,
	opts: { demand?: Demand; filter?: (e: SearchEntry) => boolean } = {}
): SearchHit[] {
	const { demand, filter } = opts;
	const folded = fold(raw);
	if (!folded) return [];
	const variants = [...new Set([folded, stripFillers(folded, index.vocabulary.fillers)])].map((v) =>
		prepare(index, v)
	);
	const picks = variants.map((v) => (v.han && !v.mixed ? candidates(index, v) : null));
	const hits: SearchHit[] = [];
	for (const doc of index.docs) {
		if (filter && !filter(doc.entry)) continue;
		let sim = 0;
		variants.forEach((v, i) => (sim = Math.max(sim, similarity(v, doc, picks[i]!))));
		if (sim < THRESHOLD) continue;
		hits.push({
			id: doc.entry.id,
			score: sim + (demand ? DEMAND_WEIGHT * demand(doc.entry.id) : 0)
		});
	}
	return hits.sort((a, b) => b.score - a.score || a.id - b.id);
}
