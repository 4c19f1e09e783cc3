import catalogue from './panyu-demo.json';
import { generatedMatters } from './generate';
import { moreMatters } from './more-matters';

/** One matter of the demo catalogue as the seed writes it. */
export interface DemoMatter {
	code: string;
	dept: string;
	name: string;
	en: string;
	level: 'district' | 'town';
	weekend: boolean;
	popularity: number;
}

/**
 * The demo catalogue's matters in insertion order (listed, generated, then the further
 * high-frequency ones), so ids are the same on every machine.
 */
export function demoMatters(): DemoMatter[] {
	const listed = catalogue.matters.map((m, i) => ({
		code: `PY-${m.dept.toUpperCase()}-${String(i + 1).padStart(3, '0')}`,
		dept: m.dept,
		name: m.name,
		en: m.en,
		level: m.level as 'district' | 'town',
		weekend: m.weekend,
		popularity: 1000 - i * 10
	}));
	const generated = generatedMatters().map((m, i) => ({
		...m,
		code: `PY-G-${String(i + 1).padStart(4, '0')}`,
		weekend: false,
		popularity: 0
	}));
	const more = moreMatters.map((m, i) => ({
		...m,
		code: `PY-M-${String(i + 1).padStart(3, '0')}`
	}));
	return [...listed, ...generated, ...more];
}

/** The demo departments (code, Chinese and English name). */
export function demoDepartments() {
	return catalogue.departments;
}
