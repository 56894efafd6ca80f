// Reads a cooperative's monthly CSV file into typed entries, naming every bad cell. Accepts what
// Italian spreadsheets write: ';' separator, decimal comma, dates as AAAA-MM-GG or GG/MM/AAAA,
// Italian or English column and axis names. Cells are checked by the same field schemas as a
// JSON intervention. The file is read in slices that give the event loop back between them.
import { createHash } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import {
  AXIS_LABELS,
  formatMonth,
  idSchema,
  interventionFields,
  parseCalendarDate,
  type Axis,
  UPLOAD_CSV_COLUMNS,
  type UploadRowError,
} from '@bds/shared';
import type { PartialEntry } from './entry.ts';
import { sliceOf } from '../write-gate.ts';

/** Each column's names, the template's Italian one first; compared without case, accents or punctuation. */
const COLUMNS = {
  ptriId: ['progetto', 'ptri', 'n. ptri', 'numero ptri', 'id progetto', 'ptriId'],
  date: ['data', 'date'],
  axis: ['asse', 'axis'],
  activity: ['attivita', 'activity'],
  hours: ['ore', 'hours'],
  operatorRole: ['ruolo_operatore', 'ruolo', 'operatorRole'],
  notes: ['note', 'notes'],
} as const;
type Column = keyof typeof COLUMNS;
const COLUMN_NAMES = Object.keys(COLUMNS) as Column[];
const REQUIRED: Column[] = ['ptriId', 'date', 'axis', 'activity', 'hours', 'operatorRole'];
/** The cells of an intervention: a row with none of them (a template row left as it was) is skipped. */
const ENTRY_CELLS: Column[] = ['date', 'axis', 'activity', 'hours', 'operatorRole', 'notes'];

/**
 * The most rows a file may hold: twice the month of the largest cooperative in the demo. The file
 * is read whole into memory with every bad cell named, so a larger one (a 3 MiB file of bad rows
 * exhausted the server's heap) is refused before it is parsed.
 */
export const MAX_FILE_ROWS = 20_000;

/** About 250 rows per slice: a few milliseconds of work between two turns of the event loop. */
const SLICE_CHARS = 16 * 1024;
const SLICE_ROWS = 250;

