/** ECharts options of the reports page: the daily trend and the comparison of units. */

export interface TrendPoint {
	day: string;
	handled: number;
	goodRate: number | null;
}

export interface UnitPoint {
	name: string;
	goodRate: number | null;
	serviceLevel: number | null;
}

const INK = '#1f2933';
const LINE = '#d9dee5';
const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

const axis = (categories: string[]) => ({
	type: 'category',
	data: categories,
	axisLine: { lineStyle: { color: LINE } },
	axisLabel: { color: INK, hideOverlap: true }
});
const percentAxis = {
	type: 'value',
	min: 0,
	max: 100,
	axisLabel: { formatter: '{value}%', color: INK },
	splitLine: { lineStyle: { color: LINE } }
};

/** Cases handled per day (bars) and the good rate (line). */
export function trendOption(
	points: TrendPoint[],
	t: { handled: string; goodRate: string; title: string }
) {
	return {
		animation: false,
		aria: { enabled: true, label: { description: t.title } },
		textStyle: { color: INK, fontSize: 12 },
		grid: { left: 48, right: 48, top: 36, bottom: 28 },
		tooltip: { trigger: 'axis' },
		legend: { top: 0 },
		xAxis: axis(points.map((p) => p.day.slice(5))),
		yAxis: [
			{
				type: 'value',
				minInterval: 1,
				axisLabel: { color: INK },
				splitLine: { lineStyle: { color: LINE } }
			},
			{ ...percentAxis, splitLine: { show: false } }
		],
		series: [
			{
				name: t.handled,
				type: 'bar',
				data: points.map((p) => p.handled),
				itemStyle: { color: '#1d4ed8' }
			},
			{
				name: t.goodRate,
				type: 'line',
				yAxisIndex: 1,
				data: points.map((p) => pct(p.goodRate)),
				itemStyle: { color: '#15803d' },
				connectNulls: true
			}
		]
	};
}

/** Good rate and service level per unit, side by side. */
export function compareOption(
	units: UnitPoint[],
	t: { goodRate: string; serviceLevel: string; title: string }
) {
	return {
		animation: false,
		aria: { enabled: true, label: { description: t.title } },
		textStyle: { color: INK, fontSize: 12 },
		grid: { left: 48, right: 16, top: 36, bottom: 64 },
		tooltip: { trigger: 'axis' },
		legend: { top: 0 },
		xAxis: {
			...axis(units.map((u) => u.name)),
			axisLabel: { color: INK, rotate: 30, interval: 0 }
		},
		yAxis: percentAxis,
		series: [
			{
				name: t.goodRate,
				type: 'bar',
				data: units.map((u) => pct(u.goodRate)),
				itemStyle: { color: '#15803d' }
			},
			{
				name: t.serviceLevel,
				type: 'bar',
				data: units.map((u) => pct(u.serviceLevel)),
				itemStyle: { color: '#b45309' }
			}
		]
	};
}
