// The caseload import and export (issue 22): encodings and formats, the dry run, mapping an
// unknown service spelling, identity checks, all-or-nothing and idempotent real runs, and scope.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { workbookOf } from '@bds/server/imports/export.ts';
import { auditCount, createTestContext, fiscalCode, type Caller, type TestContext } from './helpers.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(() => ctx.close());

const HEADER = [
  'codice_fiscale',
  'cognome',
  'nome',
  'data_nascita',
  'sesso',
  'distretto',
  'servizio',
  'lotto',
  'data_inizio',
  'data_fine',
  'stato',
  'data_chiusura',
  'intensita',
  'cooperative',
  'case_manager',
  'obiettivi_casa',
  'obiettivi_socialita',
  'obiettivi_lavoro',
];

const ROSSI = fiscalCode('RSSMRA80A01A944');
const VERDI = fiscalCode('VRDLNE75C41A944');
const NICOLO = fiscalCode('DLANCL90E05A944');

type Row = Partial<Record<(typeof HEADER)[number], string>>;

function row(values: Row): string[] {
  const base: Row = {
    codice_fiscale: ROSSI,
    cognome: 'Rossi',
    nome: 'Mario',
    data_nascita: '01/01/1980',
    sesso: 'M',
    distretto: 'Città di Bologna',
    servizio: 'CSM NAVILE',
    lotto: '1',
    data_inizio: '01/03/2025',
    data_fine: '28/02/2026',
    stato: 'attivo',
    data_chiusura: '',
    intensita: 'media',
    cooperative: 'Coop Alfa (test)',
    case_manager: 'cm.navile',
    obiettivi_casa: 'Vivere da solo|Gestire la casa',
    obiettivi_socialita: 'Frequentare un gruppo',
    obiettivi_lavoro: '',
  };
  return HEADER.map((column) => ({ ...base, ...values })[column] ?? '');
}

const THREE_ROWS = [
  row({}),
  row({
    codice_fiscale: VERDI,
    cognome: 'Verdi',
    nome: 'Elena',
    data_nascita: '01/03/1975',
    sesso: 'F',
    stato: 'chiuso',
    data_inizio: '2024-01-10',
    data_fine: '2025-01-09',
    data_chiusura: '15/12/2024',
  }),
  row({ data_inizio: '01/03/2024', data_fine: '28/02/2025', stato: 'chiuso', data_chiusura: '28/02/2025', intensita: 'alta' }),
];

