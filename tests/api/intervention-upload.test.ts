import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './helpers.ts';
import { activeProject, csvUpload, record, recomputedSummaries, storedSummaries } from './work-helpers.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(() => ctx.close());

const HEADER = 'ptriId;date;axis;activity;hours;operatorRole;notes';
const count = () => (ctx.db.$client.prepare('SELECT COUNT(*) AS n FROM interventions').get() as { n: number }).n;

describe('CSV month upload', () => {
  it('stores every row of a good file, reading decimal commas and Italian dates', async () => {
    const { id } = await activeProject(ctx);
    const file = `\uFEFF${HEADER}\r\n${id};2025-03-03;habitat;Accompagnamento all'abitare;1,5;Educatore;\r\n${id};04/03/2025;lavoro;Tirocinio e inserimento lavorativo;2;Tutor;"con nota; e punto e virgola"\r\n`;
    const res = await csvUpload(await ctx.as('coop.alfa'), ctx.world.coops.alfa, '2025-03', file);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ rows: 2, alreadyUploaded: false });
    const rows = ctx.db.$client.prepare('SELECT date, axis, minutes, notes FROM interventions ORDER BY date').all();
    expect(rows).toEqual([
      { date: '2025-03-03', axis: 'habitat', minutes: 90, notes: null },
      { date: '2025-03-04', axis: 'work', minutes: 120, notes: 'con nota; e punto e virgola' },
    ]);
    expect(storedSummaries(ctx)).toEqual(recomputedSummaries(ctx));
  });

  it('writes nothing when a row is bad, and lists every bad row with its field', async () => {
    const { id } = await activeProject(ctx);
    const other = await activeProject(ctx, { cooperatives: ['beta'] });
    const file = [
      HEADER,
      `${id};2025-03-03;habitat;Accompagnamento all'abitare;1;Educatore;`,
      `${id};2025-03-32;habitat;Accompagnamento all'abitare;1;Educatore;`,
      `${id};2025-03-05;habitat;Accompagnamento all'abitare;1,1;Educatore;`,
      `${other.id};2025-03-06;habitat;Accompagnamento all'abitare;1;Educatore;`,
      `${id};2025-04-01;habitat;Accompagnamento all'abitare;1;Educatore;`,
      `${id};2025-03-07;casa;Pulizie;1;Educatore;`,
    ].join('\n');
    const res = await csvUpload(await ctx.as('coop.alfa'), ctx.world.coops.alfa, '2025-03', file);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const errors = res.json().errors as { row: number; field: string }[];
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [3, 'date'],
      [4, 'hours'],
      [5, 'ptriId'],
      [6, 'date'],
      [7, 'activity'],
    ]);
    expect(count()).toBe(0);
    expect(storedSummaries(ctx)).toMatchObject({ totals: [], activity: [] });
  });

  it('changes nothing when the same file is uploaded again, and says so', async () => {
    const { id } = await activeProject(ctx);
    const alfa = await ctx.as('coop.alfa');
    const file = `${HEADER}\n${id};2025-03-03;habitat;Accompagnamento all'abitare;1;Educatore;\n`;
    const first = await csvUpload(alfa, ctx.world.coops.alfa, '2025-03', file);
    expect(first.statusCode).toBe(201);
    expect(first.json().message).toBe('Caricato 1 intervento del mese di marzo 2025');
    const again = await csvUpload(alfa, ctx.world.coops.alfa, '2025-03', file);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ alreadyUploaded: true, rows: 1 });
    expect(again.json().message).toMatch(/^File già caricato il \d{2}\/\d{2}\/\d{4}: nessuna modifica$/);
    expect(count()).toBe(1);
  });

  it('refuses an upload into a submitted month and into another cooperative', async () => {
    const { id } = await activeProject(ctx);
    const alfa = await ctx.as('coop.alfa');
    await record(alfa, id);
    await alfa({ method: 'POST', url: `/api/cooperatives/${ctx.world.coops.alfa}/reports/2025-03/submit` });
    const file = `${HEADER}\n${id};2025-03-03;habitat;Accompagnamento all'abitare;1;Educatore;\n`;
    expect((await csvUpload(alfa, ctx.world.coops.alfa, '2025-03', file)).statusCode).toBe(409);
    expect((await csvUpload(alfa, ctx.world.coops.beta, '2025-04', file)).statusCode).toBe(404);
    expect((await csvUpload(alfa, ctx.world.coops.alfa, '2025-04', 'a;b\n1;2\n')).json().errors[0].path).toBe('file');
  });

  it('stores a 10,000-row month while other requests are answered', async () => {
    const projects = await Promise.all(Array.from({ length: 5 }, () => activeProject(ctx)));
    const lines = [HEADER];
    for (let i = 0; i < 10_000; i += 1) {
      const day = String((i % 28) + 1).padStart(2, '0');
      lines.push(`${projects[i % 5]!.id};2025-03-${day};sociality;Attività di socializzazione;0,25;Educatore;riga ${i}`);
    }
    const order: string[] = [];
    const upload = csvUpload(await ctx.as('coop.alfa'), ctx.world.coops.alfa, '2025-03', lines.join('\n')).finally(() =>
      order.push('upload'),
    );
    // Once the upload is under way, a request sent later is answered before it ends.
    for (let turn = 0; turn < 3; turn += 1) await new Promise((resolve) => setImmediate(resolve));
    await ctx.app.inject({ method: 'GET', url: '/api/health' }).finally(() => order.push('health'));
    const res = await upload;
    expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
    expect(order).toEqual(['health', 'upload']);
    expect(count()).toBe(10_000);
    expect(storedSummaries(ctx)).toEqual(recomputedSummaries(ctx));
  });
});

