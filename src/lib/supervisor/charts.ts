import type { WallHour, WallWaitingSample } from '$lib/contracts/supervisor-api';

/** The texts a chart needs, already translated. */
export interface ChartTexts {
	offered: string;
	answered: string;
	abandoned: string;
	serviceLevel: string;
	waiting: string;
	/** The chart's title for screen readers. */
	title: string;
}

/** Sizes and colours for the wall (compact) or the hall's screen (large, dark). */
export interface ChartLook {
	font: number;
	ink: string;
	line: string;
}

export const WALL_LOOK: ChartLook = { font: 12, ink: '#1f2933', line: '#d9dee5' };
export const SCREEN_LOOK: ChartLook = { font: 24, ink: '#e5e7eb', line: '#374151' };

const COLORS = { offered: '#1d4ed8', answered: '#15803d', abandoned: '#b91c1c', sl: '#b45309' };

/** The hours worth showing: from 08:00 (or the first call) to now (or the last call). */
export function shownHours(hours: WallHour[], nowHour: number): WallHour[] {
	const busy = hours.filter((h) => h.offered > 0).map((h) => h.hour);
	const from = Math.min(8, ...busy);
	const to = Math.max(nowHour, ...busy);
	return hours.filter((h) => h.hour >= from && h.hour <= to);
}

/** "09:00" for hour 9. */
export const hourLabel = (h: number) => `${String(h).padStart(2, '0')}:00`;

/** "14:05" for an instant, in Asia/Shanghai. */
export function minuteLabel(iso: string): string {
	return new Date(iso).toLocaleTimeString('en-GB', {
		timeZone: 'Asia/Shanghai',
		hour: '2-digit',
		minute: '2-digit',
		hour12: false
	});
}

/** A service level as a whole percentage, or null ("no calls yet"). */
export const percent = (v: number | null) => (v === null ? null : Math.round(v * 100));

function base(look: ChartLook, t: ChartTexts, categories: string[]) {
	const text = { color: look.ink, fontSize: look.font };
	return {
		animation: false,
		aria: { enabled: true, label: { description: t.title } },
		textStyle: text,
		grid: { left: look.font * 3, right: look.font, top: look.font * 3, bottom: look.font * 2.2 },
		tooltip: { trigger: 'axis' },
		xAxis: {
			type: 'category',
			data: categories,
			axisLabel: text,
			axisLine: { lineStyle: { color: look.line } }
		}
	};
}

const valueAxis = (look: ChartLook, extra: Record<string, unknown> = {}) => ({
	type: 'value',
	minInterval: 1,
	axisLabel: { color: look.ink, fontSize: look.font },
	splitLine: { lineStyle: { color: look.line } },
	...extra
});

/** Calls per hour today: offered, answered and abandoned, side by side. */
export function callsOption(hours: WallHour[], t: ChartTexts, look: ChartLook) {
	const bar = (name: string, color: string, data: number[]) => ({
		type: 'bar',
		name,
		data,
		itemStyle: { color }
	});
	return {
		...base(
			look,
			t,
			hours.map((h) => hourLabel(h.hour))
		),
		legend: { top: 0, textStyle: { color: look.ink, fontSize: look.font } },
		yAxis: valueAxis(look),
		series: [
			bar(
				t.offered,
				COLORS.offered,
				hours.map((h) => h.offered)
			),
			bar(
				t.answered,
				COLORS.answered,
				hours.map((h) => h.answered)
			),
			bar(
				t.abandoned,
				COLORS.abandoned,
				hours.map((h) => h.abandoned)
			)
		]
	};
}

/** Service level by hour, in %; an hour with no calls is a gap, not 0 %. */
export function serviceLevelOption(hours: WallHour[], t: ChartTexts, look: ChartLook) {
	return {
		...base(
			look,
			t,
			hours.map((h) => hourLabel(h.hour))
		),
		yAxis: valueAxis(look, {
			min: 0,
			max: 100,
			axisLabel: { color: look.ink, fontSize: look.font, formatter: '{value}%' }
		}),
		series: [
			{
				type: 'line',
				name: t.serviceLevel,
				data: hours.map((h) => percent(h.serviceLevel)),
				connectNulls: false,
				symbolSize: look.font / 2,
				lineStyle: { width: look.font / 5, color: COLORS.sl },
				itemStyle: { color: COLORS.sl }
			}
		]
	};
}

/** Callers waiting over the last hour, once a minute. */
export function waitingOption(samples: WallWaitingSample[], t: ChartTexts, look: ChartLook) {
	return {
		...base(
			look,
			t,
			samples.map((s) => minuteLabel(s.at))
		),
		yAxis: valueAxis(look),
		series: [
			{
				type: 'line',
				name: t.waiting,
				step: 'end',
				showSymbol: false,
				data: samples.map((s) => s.waiting),
				areaStyle: { color: 'rgba(29, 78, 216, 0.18)' },
				lineStyle: { width: look.font / 6, color: COLORS.offered }
			}
		]
	};
}