function csv(rows: string[][], delimiter = ';'): string {
  const quote = (cell: string) => (/[";,\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  return [HEADER, ...rows].map((cells) => cells.map(quote).join(delimiter)).join('\r\n') + '\r\n';
}

async function send(caller: Caller, body: string | Buffer, dryRun: boolean, contentType = 'text/csv', fileName = 'carichi.csv') {
  return caller({
    method: 'POST',
    url: `/api/imports/caseload?dryRun=${dryRun}&fileName=${encodeURIComponent(fileName)}`,
    headers: { 'content-type': contentType },
    payload: body,
  });
}

const count = (table: string) => (ctx.db.$client.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

async function yearlyUsers(year: number): Promise<number> {
  const res = await (await ctx.as('manager'))({ method: 'GET', url: `/api/reports/yearly-counts?year=${year}&lot=1` });
  return res.json<{ total: number }>().total;
}

describe('the dry run', () => {
  it('answers what would happen and changes nothing', async () => {
    const admin = await ctx.as('admin');
    const audit = auditCount(ctx.db);
    const res = await send(admin, csv(THREE_ROWS), true);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      dryRun: true,
      rows: 3,
      persons: { new: 2, matched: 0 },
      projects: { new: 3, present: 0 },
      services: [{ spelling: 'CSM NAVILE', serviceId: ctx.world.services.navile, rows: [2, 3, 4] }],
      cooperatives: [{ spelling: 'Coop Alfa (test)', cooperativeId: ctx.world.coops.alfa, rows: 3 }],
      errors: [],
    });
    expect([count('persons'), count('ptris')]).toEqual([0, 0]);
    // The dry run read the registry: one access-log row, nothing else written.
    expect(auditCount(ctx.db)).toBe(audit + 1);
  });
});

describe('the real run', () => {
  it('creates the persons and projects as active or closed with their dates, and counts them', async () => {
    const admin = await ctx.as('admin');
    const res = await send(admin, csv(THREE_ROWS), false);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      dryRun: false,
      persons: { new: 2, matched: 0 },
      projects: { new: 3, present: 0 },
      importId: expect.any(Number),
    });
    const projects = ctx.db.$client.prepare('SELECT status, start_date, activated_on, ended_on, intensity FROM ptris ORDER BY id').all();
    expect(projects).toEqual([
      { status: 'active', start_date: '2025-03-01', activated_on: '2025-03-01', ended_on: null, intensity: 'medium' },
      { status: 'closed', start_date: '2024-01-10', activated_on: '2024-01-10', ended_on: '2024-12-15', intensity: 'medium' },
      { status: 'closed', start_date: '2024-03-01', activated_on: '2024-03-01', ended_on: '2025-02-28', intensity: 'high' },
    ]);
    expect(count('evaluations')).toBe(0);
    expect(count('imported_ptris')).toBe(3);
    expect(await yearlyUsers(2024)).toBe(2);
    expect(await yearlyUsers(2025)).toBe(1);
  });

  it('keeps the source file and row in the project history', async () => {
    const admin = await ctx.as('admin');
    await send(admin, csv(THREE_ROWS), false, 'text/csv', 'carichi navile 2025.csv');
    const id = (ctx.db.$client.prepare('SELECT id FROM ptris WHERE start_date = ?').get('2024-01-10') as { id: number }).id;
    const history = await admin({ method: 'GET', url: `/api/ptris/${id}/history` });
    expect(history.json()).toEqual([
      expect.objectContaining({ kind: 'revision', version: 1, reason: 'Importato dal file «carichi navile 2025.csv», riga 3' }),
    ]);
  });

  it('logs one import with the file hash and one row per person, which their art. 15 record shows', async () => {
    const admin = await ctx.as('admin');
    await send(admin, csv(THREE_ROWS), false);
    const rows = ctx.db.$client
      .prepare("SELECT action, person_id, changes FROM audit_log WHERE entity = 'caseload_import' ORDER BY id")
      .all() as { action: string; person_id: number | null; changes: string }[];
    expect(rows.map((r) => [r.action, r.person_id === null])).toEqual([
      ['create', true],
      ['create', false],
      ['create', false],
    ]);
    expect(JSON.parse(rows[0]!.changes).sha256).toMatch(/^[0-9a-f]{64}$/);
    const record = await admin({ method: 'GET', url: `/api/persons/${rows[1]!.person_id}/record` });
    expect(record.json().accessLog).toEqual(
      expect.arrayContaining([expect.objectContaining({ entity: 'caseload_import', action: 'create' })]),
    );
  });

  it('creates nothing the second time the same file comes in, and says so', async () => {
    const admin = await ctx.as('admin');
    await send(admin, csv(THREE_ROWS), false);
    const before = [count('persons'), count('ptris'), count('goals'), count('ptri_revisions'), count('caseload_imports')];
    const again = await send(admin, csv(THREE_ROWS), false);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ persons: { new: 0, matched: 2 }, projects: { new: 0, present: 3 } });
    expect(again.json().importId).toBeUndefined();
    expect(again.json().message).toContain('già importato');
    expect([count('persons'), count('ptris'), count('goals'), count('ptri_revisions'), count('caseload_imports')]).toEqual(before);
  });

  it('adds only the new rows of a later file to the persons already registered', async () => {
    const admin = await ctx.as('admin');
    await send(admin, csv(THREE_ROWS.slice(0, 1)), false);
    const res = await send(admin, csv(THREE_ROWS), false);
    expect(res.json()).toMatchObject({ persons: { new: 1, matched: 1 }, projects: { new: 2, present: 1 } });
    expect(count('ptris')).toBe(3);
  });

  it('writes nothing when one row is bad, and names the row and field', async () => {
    const admin = await ctx.as('admin');
    const audit = auditCount(ctx.db);
    const bad = [
      row({ codice_fiscale: NICOLO, cognome: 'Dalò', nome: 'Nicolò', data_nascita: '31/02/1990' }),
      row({ lotto: '7', data_inizio: '01/01/2023' }),
    ];
    const res = await send(admin, csv([...THREE_ROWS, ...bad]), false);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors).toEqual([
      expect.objectContaining({ row: 5, field: 'data_nascita', message: 'data non valida (GG/MM/AAAA)' }),
      expect.objectContaining({ row: 6, field: 'lotto', message: 'nessun lotto 7 registrato' }),
    ]);
    expect([count('persons'), count('ptris'), auditCount(ctx.db)]).toEqual([0, 0, audit]);
  });
});

