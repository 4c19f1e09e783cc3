import { pinyin } from 'pinyin-pro';

/** One syllable per character of `text` (tone-less, ü as v; a non-Chinese character as itself). */
export function syllables(text: string): string[] {
	return pinyin(text, { toneType: 'none', type: 'array', v: true }).map((s) => s.toLowerCase());
}

/** Edit distance ≤ 1 (one letter added, dropped, changed or two swapped). */
export function near(a: string, b: string): boolean {
	if (a === b) return true;
	const la = a.length;
	const lb = b.length;
	if (Math.abs(la - lb) > 1) return false;
	let i = 0;
	while (i < la && i < lb && a[i] === b[i]) i++;
	if (la === lb) {
		if (a.slice(i + 1) === b.slice(i + 1)) return true;
		return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
	}
	return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

const FULL = 1;
const PREFIX = 0.8;
const FUZZY = 0.55;
const SKIP = -0.3;

// one buffer for every call: searches run one at a time in a process
let score = new Float64Array(0);
let used = new Int16Array(0);

/**
 * How well typed letters spell a run of the syllables: each syllable is spelled in full, by its
 * first letters (initials, "ylj"), or with one slip (≥ 3 letters); a syllable may be skipped
 * inside the run at a cost. 0 when the letters cannot be read that way, else (0, 1].
 */
export function pinyinSimilarity(letters: string, syl: readonly string[]): number {
	const L = letters.length;
	const n = syl.length;
	if (!L || !n) return 0;
	const w = n + 1;
	const size = (L + 1) * w;
	if (score.length < size) {
		score = new Float64Array(size * 2);
		used = new Int16Array(size * 2);
	}
	// score[i*w+j]: the best for letters[i..] with syllable j next; filled from the end
	for (let j = 0; j <= n; j++) {
		score[L * w + j] = 0;
		used[L * w + j] = 0;
	}
	for (let i = L - 1; i >= 0; i--) {
		score[i * w + n] = -Infinity;
		for (let j = n - 1; j >= 0; j--) {
			const s = syl[j]!;
			let best = -Infinity;
			let u = 0;
			if (s.charCodeAt(0) === letters.charCodeAt(i)) {
				const max = Math.min(s.length, L - i);
				let p = 1;
				while (p < max && s.charCodeAt(p) === letters.charCodeAt(i + p)) p++;
				// letters[i..i+p) spell the first p letters of s
				for (let k = p; k >= 1; k--) {
					const next = score[(i + k) * w + j + 1]!;
					const v = (k === s.length ? FULL : PREFIX) + next;
					if (v > best) {
						best = v;
						u = 1 + used[(i + k) * w + j + 1]!;
					}
				}
				if (s.length >= 3)
					for (let len = s.length - 1; len <= s.length + 1 && i + len <= L; len++) {
						const v = FUZZY + score[(i + len) * w + j + 1]!;
						if (v > best && near(letters.slice(i, i + len), s)) {
							best = v;
							u = 1 + used[(i + len) * w + j + 1]!;
						}
					}
			}
			if (i > 0) {
				const v = SKIP + score[i * w + j + 1]!;
				if (v > best) {
					best = v;
					u = 1 + used[i * w + j + 1]!;
				}
			}
			score[i * w + j] = best;
			used[i * w + j] = u;
		}
	}
	let best = 0;
	for (let j = 0; j < n; j++) {
		const v = score[j]!;
		if (v > 0 && syl[j]!.charCodeAt(0) === letters.charCodeAt(0))
			best = Math.max(best, v / used[j]!);
	}
	return Math.min(1, best);
}
