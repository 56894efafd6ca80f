// Reports as CSV the way Italian spreadsheets open them: UTF-8 with BOM, ';' separator, header row.
import { Readable } from 'node:stream';
import type { Db } from '@bds/db';
import { readInTurns, type Batches } from '../snapshot-reads.ts';
import { stringify } from 'csv-stringify/sync';
import type { FastifyReply, FastifyRequest } from 'fastify';

export function wantsCsv(request: FastifyRequest, format: string | undefined): boolean {
  if (format) return format === 'csv';
  return (request.headers.accept ?? '').includes('text/csv');
}

/**
 * Numbers with a decimal comma, so a spreadsheet reads them as numbers. A text that a spreadsheet
 * would run as a formula (a username typed at a failed login: `=HYPERLINK(…)`) is written with a
 * leading apostrophe, which shows it as text.
 */
function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value).replace('.', ',');
  const text = String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function records(rows: unknown[][]): string {
  return stringify(
    rows.map((row) => row.map(cell)),
    { delimiter: ';', record_delimiter: '\r\n' },
  );
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return `\uFEFF${records([header, ...rows])}`;
}

/** The rows of a long CSV, a batch at a time, read from the connection it is given. */
export type CsvBatches = Batches<unknown[][]>;

/**
 * A long CSV written while it is read, one batch of rows at a time, so that it is never whole in
 * memory (the access log's export of up to 100,000 rows exhausted the server's heap as one
 * string), each batch on a turn of its own from a snapshot (`readInTurns`): read in one go, a
 * year's flats held every other request for longer than the 100 ms a request may wait behind bulk
 * work. Once its snapshot is open the request no longer holds up bulk writes while its client
 * downloads.
 */
export function sendCsvBatches(reply: FastifyReply, db: Db, filename: string, header: string[], batches: CsvBatches) {
  async function* chunks() {
    yield toCsv(header, []);
    for await (const rows of readInTurns(db, batches, () => reply.request.doneWithConnection())) {
      if (rows.length > 0) yield records(rows);
    }
  }
  return asCsvFile(reply, filename).send(Readable.from(chunks()));
}

export function sendCsv(reply: FastifyReply, filename: string, header: string[], rows: unknown[][]) {
  return asCsvFile(reply, filename).send(toCsv(header, rows));
}

function asCsvFile(reply: FastifyReply, filename: string): FastifyReply {
  return reply.type('text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="${filename}"`);
}
