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
/** The cells whose few values repeat down a month's file. */
const REPEATED = new Set<Column>(['date', 'activity', 'operatorRole']);

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
      /**
       * The identity of the rows, whatever the file's line endings, BOM, blank lines, order or column
       * names; null when a row is bad, as such a file is refused whole.
       */
      contentHash: string | null;
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

/**
 * Parses the text a piece per turn of the event loop and hands each piece's records to `take`
 * before the next piece is parsed; a failure names the line when csv-parse does.
 */
async function parseInPieces(
  text: string,
  delimiter: string,
  take: (records: CsvRecord[]) => Promise<void> | void,
): Promise<{ ok: true } | { ok: false; line: number | null }> {
  for (const piece of pieces(text)) {
    const records: CsvRecord[] = [];
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
    // The piece's records are checked in slices of their own time: parsing them takes a turn.
    await yieldToEventLoop();
    await take(records);
    await yieldToEventLoop();
  }
  return { ok: true };
}

/** The records of a CSV text, parsed a piece per turn of the event loop; a failure names the line when csv-parse does. */
export async function readRecords(
  text: string,
  delimiter: string,
): Promise<{ ok: true; records: CsvRecord[] } | { ok: false; line: number | null }> {
  const records: CsvRecord[] = [];
  const read = await parseInPieces(text, delimiter, (piece) => {
    for (const record of piece) records.push(record);
  });
  return read.ok ? { ok: true, records } : read;
}

export async function readCsvFile(file: string, month: string): Promise<ParsedFile> {
  // An .xlsx, an image, a PDF or a CSV in another encoding: NUL bytes, or bytes that are not UTF-8.
  if (/[\u0000\uFFFD]/.test(file))
    return { ok: false, message: 'il file non è un CSV in UTF-8: salvarlo dal foglio di calcolo come «CSV UTF-8»' };
  // Each pass reads the whole text: together with the body's decoding they would hold the event
  // loop too long for one turn, so each has a turn of its own.
  await yieldToEventLoop();
  // Windows, Unix and old Mac line ends read the same, in a cell's text too.
  const text = file.replace(/\r\n?/g, '\n');
  await yieldToEventLoop();
  if (newlines(text.endsWith('\n') ? text : `${text}\n`) > MAX_FILE_ROWS + 1) {
    return { ok: false, message: `oltre ${MAX_FILE_ROWS.toLocaleString('it-IT')} righe: dividere il file in più caricamenti` };
  }
  await yieldToEventLoop();
  const firstLine = text.replace(/^\uFEFF/, '').split('\n', 1)[0] ?? '';
  const delimiter = firstLine.includes(';') || !firstLine.includes(',') ? ';' : ',';
  const rows = new FileRows(delimiter, month);
  const read = await parseInPieces(text, delimiter, (records) => rows.take(records));
  if (!read.ok) {
    // csv-parse's own message is English and quotes the raw bytes: give the line instead.
    const where = read.line === null ? '' : ` alla riga ${read.line}`;
    return { ok: false, message: `file CSV illeggibile${where}: controllare le virgolette e il separatore (;)` };
  }
  return rows.result();
}

/**
 * The rows of a file, checked a parsed piece at a time so that a piece's records die young: holding
 * every record of a large file until the last was parsed made the scavenges that copy them the
 * longest pauses of an upload. A refusal of the whole file waits for the end, because one that
 * csv-parse finds further on takes precedence.
 */
class FileRows {
  private header: CsvRecord | undefined;
  private readonly index = new Map<Column, number>();
  private missing: Column[] = [];
  /** The first line with more cells than the header in a comma-separated file. */
  private splitLine: number | null = null;
  private readonly rows: { row: number; entry: PartialEntry }[] = [];
  private readonly errors: UploadRowError[] = [];
  private readonly identities: string[] = [];
  /** One string for each value a file repeats on every row (its dates, activities, roles), not one per row. */
  private readonly repeated = new Map<string, string>();
  private readonly slice = sliceOf(SLICE_ROWS);

  constructor(
    private readonly delimiter: string,
    private readonly month: string,
  ) {}

