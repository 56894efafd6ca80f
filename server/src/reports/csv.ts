// Reports as CSV the way Italian spreadsheets open them: UTF-8 with BOM, ';' separator, header row.
import { stringify } from 'csv-stringify/sync';
import type { FastifyReply, FastifyRequest } from 'fastify';

export function wantsCsv(request: FastifyRequest, format: string | undefined): boolean {
  if (format) return format === 'csv';
  return (request.headers.accept ?? '').includes('text/csv');
}

/** Numbers with a decimal comma, so a spreadsheet reads them as numbers. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value).replace('.', ',');
  return String(value);
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return `\uFEFF${stringify([header, ...rows.map((row) => row.map(cell))], { delimiter: ';', record_delimiter: '\r\n' })}`;
}

export function sendCsv(reply: FastifyReply, filename: string, header: string[], rows: unknown[][]) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('Content-Disposition', `attachment; filename="${filename}"`)
    .send(toCsv(header, rows));
}
