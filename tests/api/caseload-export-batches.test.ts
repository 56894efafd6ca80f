// The caseload export is read and logged a batch at a time (server/src/imports/export.ts): the
// file holds every project in scope, in project order, and each batch's access-log row names the
// persons of its batch, written before the batch is sent; from a file database the batches come
// from a snapshot, and the file is the same.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { migrateDb, openDb } from '@bds/db';
import { MAX_IMPORT_ROWS } from '@bds/server/imports/file.ts';
import { mergeAllShownPersons } from '@bds/server/audit/person-index.ts';
import { createTestContext, numberedFiscalCode, type TestContext } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'bds-caseload-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const contexts: TestContext[] = [];
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((ctx) => ctx.close()));
});

const HEADER =
  'codice_fiscale;cognome;nome;data_nascita;sesso;distretto;servizio;lotto;data_inizio;data_fine;stato;data_chiusura;intensita';

/** `persons` new persons from number `first`, each with an active and a closed project at CSM Navile. */
function caseloadFile(first: number, persons: number): string {
  const lines = [HEADER];
  for (let i = 0; i < persons; i++) {
    const person = `${numberedFiscalCode(first + i, 'M')};Rossi;Mario;01/01/1980;M;Città di Bologna`;
    lines.push(`${person};CSM NAVILE;1;01/03/2025;28/02/2026;attivo;;media`);
    lines.push(`${person};CSM NAVILE;1;01/03/2024;28/02/2025;chiuso;28/02/2025;alta`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

async function withImported(ctx: TestContext, first: number, persons: number) {
  const res = await (
    await ctx.as('admin')
  )({
    method: 'POST',
    url: '/api/imports/caseload?dryRun=false&fileName=carichi.csv',
    headers: { 'content-type': 'text/csv' },
    payload: caseloadFile(first, persons),
  });
  expect(res.statusCode, res.body).toBe(200);
}

async function context(on: 'memory' | 'file') {
  if (on === 'memory') return track(await createTestContext());
  const db = openDb(join(dir, `export-${contexts.length}-${Date.now()}.sqlite`));
  migrateDb(db);
  return track(await createTestContext({ db }));
}
const track = (ctx: TestContext) => (contexts.push(ctx), ctx);

describe.each(['memory', 'file'] as const)('caseload export in batches (%s database)', (on) => {
  it('writes every project in project order and logs each batch with its persons', async () => {
    const ctx = await context(on);
    await withImported(ctx, 5_000, 230);
    // A stretch of 45,000 project ids with none in it: the export reads it a bounded span at a time.
    ctx.db.$client.prepare("UPDATE sqlite_sequence SET seq = seq + 45000 WHERE name = 'ptris'").run();
    await withImported(ctx, 6_000, 30);
    const expected = ctx.db.$client
      .prepare(
        `SELECT t.id, p.fiscal_code AS code, t.person_id AS personId FROM ptris t JOIN persons p ON p.id = t.person_id
         WHERE t.status IN ('active', 'suspended', 'closed') ORDER BY t.id`,
      )
      .all() as { id: number; code: string; personId: number }[];
    expect(expected.length).toBeGreaterThanOrEqual(520);
    expect(expected.at(-1)!.id - expected[0]!.id).toBeGreaterThan(45_000);
    const lastAudit = (ctx.db.$client.prepare('SELECT MAX(id) AS id FROM audit_log').get() as { id: number }).id;

    const res = await (await ctx.as('manager'))({ method: 'GET', url: '/api/exports/caseload?format=csv' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="carichi-tutti-gli-anni.csv"');
    const rows = parse(res.body.slice(1), { delimiter: ';', columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.codice_fiscale)).toEqual(expected.map((row) => row.code));

    const logged = ctx.db.$client
      .prepare(`SELECT id, changes FROM audit_log WHERE id > ? AND entity = 'caseload_export' ORDER BY id`)
      .all(lastAudit) as { id: number; changes: string }[];
    const parts = logged.map((row) => JSON.parse(row.changes) as { part: number; projects: number });
    expect(parts.map((p) => p.part)).toEqual(Array.from({ length: parts.length }, (_, i) => i + 1));
    expect(parts.every((p) => p.projects > 0 && p.projects <= 200)).toBe(true);
    expect(parts.reduce((sum, p) => sum + p.projects, 0)).toBe(expected.length);
    mergeAllShownPersons(ctx.db);
    const shown = ctx.db.$client
      .prepare(`SELECT DISTINCT person_id AS id FROM audit_log_persons WHERE audit_id IN (${logged.map((row) => row.id).join(',')})`)
      .all() as { id: number }[];
    expect(new Set(shown.map((row) => row.id))).toEqual(new Set(expected.map((row) => row.personId)));
  });
});

/** Each caseload export's access-log row: its part and the persons it names. */
function exportsLogged(ctx: TestContext) {
  mergeAllShownPersons(ctx.db);
  const rows = ctx.db.$client
    .prepare(
      `SELECT a.changes AS changes, (SELECT json_group_array(person_id) FROM audit_log_persons WHERE audit_id = a.id) AS persons
       FROM audit_log a WHERE a.entity = 'caseload_export' ORDER BY a.id`,
    )
    .all() as { changes: string; persons: string }[];
  return rows.map((row) => ({ part: (JSON.parse(row.changes) as { part: number }).part, persons: JSON.parse(row.persons) as number[] }));
}

describe('caseload export as a workbook', () => {
  it(`refuses more projects than an import takes (${MAX_IMPORT_ROWS.toLocaleString('en')}), naming the choice`, async () => {
    const ctx = await context('memory');
    await withImported(ctx, 10_000, MAX_IMPORT_ROWS / 4);
    await withImported(ctx, 20_000, MAX_IMPORT_ROWS / 4 + 1);
    const manager = await ctx.as('manager');
    const before = exportsLogged(ctx);
    const refused = await manager({ method: 'GET', url: '/api/exports/caseload?format=xlsx' });
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body).toContain('format');
    expect(refused.body).toContain('oltre 20.000 progetti');
    // Nothing was sent, so no person is logged as exported.
    expect(exportsLogged(ctx)).toEqual(before);
    // One service of one year stays within it.
    const navile = await manager({
      method: 'GET',
      url: `/api/exports/caseload?format=xlsx&serviceId=${ctx.world.services.navile}&year=2024`,
    });
    expect(navile.statusCode).toBe(200);
    expect(navile.headers['content-type']).toContain('spreadsheetml');
    const sent = exportsLogged(ctx).slice(before.length);
    const inFile = ctx.db.$client
      .prepare(
        `SELECT DISTINCT person_id AS id FROM ptris WHERE service_id = ? AND status IN ('active', 'suspended', 'closed')
         AND activated_on <= '2024-12-31' AND COALESCE(ended_on, end_date) >= '2024-01-01'`,
      )
      .all(ctx.world.services.navile) as { id: number }[];
    expect(inFile.length).toBeGreaterThan(200);
    expect(sent.map((row) => row.part)).toEqual(Array.from({ length: sent.length }, (_, i) => i + 1));
    expect(new Set(sent.flatMap((row) => row.persons))).toEqual(new Set(inFile.map((row) => row.id)));
  }, 60_000);
});
