// A small CSV reader for the cooperatives' intervention files: `;` or `,` separated (whichever
// the header uses), double-quoted fields, optional BOM, and the Italian decimal comma in hours.
import { AXES, createInterventionBody, type Axis, type CreateInterventionBody } from '@bds/shared';
import { it } from '../../i18n/it.ts';

export interface CsvRow {
  /** Line number in the file, the header being line 1. */
  line: number;
  ptriId: number;
  body: CreateInterventionBody;
}

export interface CsvProblem {
  line: number;
  message: string;
}

export function splitCsvLine(line: string, separator: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line.charAt(i);
    if (quoted) {
      if (char === '"' && line.charAt(i + 1) === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === separator) {
      cells.push(cell.trim());
      cell = '';
    } else cell += char;
  }
  cells.push(cell.trim());
  return cells;
}

const AXIS_WORDS: Record<string, Axis> = { casa: 'habitat', habitat: 'habitat', socialita: 'sociality', 'socialità': 'sociality', lavoro: 'work', formazione: 'work' };

function toAxis(text: string): Axis | string {
  const lower = text.toLowerCase();
  if ((AXES as readonly string[]).includes(lower)) return lower;
  return AXIS_WORDS[lower] ?? text;
}

/** Columns in order: ptriId; date; axis; activity; hours; operatorRole; notes (optional). */
export function parseInterventionsCsv(text: string): { rows: CsvRow[]; problems: CsvProblem[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines[0] ?? '';
  const separator = header.includes(';') ? ';' : ',';
  const rows: CsvRow[] = [];
  const problems: CsvProblem[] = [];
  lines.slice(1).forEach((raw, index) => {
    const line = index + 2;
    if (!raw.trim()) return;
    const [ptri = '', date = '', axis = '', activity = '', hours = '', operatorRole = '', notes = ''] = splitCsvLine(raw, separator);
    const ptriId = Number(ptri);
    if (!Number.isInteger(ptriId) || ptriId <= 0) {
      problems.push({ line, message: `ptriId: ${it.coop.csvBadProject}` });
      return;
    }
    const candidate = { date, axis: toAxis(axis), activity, hours: Number(hours.replace(',', '.')), operatorRole, ...(notes ? { notes } : {}) };
    const parsed = createInterventionBody.safeParse(candidate);
    if (!parsed.success) {
      problems.push({ line, message: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') });
      return;
    }
    rows.push({ line, ptriId, body: parsed.data });
  });
  return { rows, problems };
}