describe('the goals of a project imported closed', () => {
  const withOutcome = (rows: [string[], string][]) =>
    [[...HEADER, 'esito_obiettivi'], ...rows.map(([cells, outcome]) => [...cells, outcome])].map((cells) => cells.join(';')).join('\r\n');
  const closed = { data_inizio: '01/03/2024', data_fine: '28/02/2025', stato: 'chiuso', data_chiusura: '28/02/2025' };
  const statuses = () =>
    ctx.db.$client.prepare('SELECT ptri_id AS ptriId, status FROM goals ORDER BY ptri_id, position').all() as {
      ptriId: number;
      status: string;
    }[];

  it('get the outcome of the esito_obiettivi column, or "not assessed" without one; an active project keeps them open', async () => {
    const admin = await ctx.as('admin');
    const file = withOutcome([
      [row(closed), 'parzialmente raggiunto'],
      [row({ ...closed, codice_fiscale: VERDI, cognome: 'Verdi', nome: 'Elena', sesso: 'F', data_nascita: '01/03/1975' }), ''],
      [row({ codice_fiscale: NICOLO, cognome: 'Dal', nome: 'Nicolò', data_nascita: '05/05/1990' }), ''],
    ]);
    const res = await send(admin, file, false);
    expect(res.statusCode, res.body).toBe(200);
    const byProject = new Map<number, Set<string>>();
    for (const goal of statuses()) byProject.set(goal.ptriId, (byProject.get(goal.ptriId) ?? new Set()).add(goal.status));
    expect([...byProject.values()].map((set) => [...set])).toEqual([['partly_achieved'], ['not_assessed'], ['open']]);
    // What the export writes back: the shared outcome of a closed project, nothing for an open one.
    const exported = parse((await admin({ method: 'GET', url: '/api/exports/caseload?format=csv' })).body.slice(1), {
      delimiter: ';',
    }) as string[][];
    const outcomeColumn = exported[0]!.indexOf('esito_obiettivi');
    expect(
      exported
        .slice(1)
        .map((cells) => cells[outcomeColumn])
        .sort(),
    ).toEqual(['', 'non valutato', 'parzialmente raggiunto']);
  });

  it('refuses an outcome on a project that is not closed, or one it does not know, naming the row and column', async () => {
    const admin = await ctx.as('admin');
    const file = withOutcome([
      [row({}), 'raggiunto'],
      [row({ ...closed, codice_fiscale: VERDI, cognome: 'Verdi', nome: 'Elena', sesso: 'F', data_nascita: '01/03/1975' }), 'benissimo'],
    ]);
    const res = await send(admin, file, false);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ row: 2, field: 'esito_obiettivi', message: expect.stringContaining('chiuso') }),
      expect.objectContaining({ row: 3, field: 'esito_obiettivi', message: expect.stringContaining('non valido') }),
    ]);
    expect(count('ptris')).toBe(0);
  });
});

