import { tableCsv, tableXlsx, type ExportLang, type Table } from './export';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A table as a download: CSV (UTF-8 with BOM) or XLSX, named `<name>.<ext>`. */
export async function download(
	t: Table,
	ext: 'csv' | 'xlsx',
	name: string,
	lang?: ExportLang
): Promise<Response> {
	const disposition = `attachment; filename="${name}.${ext}"`;
	if (ext === 'csv')
		return new Response(tableCsv(t, lang), {
			headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': disposition }
		});
	return new Response(await tableXlsx(t, lang), {
		headers: { 'content-type': XLSX_TYPE, 'content-disposition': disposition }
	});
}