describe('the same rows again', () => {
  it('recognises a repeat whatever the line ends, BOM, blank lines, column names or order', async () => {
    const { id } = await activeProject(ctx);
    const alfa = await ctx.as('coop.alfa');
    const first = `${HEADER}\n${id};2025-03-03;habitat;Accompagnamento all'abitare;1,5;Educatore;\n${id};2025-03-04;work;Tirocinio e inserimento lavorativo;2;Tutor;nota\n`;
    expect((await csvUpload(alfa, ctx.world.coops.alfa, '2025-03', first)).statusCode).toBe(201);
    const again = `\uFEFFprogetto;data;asse;attività;ore;ruolo_operatore;note\r\n\r\n${id};04/03/2025;Lavoro;Tirocinio e inserimento lavorativo;2,0;Tutor;nota\r\n;;;;;;\r\n${id};03/03/2025;Casa;accompagnamento all'abitare;1.5;Educatore;\r\n\r\n`;
    const res = await csvUpload(alfa, ctx.world.coops.alfa, '2025-03', again);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ alreadyUploaded: true, rows: 2 });
    expect(count()).toBe(2);
  });

  it('loads the same file again once every row of its upload has been deleted', async () => {
    const { id } = await activeProject(ctx);
    const alfa = await ctx.as('coop.alfa');
    const file = `${HEADER}\n${id};2025-03-03;habitat;Accompagnamento all'abitare;1;Educatore;\n${id};2025-03-05;habitat;Accompagnamento all'abitare;1;Educatore;\n`;
    expect((await csvUpload(alfa, ctx.world.coops.alfa, '2025-03', file)).statusCode).toBe(201);
    const stored = (await alfa({ method: 'GET', url: `/api/interventions?ptriId=${id}` })).json().items as { id: number }[];
    expect((await alfa({ method: 'DELETE', url: `/api/interventions/${stored[0]!.id}` })).statusCode).toBe(204);
    expect((await csvUpload(alfa, ctx.world.coops.alfa, '2025-03', file)).json()).toMatchObject({ alreadyUploaded: true });
    expect((await alfa({ method: 'DELETE', url: `/api/interventions/${stored[1]!.id}` })).statusCode).toBe(204);
    const reloaded = await csvUpload(alfa, ctx.world.coops.alfa, '2025-03', file);
    expect(reloaded.statusCode, reloaded.body).toBe(201);
    expect(count()).toBe(2);
    expect(storedSummaries(ctx)).toEqual(recomputedSummaries(ctx));
  });
});

