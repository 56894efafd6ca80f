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

  it('takes a 10,000-row month whole, its summaries equal to their recomputation', async () => {
    const projects = await Promise.all(Array.from({ length: 5 }, () => activeProject(ctx)));
    const lines = [HEADER];
    for (let i = 0; i < 10_000; i += 1) {
      const day = String((i % 28) + 1).padStart(2, '0');
      lines.push(`${projects[i % 5]!.id};2025-03-${day};sociality;Attività di socializzazione;0,75;Educatore;riga ${i}`);
    }
    // How long it takes is pnpm bench's to measure (the "CSV month upload" row), not a test's.
    const res = await csvUpload(await ctx.as('coop.alfa'), ctx.world.coops.alfa, '2025-03', lines.join('\n'));
    expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
    expect(count()).toBe(10_000);
    expect(storedSummaries(ctx)).toEqual(recomputedSummaries(ctx));
  });
});
