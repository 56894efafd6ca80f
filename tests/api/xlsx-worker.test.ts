// Issue 23's stall rule for bulk work: exceljs runs in a worker thread, never on the main thread,
// with the import's limits and Italian messages unchanged, and a worker that dies fails cleanly.
import { createRequire } from 'node:module';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CASELOAD_HEADER, workbookOf } from '@bds/server/imports/export.ts';
import { excelCallsInFlight, readFirstSheet, stopExcelWorkerForTests } from '@bds/server/imports/excel.ts';
import { createTestContext, fiscalCode, type Caller, type TestContext } from './helpers.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(() => ctx.close());

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** One caseload row in export column order, for the n-th person. */
function record(n: number): (string | number)[] {
  const code = fiscalCode(`RSSMRA80A01A${String(100 + (n % 900)).padStart(3, '0')}`);
  return [
    code,
    'Rossi',
    'Mario',
    '01/01/1980',
    'M',
    'Città di Bologna',
    'CSM NAVILE',
    1,
    '01/03/2025',
    '28/02/2026',
    'attivo',
    '',
    'media',
    '',
    '',
    '',
    '',
    '',
    '',
  ];
}

const records = (count: number) => Array.from({ length: count }, (_, n) => record(n));

function importXlsx(admin: Caller, file: Buffer, dryRun = true) {
  return admin({ method: 'POST', url: `/api/imports/caseload?dryRun=${dryRun}`, headers: { 'content-type': XLSX_TYPE }, payload: file });
}

async function untilTheWorkerHoldsACall(): Promise<void> {
  while (excelCallsInFlight() === 0) await new Promise(setImmediate);
}

describe('.xlsx files off the main thread', () => {
  it('imports and exports workbooks without the main thread ever loading exceljs', async () => {
    const admin = await ctx.as('admin');
    const imported = await importXlsx(admin, await workbookOf(records(10)), false);
    expect(imported.statusCode, imported.body).toBe(200);
    const manager = await ctx.as('manager');
    const exported = await manager({ method: 'GET', url: `/api/exports/caseload?serviceId=${ctx.world.services.navile}&format=xlsx` });
    expect(exported.statusCode, exported.body).toBe(200);
    const dryRun = await importXlsx(admin, exported.rawPayload);
    expect(dryRun.json()).toMatchObject({ rows: 10, projects: { new: 0, present: 10 }, errors: [] });

    const loaded = Object.keys(createRequire(import.meta.url).cache).filter((path) => path.includes('/exceljs/'));
    expect(loaded).toEqual([]);
  });

  it('reads the first sheet back as the text cells it was written with, the header first', async () => {
    const read = await readFirstSheet(await workbookOf(records(2_500)), 20_000);
    if (!read.ok) throw new Error(read.reason);
    expect(read.records).toHaveLength(2_501);
    expect(read.records[0]).toEqual(CASELOAD_HEADER);
    expect(read.records[2_500]).toEqual(record(2_499).map(String));
  });

  it('answers calls that overlap in the one worker each with its own rows', async () => {
    const [small, large] = await Promise.all([workbookOf(records(3)), workbookOf(records(2_100))]);
    const [fromLarge, fromSmall] = await Promise.all([readFirstSheet(large, 20_000), readFirstSheet(small, 20_000)]);
    expect(fromLarge).toMatchObject({ ok: true, records: { length: 2_101 } });
    expect(fromSmall).toMatchObject({ ok: true, records: { length: 4 } });
  });

  it('refuses a sheet of more than 20,000 rows with the same message as before', async () => {
    const res = await importXlsx(await ctx.as('admin'), await workbookOf(records(20_001)));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: 'file', message: 'oltre 20.000 righe: dividere il file in più importazioni' }]);
    // Writing and reading 20,000 rows takes 10-15 s on this host when it is busy.
  }, 90_000);

  it('refuses a zip that is no workbook with the same message as before', async () => {
    const workbook = await workbookOf(records(1));
    // The same zip with its workbook part renamed: exceljs finds no sheet in it.
    const renamed = Buffer.from(workbook.toString('latin1').replaceAll('xl/workbook.xml', 'xl/workbook.xmx'), 'latin1');
    const res = await importXlsx(await ctx.as('admin'), renamed);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('file');
    expect(res.json().errors[0].message).toMatch(/^(foglio \.xlsx illeggibile|il foglio \.xlsx non ha fogli di lavoro)/);
  });

  it('answers a 503 problem when the worker dies under a call, and the next call starts a new worker', async () => {
    const admin = await ctx.as('admin');
    const file = await workbookOf(records(3_000));
    const held = importXlsx(admin, Buffer.from(file));
    await untilTheWorkerHoldsACall();
    await stopExcelWorkerForTests();
    const failed = await held;
    expect(failed.statusCode).toBe(503);
    expect(failed.headers['content-type']).toContain('application/problem+json');
    expect(failed.json()).toMatchObject({ status: 503, detail: expect.stringContaining('fogli .xlsx') });

    const again = await importXlsx(admin, file);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ rows: 3_000 });
  });
});
