import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { seriousViolations } from './a11y';
import { expect, test } from './fixtures';
import { gotoReady } from './pages/ready';

/** The quarter holding yesterday (Asia/Shanghai; the demo's history ends yesterday) and its URL. */
function lastQuarterWithHistory(): string {
	const d = new Date(Date.now() + 8 * 3_600_000 - 86_400_000);
	return `${d.getUTCFullYear()}Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
}
const yesterday = () =>
	new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
const quarterUrl = (quarter: string) =>
	`/reports?period=quarter&at=${yesterday()}&quarter=${quarter}&of=department`;

async function downloaded(page: Page, link: string) {
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByTestId('report-ranking').getByRole('link', { name: link }).click()
	]);
	return { name: download.suggestedFilename(), file: fs.readFileSync((await download.path())!) };
}

test('the quarter’s ranking table shows the department with its rank, score and components', async ({
	supervisorPage: page
}) => {
	const quarter = lastQuarterWithHistory();
	await gotoReady(page, quarterUrl(quarter));
	const ranking = page.getByTestId('report-ranking');
	await expect(ranking.getByRole('heading', { level: 2 })).toContainText(`${quarter} 综合评价排名`);
	for (const h of ['排名', '名称', '综合得分', '服务质量', '差评整改', '主动评价率', '回访覆盖'])
		await expect(ranking.getByRole('columnheader', { name: h, exact: true })).toBeVisible();
	const row = ranking.getByRole('row').filter({ hasText: '区税务局' });
	await expect(row).toHaveCount(1);
	await expect(row.getByRole('cell').first()).toHaveText(/^\d+$/);
	await expect(row.getByRole('cell').nth(1)).toHaveText(/^\d{1,3}\.\d{2}$/);
	// the figures by department for the same period, with the total
	const summary = page.getByTestId('report-summary');
	await expect(summary.getByRole('rowheader', { name: '区税务局' })).toBeVisible();
	await expect(summary.getByRole('rowheader', { name: '合计' })).toBeVisible();
});

test('the ranking downloads as CSV and XLSX with Chinese headers and the department’s row', async ({
	supervisorPage: page
}) => {
	const quarter = lastQuarterWithHistory();
	await gotoReady(page, quarterUrl(quarter));
	await expect(page.getByTestId('report-ranking').getByRole('row').nth(1)).toBeVisible();

	const csv = await downloaded(page, '下载 CSV');
	expect(csv.name).toBe(`ranking-department-${quarter}.csv`);
	const lines = csv.file
		.toString('utf8')
		.replace(/^\uFEFF/, '')
		.trim()
		.split(/\r\n/);
	expect(lines[0]).toBe('排名,名称,综合得分,服务质量,差评整改,主动评价率,回访覆盖,办件量,评价数');
	expect(lines.find((l) => l.split(',')[1] === '区税务局')).toMatch(/^\d+,区税务局,\d+(\.\d+)?,\d/);

	const xlsx = await downloaded(page, '下载 Excel');
	expect(xlsx.name).toBe(`ranking-department-${quarter}.xlsx`);
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(
		xlsx.file.buffer.slice(
			xlsx.file.byteOffset,
			xlsx.file.byteOffset + xlsx.file.byteLength
		) as ArrayBuffer
	);
	const ws = wb.worksheets[0]!;
	expect(ws.getRow(1).getCell(1).value).toBe('排名');
	expect(ws.getRow(1).getCell(3).value).toBe('综合得分');
	const rows = Array.from({ length: ws.rowCount - 1 }, (_, i) => ws.getRow(i + 2));
	const tax = rows.find((r) => r.getCell(2).value === '区税务局');
	expect(tax, 'the department’s row').toBeDefined();
	expect(typeof tax!.getCell(1).value).toBe('number');
	expect(typeof tax!.getCell(3).value).toBe('number');
});

test('the summary downloads as CSV with its total; /reports has no serious accessibility finding', async ({
	supervisorPage: page
}) => {
	const quarter = lastQuarterWithHistory();
	await gotoReady(page, quarterUrl(quarter));
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByTestId('report-summary').getByRole('link', { name: '下载 CSV' }).click()
	]);
	const text = fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
	const lines = text.trim().split(/\r\n/);
	expect(lines[0]).toMatch(
		/^名称,办件量,评价数,主动评价率,好评率,差评数,差评回复率,差评整改率,回访率/
	);
	expect(lines.at(-1)).toMatch(/^合计,\d+,\d+,\d/);
	expect(await seriousViolations(page)).toEqual([]);
	// the charts' data as tables, opened from the keyboard
	await page.getByText('图表数据表').first().focus();
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('table-trend')).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);
});