describe('cells checked as the JSON body is', () => {
  it('refuses control characters and over-long text with the words of the JSON body, and changes nothing', async () => {
    const { id } = await activeProject(ctx);
    const alfa = await ctx.as('coop.alfa');
    const json = await record(alfa, id, { activity: 'Accompagnamento\u0007', notes: 'x'.repeat(1001), operatorRole: ' ' });
    const jsonMessages = Object.fromEntries((json.json().errors as { path: string; message: string }[]).map((e) => [e.path, e.message]));
    const file = `${HEADER}\n${id};2025-03-03;habitat;Accompagnamento\u0007;1;" ";${'x'.repeat(1001)}\n`;
    const res = await csvUpload(alfa, ctx.world.coops.alfa, '2025-03', file);
    expect(res.statusCode).toBe(400);
    const csvMessages = Object.fromEntries((res.json().errors as { field: string; message: string }[]).map((e) => [e.field, e.message]));
    expect(csvMessages).toEqual(jsonMessages);
    expect(csvMessages.activity).toBe('contiene caratteri di controllo');
    expect(count()).toBe(0);
  });

  it('refuses a comma-separated file whose decimal commas are not quoted, instead of misreading it', async () => {
    const { id } = await activeProject(ctx);
    const file = `ptriId,date,axis,activity,hours,operatorRole,notes\n${id},2025-03-03,habitat,Accompagnamento all'abitare,1,5,Educatore,\n`;
    const res = await csvUpload(await ctx.as('coop.alfa'), ctx.world.coops.alfa, '2025-03', file);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      {
        path: 'file',
        message:
          "la riga 2 ha più celle dell'intestazione: in un file separato da virgole i numeri con la virgola (1,5) vanno tra virgolette; meglio salvare il file con il punto e virgola (;) come separatore",
      },
    ]);
    const quoted = `ptriId,date,axis,activity,hours,operatorRole,notes\n${id},2025-03-03,habitat,Accompagnamento all'abitare,"1,5",Educatore,\n`;
    expect((await csvUpload(await ctx.as('coop.alfa'), ctx.world.coops.alfa, '2025-03', quoted)).statusCode).toBe(201);
    expect(ctx.db.$client.prepare('SELECT minutes, operator_role AS role FROM interventions').all()).toEqual([
      { minutes: 90, role: 'Educatore' },
    ]);
  });

  it('reports every error of a row: three errors, three lines', async () => {
    const { id } = await activeProject(ctx);
    const file = `${HEADER}\n${id};2025-03-32;habitat;Pulizie;30;Educatore;\n`;
    const res = await csvUpload(await ctx.as('coop.alfa'), ctx.world.coops.alfa, '2025-03', file);
    expect(res.statusCode).toBe(400);
    expect((res.json().errors as { row: number; field: string }[]).map((e) => [e.row, e.field])).toEqual([
      [2, 'date'],
      [2, 'hours'],
      [2, 'activity'],
    ]);
  });

  it('lists the errors of the first 100 bad rows and counts them all', async () => {
    const { id } = await activeProject(ctx);
    const lines = [
      HEADER,
      ...Array.from(
        { length: 150 },
        (_, i) => `${id};2025-03-${String((i % 28) + 1).padStart(2, '0')};habitat;Accompagnamento all'abitare;25;Educatore;`,
      ),
    ];
    const res = await csvUpload(await ctx.as('coop.alfa'), ctx.world.coops.alfa, '2025-03', lines.join('\n'));
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toBe(
      '150 righe non valide (150 errori): nessun intervento registrato; elencati gli errori delle prime 100 righe',
    );
    const rows = new Set((res.json().errors as { row: number }[]).map((e) => e.row));
    expect(rows.size).toBe(100);
    expect(Math.max(...rows)).toBe(101);
  });
});

