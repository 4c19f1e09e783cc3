import * as OpenCC from 'opencc-js/t2cn';

// Hong Kong and Taiwan forms both fold to the mainland's simplified characters.
const toSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' });
const fromTaiwan = OpenCC.Converter({ from: 'tw', to: 'cn' });

const HAN = /\p{Script=Han}/u;

/** True when the text holds at least one Chinese character. */
export function hasHan(s: string): boolean {
	return HAN.test(s);
}

/** Full-width letters and digits folded to ASCII, lower case, spaces collapsed. */
export function plain(s: string): string {
	return s
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[\u3000\s]+/g, ' ')
		.trim();
}

/** `plain`, with traditional characters simplified (what a caller types). */
export function fold(s: string): string {
	const half = plain(s);
	return hasHan(half) ? fromTaiwan(toSimplified(half)) : half;
}

/** What a caller types around a matter's name ("我要办…", "…怎么办"), kept as data. */
export interface Fillers {
	prefix: string[];
	suffix: string[];
}

/** The query without the filler words around it (the query itself when nothing is left). */
export function stripFillers(q: string, fillers: Fillers): string {
	let s = q.replace(/[?？!！。，,.、]+/g, '').trim();
	for (let again = true; again;) {
		again = false;
		for (const p of fillers.prefix)
			if (s.startsWith(p) && s.length - p.length >= 2) {
				s = s.slice(p.length).trim();
				again = true;
			}
		for (const p of fillers.suffix)
			if (s.endsWith(p) && s.length - p.length >= 2) {
				s = s.slice(0, -p.length).trim();
				again = true;
			}
	}
	return s || q;
}
