// Reads a caseload spreadsheet into rows of text cells: an .xlsx workbook (its first sheet), or
// a CSV as Italian Excel saves it (UTF-8 with or without BOM, or Windows-1252; ';' or ',').
import { readFirstSheet, type SheetReadFailure } from './excel.ts';
import { readRecords } from '../interventions/csv-rows.ts';
import { checkZipInflation } from './zip-bound.ts';

/** The most projects one file may hold: every row is checked and its errors listed in memory. */
export const MAX_IMPORT_ROWS = 20_000;

const TOO_MANY_ROWS = `oltre ${MAX_IMPORT_ROWS.toLocaleString('it-IT')} righe: dividere il file in più importazioni`;

const WORKBOOK_FAILURE: Record<SheetReadFailure, string> = {
  unreadable: 'foglio .xlsx illeggibile: salvarlo di nuovo dal foglio di calcolo',
  'no-sheet': 'il foglio .xlsx non ha fogli di lavoro',
  'too-many-rows': TOO_MANY_ROWS,
};

export type SheetTable = { ok: true; header: string[]; rows: string[][] } | { ok: false; message: string };

const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export async function readSheet(file: Buffer): Promise<SheetTable> {
  if (file.length === 0) return { ok: false, message: 'file vuoto' };
  const records = file.subarray(0, 4).equals(ZIP_SIGNATURE) ? await readWorkbook(file) : await readCsv(decodeText(file));
  if (!Array.isArray(records)) return records;
  const [header, ...rows] = records;
  if (!header) return { ok: false, message: 'file vuoto' };
  if (rows.length === 0) return { ok: false, message: "nessuna riga di progetti sotto l'intestazione" };
  if (rows.length > MAX_IMPORT_ROWS) return { ok: false, message: TOO_MANY_ROWS };
  return { ok: true, header, rows };
}

/**
 * UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), otherwise Windows-1252: what Excel's
 * plain "CSV" choice writes on an Italian Windows, where a UTF-8 decoding would garble "à".
 */
function decodeText(file: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    return new TextDecoder('windows-1252').decode(file);
  }
}

/** Parsed in pieces, as a month's upload is: a 20,000-row file in one call held the event loop for about half a second. */
async function readCsv(text: string): Promise<string[][] | { ok: false; message: string }> {
  if (text.includes('\u0000')) return { ok: false, message: 'il file non è né un CSV né un foglio .xlsx' };
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') || !firstLine.includes(',') ? ';' : ',';
  const read = await readRecords(text, delimiter);
  if (read.ok) return read.records.map((record) => record.cells);
  // csv-parse's own message is English and quotes the raw bytes: give the line instead.
  const where = read.line === null ? '' : ` alla riga ${read.line}`;
  return { ok: false, message: `file CSV illeggibile${where}: controllare le virgolette e il separatore (;)` };
}

/** The zip is bounded here, before the worker inflates anything; the file's memory then goes to the worker. */
async function readWorkbook(file: Buffer): Promise<string[][] | { ok: false; message: string }> {
  const bounded = await checkZipInflation(file);
  if (!bounded.ok) return bounded;
  const read = await readFirstSheet(file, MAX_IMPORT_ROWS);
  return read.ok ? read.records : { ok: false, message: WORKBOOK_FAILURE[read.reason] };
}