function newlines(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/** A header or an axis as typed, without case, accents, spaces or punctuation: «Attività» is «attivita». */
function normalise(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('it')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

const COLUMN_BY_NAME = new Map(COLUMN_NAMES.flatMap((column) => COLUMNS[column].map((name) => [normalise(name), column] as const)));

const AXIS_NAMES = new Map<string, Axis>([
  ...(['habitat', 'casa', 'abitare', AXIS_LABELS.habitat] as const).map((name) => [normalise(name), 'habitat'] as const),
  ...(['sociality', 'socialita', 'affettivita', AXIS_LABELS.sociality] as const).map((name) => [normalise(name), 'sociality'] as const),
  ...(['work', 'lavoro', 'formazione', AXIS_LABELS.work] as const).map((name) => [normalise(name), 'work'] as const),
]);

/** Refusals worded for a CSV cell, where the shared schema leaves the wording to zod. */
const ROW_MESSAGES: Partial<Record<Column, string>> = {
  ptriId: 'numero del progetto (PTRI) non valido',
  axis: 'asse non valido: casa, socialità o lavoro (oppure habitat, sociality, work)',
};

/** Each cell turned into what the JSON body carries, then checked by the same field schema. */
const CELL_SCHEMAS = {
  ptriId: idSchema,
  date: z.preprocess((cell) => parseCalendarDate(String(cell)) ?? cell, interventionFields.date),
  axis: z.preprocess((cell) => AXIS_NAMES.get(normalise(String(cell))), interventionFields.axis),
  activity: interventionFields.activity,
  hours: z.preprocess(
    (cell) => (/^\d+([.,]\d+)?$/.test(String(cell)) ? Number(String(cell).replace(',', '.')) : cell),
    interventionFields.hours,
  ),
  operatorRole: interventionFields.operatorRole,
  notes: z.preprocess((cell) => (cell === '' ? null : cell), interventionFields.notes),
} satisfies Record<Column, z.ZodType>;

export type ParsedFile =
  | {
      ok: true;
      /** Every row with the fields that passed their checks; a row with errors is in `errors` too. */
      rows: { row: number; entry: PartialEntry }[];
      errors: UploadRowError[];
      /** The identity of the rows, whatever the file's line endings, BOM, blank lines, order or column names. */
      contentHash: string;
    }
  | { ok: false; message: string };

interface CsvRecord {
  line: number;
  cells: string[];
}

/**
 * The file cut at line ends outside quotes, about every `SLICE_CHARS`, so that each piece parses
 * on its own; `firstLine` numbers the piece's lines in the whole file.
 */
function* pieces(text: string): Generator<{ text: string; firstLine: number }> {
  let start = 0;
  let firstLine = 1;
  let quotes = 0;
  let counted = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', Math.min(start + SLICE_CHARS, text.length - 1));
    for (;;) {
      if (end === -1) end = text.length;
      for (let at = text.indexOf('"', counted); at !== -1 && at < end; at = text.indexOf('"', at + 1)) quotes++;
      counted = end;
      if (quotes % 2 === 0 || end === text.length) break;
      end = text.indexOf('\n', end + 1);
    }
    const piece = text.slice(start, end + 1);
    yield { text: piece, firstLine };
    firstLine += newlines(piece);
    start = end + 1;
    counted = start;
  }
}

/** The records of a CSV text, parsed a piece per turn of the event loop; a failure names the line when csv-parse does. */
export async function readRecords(
  text: string,
  delimiter: string,
): Promise<{ ok: true; records: CsvRecord[] } | { ok: false; line: number | null }> {
  const records: CsvRecord[] = [];
  for (const piece of pieces(text)) {
    try {
      const onRecord = (cells: string[], { lines }: { lines: number }) => {
        records.push({ line: piece.firstLine + lines - 1, cells });
        return null;
      };
      parse(piece.text, { bom: true, delimiter, skip_empty_lines: true, relax_column_count: true, trim: true, on_record: onRecord });
    } catch (error) {
      const line = (error as { lines?: unknown }).lines;
      return { ok: false, line: typeof line === 'number' ? piece.firstLine + line - 1 : null };
    }
    await yieldToEventLoop();
  }
  return { ok: true, records };
}

export async function readCsvFile(file: string, month: string): Promise<ParsedFile> {
  // An .xlsx, an image, a PDF or a CSV in another encoding: NUL bytes, or bytes that are not UTF-8.
  if (/[\u0000\uFFFD]/.test(file))
    return { ok: false, message: 'il file non è un CSV in UTF-8: salvarlo dal foglio di calcolo come «CSV UTF-8»' };
  // Windows, Unix and old Mac line ends read the same, in a cell's text too.
  const text = file.replace(/\r\n?/g, '\n');
  if (newlines(text.endsWith('\n') ? text : `${text}\n`) > MAX_FILE_ROWS + 1) {
    return { ok: false, message: `oltre ${MAX_FILE_ROWS.toLocaleString('it-IT')} righe: dividere il file in più caricamenti` };
  }
  // The passes over the whole text above took 20–35 ms of one turn with the body's decoding.
  await yieldToEventLoop();
  const firstLine = text.replace(/^\uFEFF/, '').split('\n', 1)[0] ?? '';
  const delimiter = firstLine.includes(';') || !firstLine.includes(',') ? ';' : ',';
  const read = await readRecords(text, delimiter);
  if (!read.ok) {
    // csv-parse's own message is English and quotes the raw bytes: give the line instead.
    const where = read.line === null ? '' : ` alla riga ${read.line}`;
    return { ok: false, message: `file CSV illeggibile${where}: controllare le virgolette e il separatore (;)` };
  }
  const [header, ...body] = read.records;
  if (!header) return { ok: false, message: 'file vuoto' };
  const index = new Map<Column, number>();
  header.cells.forEach((name, i) => {
    const column = COLUMN_BY_NAME.get(normalise(name));
    if (column && !index.has(column)) index.set(column, i);
  });
  const missing = REQUIRED.filter((column) => !index.has(column));
  if (missing.length) {
    return {
      ok: false,
      message: `colonne mancanti: ${missing.map((column) => COLUMNS[column][0]).join(', ')} (intestazione attesa: ${UPLOAD_CSV_COLUMNS.join(';')})`,
    };
  }
  if (delimiter === ',') {
    // "1,5" unquoted in a comma-separated file splits into two cells and shifts the rest of the row:
    // one cell too many, or (the last cell being empty or missing) hours followed by a bare number.
    const hours = index.get('hours') ?? -1;
    const split = body.find((record) => record.cells.length > header.cells.length || /^\d{1,2}$/.test(record.cells[hours + 1] ?? ''));
    if (split) {
      return {
        ok: false,
        message: `la riga ${split.line} ha più celle dell'intestazione: in un file separato da virgole i numeri con la virgola (1,5) vanno tra virgolette; meglio salvare il file con il punto e virgola (;) come separatore`,
      };
    }
  }
  const cellOf = (record: CsvRecord, column: Column) => record.cells[index.get(column) ?? -1] ?? '';
  const entries = body.filter((record) => ENTRY_CELLS.some((column) => cellOf(record, column) !== ''));
  if (entries.length === 0) return { ok: false, message: 'nessuna riga di interventi' };

  const rows: { row: number; entry: PartialEntry }[] = [];
  const errors: UploadRowError[] = [];
  const identities: string[] = [];
  const slice = sliceOf(SLICE_ROWS);
  for (const record of entries) {
    const row = record.line;
    const entry: PartialEntry = {};
    for (const column of COLUMN_NAMES) {
      const message = ROW_MESSAGES[column];
      const result = CELL_SCHEMAS[column].safeParse(cellOf(record, column), message ? { error: () => message } : undefined);
      if (result.success) Object.assign(entry, { [column]: result.data });
      else for (const issue of result.error.issues) errors.push({ row, field: column, message: issue.message });
    }
    if (entry.date !== undefined && !entry.date.startsWith(month)) {
      errors.push({ row, field: 'date', message: `non appartiene al mese di ${formatMonth(month)}` });
      delete entry.date;
    }
    rows.push({ row, entry });
    const { ptriId, date, axis, activity, hours, operatorRole, notes } = entry;
    identities.push(JSON.stringify([ptriId, date, axis, activity?.toLocaleLowerCase('it'), hours, operatorRole, notes]));
    if (slice()) await yieldToEventLoop();
  }
  await yieldToEventLoop();
  identities.sort();
  const hash = createHash('sha256');
  for (const identity of identities) hash.update(`${identity}\n`);
  return { ok: true, rows, errors, contentHash: hash.digest('hex') };
}
