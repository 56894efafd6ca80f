// Every report page of the manager downloads, with "Scarica CSV", a file that says what the page
// shows: each column of the page is in the file's header, and the page's first row is in the file
// with the same values. The pages offer the filters their API has, and a file downloaded after
// choosing one holds the chosen figures. Beside them: a long list says its whole count and loads every row, and
// the project timeline shows real Italian dates in time order.
import type { PtriDetail, PtriSummary } from '@bds/shared';
import { today } from '@bds/shared/dates';
import { formatPercent } from '@bds/shared/units';
import { readFile } from 'node:fs/promises';
import type { Locator } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { apiGet, apiToken, browserSession, italianNumber } from './browser.ts';

const baseUrl = inject('baseUrl');
const { as, problems } = browserSession(baseUrl);
/** A loaded machine answers slowly: wait for the condition, never for a fixed time. */
const WAIT = { timeout: 15_000 };

type CsvRow = Record<string, string>;

/** The file as a spreadsheet reads it: BOM, ';' separator, quoted cells, CRLF. */
function parseCsv(text: string): { header: string[]; rows: CsvRow[] } {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.slice(1);
  for (let i = 0; i < body.length; i += 1) {
    const char = body[i];
    if (quoted) {
      if (char === '"' && body[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ';') {
      record.push(cell);
      cell = '';
    } else if (char === '\n') {
      records.push([...record, cell.replace(/\r$/, '')]);
      record = [];
      cell = '';
    } else cell += char;
  }
  if (cell || record.length) records.push([...record, cell]);
  const [header = [], ...rest] = records;
  return { header, rows: rest.map((values) => Object.fromEntries(header.map((name, i) => [name, values[i] ?? '']))) };
}

/** What a cell says, compared the way a reader compares it: numbers as numbers, dates as days. */
function normalised(text: string): string {
  const value = text.replace(/\s+/g, ' ').trim();
  const date = /^(\d{2})\/(\d{2})\/(\d{4})\b/.exec(value);
  if (date) return `${date[3]}-${date[2]}-${date[1]}`;
  if (/^-?[\d.]+(,\d+)?( €)?$/.test(value)) return String(italianNumber(value));
  if (/^-?\d+(,\d+)?$/.test(value)) return String(Number(value.replace(',', '.')));
  return value.replace(/;\s*/g, '');
}

interface ReportPage {
  link: string;
  /** The page's column → how the file says the same thing (a header, or a sum of two). */
  columns: Record<string, string | ((row: CsvRow) => string)>;
  /** The column that names a row on both sides. */
  key: string;
  /** The filters the page offers, by label: those of its API. */
  filters?: string[];
  /** A filter chosen before reading the page and downloading: label → option. */
  choose?: Record<string, string>;
}

const fileNumber = (row: CsvRow, column: string) => Number((row[column] ?? '').replace(',', '.'));
const sum = (a: string, b: string) => (row: CsvRow) => String(fileNumber(row, a) + fileNumber(row, b)).replace('.', ',');
/** The file keeps a share (0,412), the page shows it as a percentage. */
const percent = (column: string) => (row: CsvRow) => formatPercent(fileNumber(row, column));
const lastYear = String(Number(today().slice(0, 4)) - 1);

const REPORT_PAGES: ReportPage[] = [
  { link: 'Utenti per anno', key: 'Servizio', columns: { Servizio: 'Servizio', NR_UT: 'NR_UT' } },
  {
    link: 'Totali per lotto',
    key: 'Cooperativa',
    columns: {
      Cooperativa: 'Cooperativa',
      'Persone con interventi': 'Persone con interventi',
      'Progetti con interventi': 'Progetti con interventi',
      Ore: sum('Ore validate', 'Ore in attesa'),
      'Importo validato': 'Importo validato',
      'Importo in attesa': 'Importo in attesa',
    },
  },
  {
    link: 'Carichi per servizio',
    key: 'Servizio',
    columns: {
      Servizio: 'Servizio',
      'Progetti attivi': 'Progetti attivi',
      Alta: 'Intensità alta',
      Media: 'Intensità media',
      Bassa: 'Intensità bassa',
      'Casa/Habitat sociale': 'Obiettivi aperti Casa',
      'Affettività/Socialità': 'Obiettivi aperti Socialità',
      'Formazione/Lavoro': 'Obiettivi aperti Lavoro',
      Scadute: 'Verifiche scadute',
      'Entro 30 giorni': 'Verifiche entro 30 giorni',
      Scaduti: 'Scaduti',
    },
  },
  {
    link: 'Revisioni scadute',
    key: 'Persona',
    columns: { 'Revisione entro': 'Data verifica', Persona: 'Persona', 'Servizio responsabile': 'Servizio' },
  },
  {
    link: 'Esiti',
    key: 'Servizio',
    columns: {
      Servizio: 'Servizio',
      'Progetti valutati': 'Progetti valutati',
      'Coppie HoNOS': 'Coppie HoNOS',
      'Variazione media HoNOS': 'Variazione media HoNOS',
      'Variazione mediana HoNOS': 'Variazione mediana HoNOS',
      'Situazione abitativa (prima → ultima)': 'Situazione abitativa (prima → ultima)',
      'Situazione lavorativa (prima → ultima)': 'Situazione lavorativa (prima → ultima)',
      'Giorni mediani invio → attivazione': 'Giorni mediani invio → attivazione',
      'Giorni mediani bozza → attivazione': 'Giorni mediani bozza → attivazione',
      'Contatti dopo la chiusura': 'Contatti dopo la chiusura',
    },
    filters: ['Anno', 'Servizio', 'Lotto'],
    choose: { Anno: lastYear },
  },
  {
    link: 'Report appartamenti',
    key: 'Appartamento',
    columns: {
      Appartamento: 'Appartamento',
      Posti: 'Posti',
      'Giorni-posto disponibili': 'Giorni-posto disponibili',
      'Giorni-posto occupati': 'Giorni-posto occupati',
      Occupazione: percent('Occupazione'),
      Ingressi: 'Ingressi',
      "Ore per l'appartamento": "Ore per l'appartamento",
      'Ore personali': 'Ore personali',
      Importo: 'Importo',
    },
    filters: ['Anno'],
    choose: { Anno: lastYear },
  },
  {
    link: 'Report attività di comunità',
    key: 'Attività',
    columns: {
      Attività: 'Attività',
      Asse: 'Asse',
      Distretto: 'Distretto',
      Incontri: 'Incontri',
      'Ore fatturate': 'Ore fatturate',
      Importo: 'Importo',
      'Persone con progetto': 'Persone con progetto',
      Presenze: 'Presenze',
      'Altri partecipanti': 'Altri partecipanti',
      Volontari: 'Volontari',
    },
    filters: ['Anno', 'Distretto', 'Asse'],
    choose: { Anno: lastYear, Asse: 'Affettività/Socialità' },
  },
  {
    link: 'Composizione del budget',
    key: 'Fonte',
    columns: { Fonte: 'Fonte', Asse: 'Asse', 'Importo €': 'Importo €', Ore: 'Ore', Progetti: 'Progetti' },
    filters: ['Anno', 'Servizio', 'Distretto'],
    choose: { Anno: lastYear },
  },
];

/** The first row of the page's first table that has one, by the table's column headers. */
async function firstPageRow(main: Locator): Promise<Record<string, string>> {
  const tables = main.locator('table');
  await main.locator('table tbody tr').first().waitFor(WAIT);
  for (let t = 0; t < (await tables.count()); t += 1) {
    const table = tables.nth(t);
    const row = table.locator('tbody tr').first();
    if ((await row.count()) === 0) continue;
    const headers = (await table.locator('thead tr').last().locator('th').allTextContents()).map((h) => h.trim());
    const cells = await row.locator('th, td').allTextContents();
    // A grouped header ("Intensità" over Alta/Media/Bassa) leaves the first columns in the row above.
    const offset = cells.length - headers.length;
    const groupHeads = (await table.locator('thead tr').first().locator('th[rowspan]').allTextContents()).map((h) => h.trim());
    return Object.fromEntries([...groupHeads.slice(0, offset), ...headers].map((header, i) => [header, cells[i] ?? '']));
  }
  throw new Error('the page shows no row');
}

describe('reports in the browser', () => {
  it.each(REPORT_PAGES.map((report) => [report.link, report] as const))(
    'downloads from %s a CSV whose header and first row match the page',
    async (link, { columns, key, filters = [], choose = {} }) => {
      const page = await as('manager');
      // The manager's home is a report page too: the next page's rows are read once its own title shows.
      const menuLink = page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: link, exact: true });
      const title = page.getByRole('heading', { level: 1 });
      const homeTitle = await title.textContent();
      const leaving = new URL(page.url()).pathname !== (await menuLink.getAttribute('href'));
      await menuLink.click();
      if (leaving) await expect.poll(() => title.textContent(), WAIT).not.toBe(homeTitle);
      const main = page.getByRole('main');
      for (const label of filters) await main.getByLabel(label, { exact: true }).waitFor(WAIT);
      for (const [label, option] of Object.entries(choose)) {
        await main.getByLabel(label, { exact: true }).selectOption({ label: option });
        await expect.poll(() => main.locator('.state-loading').count(), WAIT).toBe(0);
      }
      const shown = await firstPageRow(main);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('.page-head').getByRole('button', { name: 'Scarica CSV' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.csv$/);
      if (choose.Anno) expect(download.suggestedFilename()).toContain(choose.Anno);
      const { header, rows } = parseCsv(await readFile(await download.path(), 'utf8'));

      for (const [pageColumn, fileColumn] of Object.entries(columns)) {
        expect(Object.keys(shown), `the page's columns`).toContain(pageColumn);
        if (typeof fileColumn === 'string') expect(header, `the file's header`).toContain(fileColumn);
      }
      const keyColumn = columns[key];
      if (typeof keyColumn !== 'string') throw new Error(`the key ${key} must be one column of the file`);
      const same = rows.find((row) => normalised(row[keyColumn] ?? '') === normalised(shown[key] ?? ''));
      expect(same, `the page's first row (${shown[key]}) in the file`).toBeDefined();
      for (const [pageColumn, fileColumn] of Object.entries(columns)) {
        const expected = typeof fileColumn === 'string' ? (same?.[fileColumn] ?? '') : fileColumn(same ?? {});
        expect(normalised(shown[pageColumn] ?? ''), `${link}: ${pageColumn}`).toBe(normalised(expected));
      }
      expect(problems).toEqual([]);
    },
  );

  it('shows the whole count of the UVM review calendar and loads every row', async () => {
    const token = await apiToken(baseUrl, 'uvm');
    const first = await apiGet<{ overdue: number; near: number }>(baseUrl, token, '/api/reports/reviews-due?within=365&limit=1');
    const total = first.overdue + first.near;
    expect(total).toBeGreaterThan(100);
    const page = await as('uvm');
    await page.getByRole('link', { name: 'Calendario revisioni', exact: true }).click();
    await page.getByLabel('Scadenza', { exact: true }).selectOption('365');
    const count = page.locator('.result-count');
    await expect.poll(() => count.textContent(), WAIT).toContain(`${new Intl.NumberFormat('it-IT').format(total)} risultati`);
    const rows = page.locator('main tbody tr');
    const more = page.getByRole('button', { name: 'Mostra altri' });
    while ((await rows.count()) < total) {
      const before = await rows.count();
      await more.click();
      await expect.poll(() => rows.count(), WAIT).toBeGreaterThan(before);
    }
    expect(await rows.count()).toBe(total);
    await expect.poll(() => more.count(), WAIT).toBe(0);
    expect(problems).toEqual([]);
  });

  it('shows the project timeline with real Italian dates, newest first, and Italian names of what changed', async () => {
    const token = await apiToken(baseUrl, 'manager');
    const active = await apiGet<{ items: PtriSummary[] }>(baseUrl, token, '/api/ptris?status=active&limit=50');
    let project: PtriDetail | undefined;
    for (const summary of active.items) {
      const detail = await apiGet<PtriDetail>(baseUrl, token, `/api/ptris/${summary.id}`);
      if (detail.evaluations.length >= 2) {
        project = detail;
        break;
      }
    }
    if (!project) throw new Error('the demo data has no active project with two evaluations');
    const page = await as('manager');
    await page.goto(`/progetti/${project.id}`);
    const entries = page.locator('ol.timeline > li');
    await expect.poll(() => entries.count(), WAIT).toBeGreaterThan(project.evaluations.length);
    const whens = await entries.locator(':scope > span.diff').allTextContents();
    const text = (await page.locator('ol.timeline').textContent()) ?? '';

    const days = whens.map((when) => {
      const date = /^(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(when);
      if (date) {
        const [day, month, year] = [Number(date[1]), Number(date[2]), Number(date[3])];
        // A real calendar day: 31/11 would roll over to 1/12.
        const real = new Date(Date.UTC(year, month - 1, day));
        expect(real.getUTCDate(), `"${when}" is a real day`).toBe(day);
        expect(real.getUTCMonth() + 1, `"${when}" is a real day`).toBe(month);
        return real.toISOString().slice(0, 10);
      }
      const monthOnly = /^(gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre) (\d{4})$/.exec(
        when,
      );
      expect(monthOnly, `"${when}" is an Italian date or month`).not.toBeNull();
      return `${monthOnly?.[2]}-${String(MONTHS.indexOf(monthOnly?.[1] ?? '') + 1).padStart(2, '0')}-31`;
    });
    expect(
      days.every((day, i) => i === 0 || day <= (days[i - 1] ?? day)),
      `newest first: ${whens.join(' | ')}`,
    ).toBe(true);
    for (const evaluation of project.evaluations) {
      const [year, month, day] = evaluation.date.split('-');
      expect(whens).toContain(`${day}/${month}/${year}`);
    }
    expect(text).not.toMatch(/\b(goals|budgetLines|startDate|endDate|cooperativeIds|intensity)\b/);
    expect(problems).toEqual([]);
  });
});

const MONTHS = [
  'gennaio',
  'febbraio',
  'marzo',
  'aprile',
  'maggio',
  'giugno',
  'luglio',
  'agosto',
  'settembre',
  'ottobre',
  'novembre',
  'dicembre',
];
