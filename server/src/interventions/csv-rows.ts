// Reads a cooperative's monthly CSV file into typed entries, naming every bad cell. Accepts what
// Italian spreadsheets write: ';' separator, decimal comma, dates as AAAA-MM-GG or GG/MM/AAAA.
import { parse } from 'csv-parse/sync';
import { formatMonth, parseCalendarDate, type Axis, type UploadRowError } from '@bds/shared';
import type { EntryInput } from './entry.ts';

const COLUMNS = {
  ptriId: ['ptriid', 'progetto', 'idprogetto'],
  date: ['date', 'data'],
  axis: ['axis', 'asse'],
  activity: ['activity', 'attivita', 'attività'],
  hours: ['hours', 'ore'],
  operatorRole: ['operatorrole', 'ruolo', 'ruolooperatore'],
  notes: ['notes', 'note'],
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ['ptriId', 'date', 'axis', 'activity', 'hours', 'operatorRole'];

/**
 * The most rows a file may hold: twice the month of the largest cooperative in the demo. The file
 * is read whole into memory with every bad cell named, so a larger one (a 3 MiB file of bad rows
 * exhausted the server's heap) is refused before it is parsed.
 */
export const MAX_FILE_ROWS = 20_000;

function lineCount(text: string): number {
  let lines = 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++;
  return text.endsWith('\n') ? lines - 1 : lines;
}

const AXIS_NAMES: Record<string, Axis> = {
  habitat: 'habitat',
  casa: 'habitat',
  abitare: 'habitat',
  sociality: 'sociality',
  socialita: 'sociality',
  socialità: 'sociality',
  affettivita: 'sociality',
  affettività: 'sociality',
  work: 'work',
  lavoro: 'work',
  formazione: 'work',
};

export type ParsedFile =
  { ok: true; rows: { row: number; entry: EntryInput }[]; errors: UploadRowError[] } | { ok: false; message: string };

function normalise(header: string): string {
  return header
    .trim()
    .toLocaleLowerCase('it')
    .replace(/[\s_-]/g, '');
}

function parseHours(raw: string): number | null {
  if (!/^\d{1,2}([.,]\d{1,2})?$/.test(raw)) return null;
  return Number(raw.replace(',', '.'));
}

export function readCsvFile(text: string, month: string): ParsedFile {
  // An .xlsx, an image, a PDF or a CSV in another encoding: NUL bytes, or bytes that are not UTF-8.
  if (/[\u0000\uFFFD]/.test(text))
    return { ok: false, message: 'il file non è un CSV in UTF-8: salvarlo dal foglio di calcolo come «CSV UTF-8»' };
  if (lineCount(text) > MAX_FILE_ROWS + 1) {
    return { ok: false, message: `oltre ${MAX_FILE_ROWS.toLocaleString('it-IT')} righe: dividere il file in più caricamenti` };
  }
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') || !firstLine.includes(',') ? ';' : ',';
  let records: string[][];
  try {
    records = parse(text, { bom: true, delimiter, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (error) {
    // csv-parse's own message is English and quotes the raw bytes: give the line instead.
    const line = (error as { lines?: unknown }).lines;
    const where = typeof line === 'number' ? ` alla riga ${line}` : '';
    return { ok: false, message: `file CSV illeggibile${where}: controllare le virgolette e il separatore (;)` };
  }
  const [header, ...body] = records;
  if (!header) return { ok: false, message: 'file vuoto' };
  const index = new Map<Column, number>();
  header.forEach((name, i) => {
    const key = (Object.keys(COLUMNS) as Column[]).find((column) => (COLUMNS[column] as readonly string[]).includes(normalise(name)));
    if (key && !index.has(key)) index.set(key, i);
  });
  const missing = REQUIRED.filter((column) => !index.has(column));
  if (missing.length) return { ok: false, message: `colonne mancanti: ${missing.join(', ')}` };
  if (body.length === 0) return { ok: false, message: 'nessuna riga di interventi' };

  const rows: { row: number; entry: EntryInput }[] = [];
  const errors: UploadRowError[] = [];
  body.forEach((record, i) => {
    const row = i + 2;
    const cell = (column: Column) => record[index.get(column) ?? -1] ?? '';
    const bad = (field: string, message: string): undefined => {
      errors.push({ row, field, message });
    };
    const before = errors.length;
    const ptriId = /^\d{1,12}$/.test(cell('ptriId')) ? Number(cell('ptriId')) : bad('ptriId', 'identificativo del progetto non valido');
    const date = parseCalendarDate(cell('date'));
    if (!date) bad('date', 'data non valida (AAAA-MM-GG o GG/MM/AAAA)');
    else if (!date.startsWith(month)) bad('date', `non appartiene al mese di ${formatMonth(month)}`);
    const axis = AXIS_NAMES[cell('axis').toLocaleLowerCase('it')];
    if (!axis) bad('axis', 'asse non valido (habitat, sociality, work)');
    const activity = cell('activity');
    if (!activity || activity.length > 120) bad('activity', 'attività mancante o troppo lunga');
    const hours = parseHours(cell('hours'));
    if (hours === null || hours <= 0 || hours > 24) bad('hours', 'ore: numero maggiore di zero e al massimo 24');
    else if (!Number.isInteger(hours * 4)) bad('hours', "a quarti d'ora (0,25)");
    const operatorRole = cell('operatorRole');
    if (!operatorRole || operatorRole.length > 80) bad('operatorRole', "ruolo dell'operatore mancante o troppo lungo");
    const notes = cell('notes');
    if (notes.length > 1000) bad('notes', 'al massimo 1000 caratteri');
    if (errors.length === before && typeof ptriId === 'number' && date && axis && hours !== null) {
      rows.push({ row, entry: { ptriId, date, axis, activity, hours, operatorRole, notes: notes || null } });
    }
  });
  return { ok: true, rows, errors };
}
