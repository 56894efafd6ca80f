// One row of the caseload spreadsheet into a typed project, naming every bad cell by its column.
import {
  AXES,
  CASELOAD_COLUMNS,
  CASELOAD_GOAL_OUTCOME_VALUES,
  CASELOAD_INTENSITY_VALUES,
  CASELOAD_LIST_SEPARATOR,
  CASELOAD_STATUS_VALUES,
  fiscalCodeContradictions,
  personFields,
  parseCalendarDate,
  type Axis,
  type CaseloadColumn,
  type CaseloadRowError,
  type GoalStatus,
  type Intensity,
} from '@bds/shared';

export type CaseloadStatus = keyof typeof CASELOAD_STATUS_VALUES;

export interface CaseloadRow {
  row: number;
  fiscalCode: string;
  familyName: string;
  givenName: string;
  birthDate: string;
  sex: 'F' | 'M';
  district: string;
  service: string;
  lotNumber: number;
  startDate: string;
  endDate: string;
  status: CaseloadStatus;
  closedOn: string | null;
  intensity: Intensity;
  cooperatives: string[];
  caseManager: string | null;
  goals: { axis: Axis; description: string; status: GoalStatus }[];
}

const OPTIONAL: readonly CaseloadColumn[] = [
  'data_chiusura',
  'cooperative',
  'case_manager',
  'obiettivi_casa',
  'obiettivi_socialita',
  'obiettivi_lavoro',
  'esito_obiettivi',
];
const GOAL_COLUMNS: Record<Axis, CaseloadColumn> = {
  habitat: 'obiettivi_casa',
  sociality: 'obiettivi_socialita',
  work: 'obiettivi_lavoro',
};
const PERSON_COLUMNS: Record<string, CaseloadColumn> = {
  fiscalCode: 'codice_fiscale',
  familyName: 'cognome',
  givenName: 'nome',
  sex: 'sesso',
};

// Built once: zod compiles a schema on its first use, which per row was most of a file's time.
const PERSON_FIELDS = personFields.omit({ districtId: true, birthDate: true });

/** Headers compared without case, accents, spaces, dashes or underscores. */
function headerKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s_.-]/g, '');
}

const HEADER_NAMES = new Map<string, CaseloadColumn>(
  CASELOAD_COLUMNS.flatMap(([italian, english]) => [
    [headerKey(italian), italian],
    [headerKey(english), italian],
  ]),
);

/** A value of a closed list, written in Italian or as the API's English key. */
function valueOf<K extends string>(values: Record<K, string>, raw: string): K | undefined {
  const wanted = raw.trim().toLowerCase();
  return (Object.keys(values) as K[]).find((key) => key === wanted || values[key] === wanted);
}

export type HeaderMap = { ok: true; index: Map<CaseloadColumn, number> } | { ok: false; message: string };

export function mapHeader(header: string[]): HeaderMap {
  const index = new Map<CaseloadColumn, number>();
  header.forEach((name, i) => {
    const column = HEADER_NAMES.get(headerKey(name.replace(/^\uFEFF/, '')));
    if (column && !index.has(column)) index.set(column, i);
  });
  const missing = CASELOAD_COLUMNS.map(([italian]) => italian).filter((column) => !OPTIONAL.includes(column) && !index.has(column));
  return missing.length ? { ok: false, message: `colonne mancanti: ${missing.join(', ')}` } : { ok: true, index };
}