describe('encodings and formats', () => {
  const accented = [
    row({ codice_fiscale: NICOLO, cognome: "D'Alò", nome: 'Nicolò Mattìa', data_nascita: '05/05/1990', distretto: 'Città di Bologna' }),
  ];

  it.each([
    ['UTF-8', (text: string) => Buffer.from(text, 'utf8')],
    ['UTF-8 with BOM', (text: string) => Buffer.from(`\uFEFF${text}`, 'utf8')],
    ['Windows-1252', (text: string) => Buffer.from(text, 'latin1')],
  ])('reads accented names from %s', async (_name, encode) => {
    const res = await send(await ctx.as('admin'), encode(csv(accented)), false);
    expect(res.statusCode, res.body).toBe(200);
    expect(ctx.db.$client.prepare('SELECT family_name, given_name FROM persons').get()).toEqual({
      family_name: "D'Alò",
      given_name: 'Nicolò Mattìa',
    });
  });

  it('reads a file separated by commas', async () => {
    const res = await send(await ctx.as('admin'), csv(THREE_ROWS, ','), true);
    expect(res.json()).toMatchObject({ projects: { new: 3 }, errors: [] });
  });

  it('reads an .xlsx workbook', async () => {
    const workbook = await workbookOf(THREE_ROWS);
    const res = await send(
      await ctx.as('admin'),
      workbook,
      false,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'carichi.xlsx',
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ projects: { new: 3, present: 0 }, persons: { new: 2 } });
  });

  it('refuses what is not a caseload spreadsheet with a problem naming the file', async () => {
    const admin = await ctx.as('admin');
    for (const body of [
      '',
      'nome;cognome\nMario;Rossi\n',
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2]),
      Buffer.from([0, 1, 2, 3, 0xff]),
    ]) {
      const res = await send(admin, body, true);
      expect(res.statusCode, String(body)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const json = await admin({ method: 'POST', url: '/api/imports/caseload?dryRun=true', payload: { rows: [] } });
    expect(json.statusCode).toBe(400);
    const bad = await send(admin, csv(THREE_ROWS), 'forse' as unknown as boolean);
    expect(bad.statusCode).toBe(400);
  });
});

describe('service spellings', () => {
  it('lists an unknown spelling with its rows, and accepts the file once it is mapped as an alias', async () => {
    const admin = await ctx.as('admin');
    const file = csv([
      row({ servizio: 'C.S.M. Navile - ex Mazzini' }),
      row({ data_inizio: '01/03/2024', data_fine: '28/02/2025', stato: 'chiuso', data_chiusura: '28/02/2025' }),
    ]);
    const first = await send(admin, file, true);
    expect(first.json().services).toEqual([
      { spelling: 'C.S.M. Navile - ex Mazzini', rows: [2] },
      { spelling: 'CSM NAVILE', serviceId: ctx.world.services.navile, rows: [3] },
    ]);
    expect(first.json().errors).toEqual([expect.objectContaining({ row: 2, field: 'servizio' })]);
    expect((await send(admin, file, false)).statusCode).toBe(400);

    const mapped = await admin({
      method: 'PATCH',
      url: `/api/services/${ctx.world.services.navile}`,
      payload: { aliases: ['CSM NAVILE', 'C.S.M. Navile - ex Mazzini'] },
    });
    expect(mapped.statusCode, mapped.body).toBe(200);
    const second = await send(admin, file, true);
    expect(second.json()).toMatchObject({ errors: [], projects: { new: 2 } });
    expect(second.json().services[0]).toEqual({ spelling: 'C.S.M. Navile - ex Mazzini', serviceId: ctx.world.services.navile, rows: [2] });
  });
});

describe('persons already registered', () => {
  it('refuses a codice fiscale whose identity contradicts the registered person, naming the row and field', async () => {
    const cm = await ctx.as('cm.navile');
    const registered = await cm({
      method: 'POST',
      url: '/api/persons',
      payload: {
        fiscalCode: ROSSI,
        givenName: 'Mario',
        familyName: 'Rossi',
        birthDate: '1980-01-01',
        sex: 'M',
        districtId: ctx.world.districts.bologna,
      },
    });
    expect(registered.statusCode, registered.body).toBe(201);
    const admin = await ctx.as('admin');
    const file = csv([THREE_ROWS[1]!, row({ cognome: 'Bianchi' })]);
    const dry = await send(admin, file, true);
    expect(dry.json().errors).toEqual([
      { row: 3, field: 'cognome', message: 'diverso da quello della persona già registrata con questo codice fiscale' },
    ]);
    const real = await send(admin, file, false);
    expect(real.statusCode).toBe(400);
    expect(real.json().errors).toEqual([expect.objectContaining({ row: 3, field: 'cognome' })]);
    expect([count('persons'), count('ptris')]).toEqual([1, 0]);
  });

  it('matches a registered person with the same identity and gives them the projects', async () => {
    const cm = await ctx.as('cm.navile');
    await cm({
      method: 'POST',
      url: '/api/persons',
      payload: {
        fiscalCode: ROSSI,
        givenName: 'Mario',
        familyName: 'ROSSI',
        birthDate: '1980-01-01',
        sex: 'M',
        districtId: ctx.world.districts.bologna,
      },
    });
    const res = await send(await ctx.as('admin'), csv(THREE_ROWS), false);
    expect(res.json()).toMatchObject({ persons: { new: 1, matched: 1 }, projects: { new: 3 } });
    expect(count('persons')).toBe(2);
  });
});

