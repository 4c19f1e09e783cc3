/** The search index of a catalogue: each matter's forms (name, synonyms, department) with their pinyin. */
import { fold, plain, type Fillers } from './normalize';
import { syllables } from './pinyin';

/** A matter as the search index reads it. */
export interface SearchEntry {
	id: number;
	name: string;
	nameEn: string;
	departmentName: string;
	departmentNameEn: string;
}

/** How often a matter is asked for, scaled to [0, 1] (1: the most asked-for). */
export type Demand = (id: number) => number;

/** Demand from counts (calls, plus a prior before history exists), on a log scale. */
export function demandOf(counts: ReadonlyMap<number, number>): Demand {
	let max = 1;
	for (const n of counts.values()) if (n > max) max = n;
	const top = Math.log1p(max);
	return (id) => Math.log1p(Math.max(0, counts.get(id) ?? 0)) / top;
}

/** Words that mean the same to a caller (社保 / 社会保险), and the filler words around a query. */
export interface Vocabulary {
	groups: string[][];
	fillers: Fillers;
}

/** One way a matter may be named: its name, a synonym of it, or its department. */
export interface Form {
	chars: string[];
	syl: string[];
	/** initial letters, to skip forms a letter query cannot start in */
	initials: string;
	/** the letters of its pinyin, one bit each (a–z) */
	letterMask: number;
	weight: number;
}

/** A matter in the index with its forms. */
export interface Doc {
	entry: SearchEntry;
	forms: Form[];
	/** where its forms start in the index's list of every form */
	firstForm: number;
	enWords: string[];
}

/** A built index: rebuilt when the catalogue changes, read by every keystroke's search. */
export interface SearchIndex {
	docs: Doc[];
	formCount: number;
	/** a character, or "~" and a syllable → the forms holding it (ascending, once each) */
	postings: Map<string, number[]>;
	/** how telling a character is: ln of (matters + 1) ÷ (matters naming it + 1) */
	idf: Map<string, number>;
	/** the same for a character no matter names (a slip, most likely) */
	unknownIdf: number;
	vocabulary: Vocabulary;
}

const NAME = 1;
const ALIAS = 0.97;
export const DEPARTMENT = 0.75;
const MAX_ALIASES = 16;
/** Below this a matter is not a result. */
export const THRESHOLD = 0.5;

/** One bit per letter a–z present in the text. */
export function maskOf(text: string): number {
	let m = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i) - 97;
		if (c >= 0 && c < 26) m |= 1 << c;
	}
	return m;
}

function form(text: string, syl: string[], weight: number): Form {
	return {
		chars: [...text],
		syl,
		initials: syl.map((s) => s[0]).join(''),
		letterMask: maskOf(syl.join('')),
		weight
	};
}

/** The name with each synonym swapped in (one swap, then a second on top), pinyin spliced. */
function aliases(
	name: string,
	syl: string[],
	vocabulary: Vocabulary,
	pinyinOf: (s: string) => string[]
) {
	const out = new Map<string, string[]>();
	const swap = (text: string, ts: string[], depth: number) => {
		for (const group of vocabulary.groups) {
			const hit = group.filter((t) => text.includes(t)).sort((a, b) => b.length - a.length)[0];
			if (!hit) continue;
			const at = [...text.slice(0, text.indexOf(hit))].length;
			const len = [...hit].length;
			for (const other of group) {
				if (other === hit || out.size >= MAX_ALIASES) continue;
				const next = text.replace(hit, other);
				if (next === name || out.has(next)) continue;
				const nextSyl = [...ts.slice(0, at), ...pinyinOf(other), ...ts.slice(at + len)];
				out.set(next, nextSyl);
				if (depth < 1) swap(next, nextSyl, depth + 1);
			}
		}
	};
	swap(name, syl, 0);
	return out;
}

/** Builds the index once for a catalogue (pinyin, synonyms, demand) — tens of milliseconds. */
export function buildIndex(entries: SearchEntry[], vocabulary: Vocabulary): SearchIndex {
	const cache = new Map<string, string[]>();
	const pinyinOf = (s: string) => {
		let v = cache.get(s);
		if (!v) cache.set(s, (v = syllables(s)));
		return v;
	};
	let formCount = 0;
	const docs = entries.map((entry): Doc => {
		const name = plain(entry.name);
		const syl = pinyinOf(name);
		const dept = plain(entry.departmentName);
		const forms = [form(name, syl, NAME), form(dept, pinyinOf(dept), DEPARTMENT)];
		for (const [text, s] of aliases(name, syl, vocabulary, pinyinOf))
			forms.push(form(text, s, ALIAS));
		formCount += forms.length;
		return {
			entry,
			forms,
			firstForm: formCount - forms.length,
			enWords: `${entry.nameEn} ${entry.departmentNameEn}`
				.toLowerCase()
				.split(/[^a-z0-9]+/)
				.filter(Boolean)
		};
	});
	const postings = new Map<string, number[]>();
	const post = (key: string, fi: number) => {
		const list = postings.get(key);
		if (!list) postings.set(key, [fi]);
		else if (list[list.length - 1] !== fi) list.push(fi);
	};
	for (const d of docs)
		d.forms.forEach((f, k) => {
			for (const c of f.chars) post(c, d.firstForm + k);
			for (const sy of f.syl) post(`~${sy}`, d.firstForm + k);
		});
	const df = new Map<string, number>();
	for (const d of docs) {
		const chars = new Set(d.forms.filter((f) => f.weight !== DEPARTMENT).flatMap((f) => f.chars));
		for (const c of chars) df.set(c, (df.get(c) ?? 0) + 1);
	}
	const idfOf = (n: number) => Math.max(0.3, Math.log((docs.length + 1) / (n + 1)));
	return {
		docs,
		formCount,
		postings,
		idf: new Map([...df].map(([c, n]) => [c, idfOf(n)])),
		unknownIdf: idfOf(Math.max(1, docs.length / 50)),
		vocabulary: { ...vocabulary, groups: vocabulary.groups.map((g) => g.map(fold)) }
	};
}