/** Reads one record; `today` is the department's date, taken once for the whole file. */
export function readRow(
  record: string[],
  row: number,
  index: Map<CaseloadColumn, number>,
  today: string,
  errors: CaseloadRowError[],
): CaseloadRow | null {
  const cell = (column: CaseloadColumn) => (record[index.get(column) ?? -1] ?? '').trim();
  const before = errors.length;
  const bad = (field: CaseloadColumn, message: string): null => {
    errors.push({ row, field, message });
    return null;
  };
  const list = (column: CaseloadColumn) =>
    cell(column)
      .split(CASELOAD_LIST_SEPARATOR)
      .map((item) => item.trim())
      .filter(Boolean);

  const person = PERSON_FIELDS.safeParse({
    fiscalCode: cell('codice_fiscale'),
    familyName: cell('cognome'),
    givenName: cell('nome'),
    sex: cell('sesso').toUpperCase(),
  });
  if (!person.success)
    for (const issue of person.error.issues) bad(PERSON_COLUMNS[String(issue.path[0])] ?? 'codice_fiscale', issue.message);
  const birthDate = parseCalendarDate(cell('data_nascita')) ?? bad('data_nascita', 'data non valida (GG/MM/AAAA)');
  if (birthDate && birthDate > today) bad('data_nascita', 'non può essere nel futuro');
  // The codice fiscale encodes the birth date and sex: a row whose cells contradict it is refused, as registration refuses it.
  if (person.success && birthDate) {
    const contradictions = fiscalCodeContradictions(person.data.fiscalCode, birthDate, person.data.sex);
    if (contradictions.birthDate) bad('data_nascita', contradictions.birthDate);
    if (contradictions.sex) bad('sesso', contradictions.sex);
  }
  const district = cell('distretto') || bad('distretto', 'distretto mancante');
  const service = cell('servizio') || bad('servizio', 'servizio mancante');
  const lotNumber = /^\d{1,2}$/.test(cell('lotto')) ? Number(cell('lotto')) : bad('lotto', 'numero del lotto non valido');
  const startDate = parseCalendarDate(cell('data_inizio')) ?? bad('data_inizio', 'data non valida (GG/MM/AAAA)');
  const endDate = parseCalendarDate(cell('data_fine')) ?? bad('data_fine', 'data non valida (GG/MM/AAAA)');
  if (startDate && endDate && endDate < startDate) bad('data_fine', 'precede la data di inizio');
  if (startDate && startDate > today) bad('data_inizio', 'progetto non ancora avviato: va inserito come bozza, non importato');
  const status = valueOf(CASELOAD_STATUS_VALUES, cell('stato')) ?? bad('stato', 'stato non valido (attivo, sospeso, chiuso)');
  let closedOn: string | null = null;
  if (cell('data_chiusura')) {
    closedOn = parseCalendarDate(cell('data_chiusura')) ?? bad('data_chiusura', 'data non valida (GG/MM/AAAA)');
    if (closedOn && status !== 'closed') bad('data_chiusura', 'solo un progetto chiuso ha la data di chiusura');
    if (closedOn && startDate && closedOn < startDate) bad('data_chiusura', 'precede la data di inizio');
    if (closedOn && closedOn > today) bad('data_chiusura', 'non può essere nel futuro');
  } else if (status === 'closed') bad('data_chiusura', 'un progetto chiuso ha la data di chiusura');
  const intensity = valueOf(CASELOAD_INTENSITY_VALUES, cell('intensita')) ?? bad('intensita', 'intensità non valida (alta, media, bassa)');
  // No goal of a closed project stays open: the spreadsheet seldom says how they ended, and what
  // it does not say is recorded as not assessed rather than guessed.
  let goalStatus: GoalStatus = status === 'closed' ? 'not_assessed' : 'open';
  if (cell('esito_obiettivi')) {
    const outcome =
      valueOf(CASELOAD_GOAL_OUTCOME_VALUES, cell('esito_obiettivi')) ??
      bad('esito_obiettivi', 'esito non valido (raggiunto, parzialmente raggiunto, non raggiunto, non valutato)');
    if (outcome && status !== 'closed') bad('esito_obiettivi', "solo un progetto chiuso ha l'esito degli obiettivi");
    if (outcome) goalStatus = outcome;
  }
  const goals = AXES.flatMap((axis) => list(GOAL_COLUMNS[axis]).map((description) => ({ axis, description, status: goalStatus })));
  for (const goal of goals) if (goal.description.length > 500) bad(GOAL_COLUMNS[goal.axis], 'obiettivo oltre 500 caratteri');
  const caseManager = cell('case_manager') || null;

  if (
    errors.length > before ||
    !person.success ||
    !birthDate ||
    !district ||
    !service ||
    lotNumber === null ||
    !startDate ||
    !endDate ||
    !status ||
    !intensity
  ) {
    return null;
  }
  return {
    row,
    ...person.data,
    birthDate,
    district,
    service,
    lotNumber,
    startDate,
    endDate,
    status,
    closedOn,
    intensity,
    cooperatives: list('cooperative'),
    caseManager,
    goals,
  };
}