describe('Italian columns and the month template', () => {
  it('takes Italian column and axis names, with accents and case as typed', async () => {
    const { id } = await activeProject(ctx);
    const file = [
      'PTRI;Data;Asse;Attività;Ore;Ruolo Operatore;Note',
      `${id};03/03/2025;Casa;Accompagnamento all'abitare;1;Educatore;`,
      `${id};04/03/2025;SOCIALITÀ;Attività di socializzazione;1;Educatore;`,
      `${id};05/03/2025;Formazione/Lavoro;Tirocinio e inserimento lavorativo;1;Tutor;`,
    ].join('\n');
    const res = await csvUpload(await ctx.as('coop.alfa'), ctx.world.coops.alfa, '2025-03', file);
    expect(res.statusCode, res.body).toBe(201);
    expect(ctx.db.$client.prepare('SELECT axis FROM interventions ORDER BY date').all()).toEqual([
      { axis: 'habitat' },
      { axis: 'sociality' },
      { axis: 'work' },
    ]);
  });

  it('offers a template of the month with every active project, which goes back filled in', async () => {
    const { id } = await activeProject(ctx);
    const second = await activeProject(ctx);
    await activeProject(ctx, { cooperatives: ['beta'] });
    await activeProject(ctx, { startDate: '2025-05-01', approvedOn: '2025-04-20' });
    const alfa = await ctx.as('coop.alfa');
    const res = await alfa({ method: 'GET', url: `/api/cooperatives/${ctx.world.coops.alfa}/reports/2025-03/template.csv` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toBe('attachment; filename="modello-interventi-2025-03.csv"');
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('progetto;persona;data;asse;attivita;ore;ruolo_operatore;note');
    expect(
      lines
        .slice(1)
        .map((line) => Number(line.split(';')[0]))
        .sort((a, b) => a - b),
    ).toEqual([id, second.id].sort((a, b) => a - b));
    const filled = res.body.replace(
      new RegExp(`^${id};([^;]*);;;;;;$`, 'm'),
      `${id};$1;03/03/2025;casa;Accompagnamento all'abitare;2;Educatore;`,
    );
    const upload = await csvUpload(alfa, ctx.world.coops.alfa, '2025-03', filled);
    expect(upload.statusCode, upload.body).toBe(201);
    expect(upload.json().rows).toBe(1);
    const audit = ctx.db.$client.prepare("SELECT changes FROM audit_log WHERE action = 'export' AND entity = 'ptri_list'").get() as {
      changes: string;
    };
    expect(JSON.parse(audit.changes)).toMatchObject({ template: '2025-03' });
  });
});

describe('at most 24 hours of a person in one day', () => {
  it('holds across single entries, corrections and uploads', async () => {
    const { id } = await activeProject(ctx, { cooperatives: ['alfa', 'beta'] });
    const alfa = await ctx.as('coop.alfa');
    const beta = await ctx.as('coop.beta');
    expect((await record(alfa, id, { date: '2025-03-10', hours: 20 })).statusCode).toBe(201);
    const four = await record(beta, id, { date: '2025-03-10', hours: 4 });
    expect(four.statusCode).toBe(201);
    const over = await record(alfa, id, { date: '2025-03-10', hours: 0.25 });
    expect(over.statusCode).toBe(400);
    expect(over.json().errors).toEqual([
      { path: 'hours', message: 'oltre le 24 ore di interventi per la persona il 10/03/2025 (già registrate: 24 ore)' },
    ]);
    expect((await beta({ method: 'PATCH', url: `/api/interventions/${four.json().id}`, payload: { hours: 4.25 } })).statusCode).toBe(400);
    expect((await beta({ method: 'PATCH', url: `/api/interventions/${four.json().id}`, payload: { hours: 3 } })).statusCode).toBe(200);

    const file = (hours: string[]) =>
      [HEADER, ...hours.map((h) => `${id};2025-03-10;habitat;Accompagnamento all'abitare;${h};Educatore;`)].join('\n');
    const refused = await csvUpload(alfa, ctx.world.coops.alfa, '2025-03', file(['0,5', '0,75']));
    expect(refused.statusCode).toBe(400);
    expect((refused.json().errors as { row: number; field: string }[]).map((e) => [e.row, e.field])).toEqual([[3, 'hours']]);
    expect((await csvUpload(alfa, ctx.world.coops.alfa, '2025-03', file(['0,5', '0,5']))).statusCode).toBe(201);
    expect(ctx.db.$client.prepare("SELECT SUM(minutes) AS m FROM interventions WHERE date = '2025-03-10'").get()).toEqual({ m: 24 * 60 });
  });
});