describe('who may import and export', () => {
  it('lets only the admin import', async () => {
    for (const user of ['manager', 'cm.navile', 'uvm.bologna', 'coop.alfa']) {
      const res = await send(await ctx.as(user), csv(THREE_ROWS), true);
      expect(res.statusCode, user).toBe(403);
    }
  });

  it('exports the same columns, which import again, and limits a case manager to their own service', async () => {
    const admin = await ctx.as('admin');
    await send(
      admin,
      csv([
        ...THREE_ROWS,
        row({
          codice_fiscale: NICOLO,
          cognome: 'Dalò',
          nome: 'Nicolò',
          data_nascita: '05/05/1990',
          servizio: 'CSM-BUDRIO',
          distretto: 'PIANURA-EST',
          case_manager: 'cm.budrio',
        }),
      ]),
      false,
    );

    const manager = await ctx.as('manager');
    const all = await manager({ method: 'GET', url: '/api/exports/caseload?format=csv' });
    expect(all.statusCode).toBe(200);
    expect(all.body.startsWith('\uFEFF')).toBe(true);
    const records = parse(all.body.slice(1), { delimiter: ';' }) as string[][];
    expect(records[0]).toEqual([...HEADER, 'esito_obiettivi']);
    expect(records).toHaveLength(5);
    // Imported closed without an outcome: its goals come back "non valutato".
    expect(records.find((r) => r[0] === VERDI)).toEqual([
      ...row({
        codice_fiscale: VERDI,
        cognome: 'Verdi',
        nome: 'Elena',
        data_nascita: '01/03/1975',
        sesso: 'F',
        servizio: 'CSM Navile',
        stato: 'chiuso',
        data_inizio: '10/01/2024',
        data_fine: '09/01/2025',
        data_chiusura: '15/12/2024',
        obiettivi_casa: 'Vivere da solo|Gestire la casa',
      }),
      'non valutato',
    ]);
    const again = await send(admin, all.rawPayload, false);
    expect(again.json()).toMatchObject({ projects: { new: 0, present: 4 }, errors: [] });

    const year = await manager({ method: 'GET', url: '/api/exports/caseload?year=2025&format=csv' });
    expect(parse(year.body.slice(1), { delimiter: ';' })).toHaveLength(1 + 3);

    const cm = await ctx.as('cm.navile');
    const own = await cm({ method: 'GET', url: '/api/exports/caseload' });
    expect((parse(own.body.slice(1), { delimiter: ';' }) as string[][]).slice(1).map((r) => r[6])).toEqual([
      'CSM Navile',
      'CSM Navile',
      'CSM Navile',
    ]);
    expect((await cm({ method: 'GET', url: `/api/exports/caseload?serviceId=${ctx.world.services.budrio}` })).statusCode).toBe(403);
    const xlsx = await cm({ method: 'GET', url: `/api/exports/caseload?serviceId=${ctx.world.services.navile}&format=xlsx` });
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const fromXlsx = await send(admin, xlsx.rawPayload, true, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(fromXlsx.json()).toMatchObject({ rows: 3, projects: { new: 0, present: 3 }, errors: [] });
    for (const user of ['uvm.bologna', 'coop.alfa']) {
      expect((await (await ctx.as(user))({ method: 'GET', url: '/api/exports/caseload' })).statusCode, user).toBe(403);
    }
  });
});