  async take(records: CsvRecord[]): Promise<void> {
    for (const record of records) {
      if (!this.header) this.readHeader(record);
      else if (this.missing.length === 0 && this.splitLine === null && !this.splits(record) && this.isEntry(record)) {
        this.check(record);
        if (this.slice()) await yieldToEventLoop();
      }
    }
  }

  result(): ParsedFile {
    const { header, missing, splitLine } = this;
    if (!header) return { ok: false, message: 'file vuoto' };
    if (missing.length) {
      return {
        ok: false,
        message: `colonne mancanti: ${missing.map((column) => COLUMNS[column][0]).join(', ')} (intestazione attesa: ${UPLOAD_CSV_COLUMNS.join(';')})`,
      };
    }
    if (splitLine !== null) {
      return {
        ok: false,
        message: `la riga ${splitLine} ha più celle dell'intestazione: in un file separato da virgole i numeri con la virgola (1,5) vanno tra virgolette; meglio salvare il file con il punto e virgola (;) come separatore`,
      };
    }
    if (this.rows.length === 0) return { ok: false, message: 'nessuna riga di interventi' };
    if (this.errors.length > 0) return { ok: true, rows: this.rows, errors: this.errors, contentHash: null };
    this.identities.sort();
    const hash = createHash('sha256');
    for (const identity of this.identities) hash.update(`${identity}\n`);
    return { ok: true, rows: this.rows, errors: this.errors, contentHash: hash.digest('hex') };
  }

  private readHeader(header: CsvRecord) {
    this.header = header;
    header.cells.forEach((name, i) => {
      const column = COLUMN_BY_NAME.get(normalise(name));
      if (column && !this.index.has(column)) this.index.set(column, i);
    });
    this.missing = REQUIRED.filter((column) => !this.index.has(column));
  }

  private cellOf(record: CsvRecord, column: Column) {
    return record.cells[this.index.get(column) ?? -1] ?? '';
  }

  /**
   * "1,5" unquoted in a comma-separated file splits into two cells and shifts the rest of the row:
   * one cell too many, or (the last cell being empty or missing) hours followed by a bare number.
   */
  private splits(record: CsvRecord): boolean {
    if (this.delimiter !== ',') return false;
    const hours = this.index.get('hours') ?? -1;
    const split = record.cells.length > (this.header?.cells.length ?? 0) || /^\d{1,2}$/.test(record.cells[hours + 1] ?? '');
    if (split) this.splitLine = record.line;
    return split;
  }

  private once<T>(value: T): T {
    if (typeof value !== 'string') return value;
    let kept = this.repeated.get(value);
    if (kept === undefined) this.repeated.set(value, (kept = value));
    return kept as T;
  }

  private isEntry(record: CsvRecord) {
    return ENTRY_CELLS.some((column) => this.cellOf(record, column) !== '');
  }

  private check(record: CsvRecord) {
    const row = record.line;
    const entry: PartialEntry = {};
    for (const column of COLUMN_NAMES) {
      const message = ROW_MESSAGES[column];
      const result = CELL_SCHEMAS[column].safeParse(this.cellOf(record, column), message ? { error: () => message } : undefined);
      if (result.success) Object.assign(entry, { [column]: REPEATED.has(column) ? this.once(result.data) : result.data });
      else for (const issue of result.error.issues) this.errors.push({ row, field: column, message: issue.message });
    }
    if (entry.date !== undefined && !entry.date.startsWith(this.month)) {
      this.errors.push({ row, field: 'date', message: `non appartiene al mese di ${formatMonth(this.month)}` });
      delete entry.date;
    }
    this.rows.push({ row, entry });
    // A file with a bad row is refused whole and its identity is never asked for, so its rows'
    // identities are not kept.
    if (this.errors.length > 0) {
      this.identities.length = 0;
      return;
    }
    const { ptriId, date, axis, activity, hours, operatorRole, notes } = entry;
    this.identities.push(JSON.stringify([ptriId, date, axis, activity?.toLocaleLowerCase('it'), hours, operatorRole, notes]));
  }
}
