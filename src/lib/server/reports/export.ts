import ExcelJS from 'exceljs';
import type { Ranking, Summary } from '../../contracts/reports-api';
import { reportsEn, reportsZh } from '../../i18n/reports';
import { staffNames } from '../agents/queries';
import { listBooths } from '../booths/booths';
import { listDepartments, listTowns } from '../catalog/queries';
import type { Ctx } from '../context';
import { csvField } from '../supervisor/audit-csv';
import { formatShanghai } from '../schedule/hours';
import type { Period } from './period';
import { callFacts, type CallFactRow } from './queries';
import type { ReportViewer } from './reports';

/** The language of an export's headers: Chinese unless English is asked for. */
export type ExportLang = 'zh-CN' | 'en';
const textsOf = (lang: ExportLang | undefined) => (lang === 'en' ? reportsEn : reportsZh);
type Col = keyof typeof reportsZh.cols;

/** A table to export: its columns, which are rates (0..1), and its rows. */
export interface Table {
	sheet: string;
	columns: Col[];
	rates: Set<Col>;
	rows: Record<string, unknown>[];
}

const SUMMARY_COLS: Col[] = [
	'name',
	'handled',
	'rated',
	'activeRatingRate',
	'goodRate',
	'bad',
	'replyRate',
	'rectificationRate',
	'callbackRate',
	'callbackSatisfaction',
	'offered',
	'answered',
	'abandoned',
	'asaSeconds',
	'serviceLevel',
	'abandonRate',
	'ahtSeconds',
	'boothCalls'
];
const RATES = new Set<Col>([
	'activeRatingRate',
	'goodRate',
	'replyRate',
	'rectificationRate',
	'callbackRate',
	'callbackSatisfaction',
	'serviceLevel',
	'abandonRate',
	'serviceQuality',
	'rectification',
	'activeRating',
	'coverage'
]);

/** The summary as a table (its total as the last row). */
export function summaryTable(s: Summary, lang?: ExportLang): Table {
	const t = textsOf(lang);
	return {
		sheet: t.summaryTitle.replace('{{groupBy}}', t.groupBy[s.groupBy]),
		columns: SUMMARY_COLS,
		rates: RATES,
		rows: [...s.rows, { name: t.total, ...s.total }]
	};
}

/** The ranking as the newsletter prints it. */
export function rankingTable(r: Ranking): Table {
	return {
		sheet: r.quarter,
		columns: [
			'rank',
			'name',
			'score',
			'serviceQuality',
			'rectification',
			'activeRating',
			'coverage',
			'handled',
			'rated'
		],
		rates: RATES,
		rows: r.rows.map((x) => ({ ...x, ...x.components }))
	};
}

const round = (v: number, places: number) => Math.round(v * 10 ** places) / 10 ** places;

function cell(t: Table, c: Col, v: unknown): unknown {
	if (typeof v !== 'number') return v ?? '';
	if (t.rates.has(c)) return round(v, 4);
	return Number.isInteger(v) ? v : round(v, 1);
}

/** A table as CSV (UTF-8 with BOM for spreadsheets; rates as percentages). */
export function tableCsv(t: Table, lang?: ExportLang): string {
	const h = textsOf(lang).cols;
	const lines = [t.columns.map((c) => csvField(h[c])).join(',')];
	for (const r of t.rows)
		lines.push(
			t.columns
				.map((c) => {
					const v = cell(t, c, r[c]);
					return csvField(t.rates.has(c) && typeof v === 'number' ? `${round(v * 100, 1)}%` : v);
				})
				.join(',')
		);
	return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** A table as an XLSX workbook (exceljs), rates formatted as percentages. */
export async function tableXlsx(t: Table, lang?: ExportLang): Promise<ArrayBuffer> {
	const h = textsOf(lang).cols;
	const wb = new ExcelJS.Workbook();
	const ws = wb.addWorksheet(t.sheet.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '));
	ws.columns = t.columns.map((c) => ({
		header: h[c],
		key: c,
		width: c === 'name' ? 24 : 14,
		style: t.rates.has(c) ? { numFmt: '0.0%' } : {}
	}));
	ws.getRow(1).font = { bold: true };
	for (const r of t.rows)
		ws.addRow(Object.fromEntries(t.columns.map((c) => [c, cell(t, c, r[c])])));
	const buf = new Uint8Array(await wb.xlsx.writeBuffer());
	return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
}

const CALL_COLS: Col[] = [
	'callId',
	'arrivedAt',
	'department',
	'town',
	'booth',
	'agent',
	'outcome',
	'waitSeconds',
	'handleSeconds',
	'ratingScore',
	'caseRectified',
	'calledBack'
];

/**
 * The calls of a period as CSV, streamed: rows are read from SQLite a few hundred at a time as
 * the client takes them, so a quarter's calls are never all in memory. No free text and nothing
 * about the citizen; a department head gets their departments' calls.
 */
export function callsCsv(ctx: Ctx, viewer: ReportViewer, p: Period, lang?: ExportLang) {
	const t = textsOf(lang);
	const dept = new Map(
		listDepartments(ctx.db).map((d) => [d.id, lang === 'en' ? d.nameEn : d.name])
	);
	const town = new Map(
		listTowns(ctx.db).map((x) => [x.id, lang === 'en' ? (x.nameEn ?? x.name) : x.name])
	);
	const booth = new Map(listBooths(ctx).map((b) => [b.id, b.name]));
	const agent = new Map(staffNames(ctx.db).map((a) => [a.id, a.displayName]));
	const rows = callFacts(ctx.db, p.from, p.to, viewer.filter ? viewer.filter.departmentIds : null);
	const yes = (v: number) => (v ? t.yes : t.no);
	const line = (r: CallFactRow) =>
		[
			r.callId,
			formatShanghai(r.arrivedMs),
			dept.get(r.departmentId),
			r.townId === null ? '' : town.get(r.townId),
			r.boothId === null ? '' : booth.get(r.boothId),
			r.agentId === null ? '' : agent.get(r.agentId),
			r.answeredMs !== null
				? t.status.answered
				: r.abandonedMs !== null
					? t.status.abandoned
					: t.status.waiting,
			r.answeredMs === null ? '' : round((r.answeredMs - r.arrivedMs) / 1000, 1),
			r.ended ? round((r.talkMs + r.wrapMs) / 1000, 1) : '',
			r.score ?? '',
			r.caseRect ? yes(r.rectified) : '',
			r.caseRect ? yes(r.calledBack) : ''
		]
			.map(csvField)
			.join(',');
	const enc = new TextEncoder();
	let started = false;
	return new ReadableStream<Uint8Array>({
		pull(controller) {
			const out: string[] = [];
			if (!started) {
				started = true;
				out.push('\uFEFF' + CALL_COLS.map((c) => csvField(t.cols[c])).join(','));
			}
			for (let i = 0; i < 500; i++) {
				const n = rows.next();
				if (n.done) {
					if (out.length) controller.enqueue(enc.encode(out.join('\r\n') + '\r\n'));
					controller.close();
					return;
				}
				out.push(line(n.value));
			}
			controller.enqueue(enc.encode(out.join('\r\n') + '\r\n'));
		},
		cancel() {
			rows.return(undefined);
		}
	});
}
