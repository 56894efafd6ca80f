// The caseload import runs as a bulk write (server/src/write-gate.ts): its rows are read, checked
// and written over many turns of the event loop, with the same outcome as in one turn, all or
// nothing, and requests arriving meanwhile wait for it without seeing half of it.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { importTurns } from '@bds/server/imports/service.ts';
import { writeGateOf } from '@bds/server/write-gate.ts';
import { createTestContext, numberedFiscalCode, type TestContext } from './helpers.ts';

const TURNS = { ...importTurns };
const contexts: TestContext[] = [];
afterEach(async () => {
  Object.assign(importTurns, TURNS);
  await Promise.all(contexts.splice(0).map((ctx) => ctx.close()));
});

async function context() {
  const ctx = await createTestContext();
  contexts.push(ctx);
  return ctx;
}

const HEADER =
  'codice_fiscale;cognome;nome;data_nascita;sesso;distretto;servizio;lotto;data_inizio;data_fine;stato;data_chiusura;intensita;cooperative;case_manager;obiettivi_casa;obiettivi_socialita';

/** `persons` new persons, each with an active and a closed project of Lot 1 at CSM Navile; `badRow` gets an unknown service. */
function caseloadFile(persons: number, badRow?: number): string {
  const lines = [HEADER];
  for (let i = 0; i < persons; i++) {
    const code = numberedFiscalCode(1_000 + i, 'M');
    const person = `${code};Rossi;Mario ${String.fromCharCode(65 + i)};01/01/1980;M;Città di Bologna`;
    const service = lines.length + 1 === badRow ? 'CSM INESISTENTE' : 'CSM NAVILE';
    lines.push(
      `${person};${service};1;01/03/2025;28/02/2026;attivo;;media;Coop Alfa (test);cm.navile;Vivere da solo|Gestire la casa;Un gruppo`,
    );
    lines.push(`${person};CSM NAVILE;1;01/03/2024;28/02/2025;chiuso;28/02/2025;alta;Coop Alfa (test);;Cercare casa;`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

async function importFile(ctx: TestContext, file: string, dryRun = false) {
  return (await ctx.as('admin'))({
    method: 'POST',
    url: `/api/imports/caseload?dryRun=${dryRun}&fileName=carichi.csv`,
    headers: { 'content-type': 'text/csv' },
    payload: file,
  });
}

/** What an import leaves behind, without ids and times: persons, projects, goals, summaries, audit rows. */
function leftBy(ctx: TestContext) {
  const all = (sql: string) => ctx.db.$client.prepare(sql).all();
  return {
    persons: all('SELECT fiscal_code, given_name, family_name, birth_date, sex, district_id FROM persons ORDER BY fiscal_code'),
    projects: all(`SELECT p.fiscal_code, t.service_id, t.lot_id, t.case_manager_id, t.status, t.intensity, t.start_date, t.end_date,
      t.activated_on, t.ended_on, t.open_goals_habitat, t.open_goals_sociality, t.open_goals_work
      FROM ptris t JOIN persons p ON p.id = t.person_id ORDER BY p.fiscal_code, t.start_date`),
    goals: all(`SELECT p.fiscal_code, t.start_date, g.axis, g.description, g.status, g.position FROM goals g
      JOIN ptris t ON t.id = g.ptri_id JOIN persons p ON p.id = t.person_id ORDER BY 1, 2, g.axis, g.position`),
    years: all('SELECT year, lot_number, service_id, COUNT(*) AS n FROM ptri_years GROUP BY 1, 2, 3 ORDER BY 1, 2, 3'),
    caseload: all('SELECT * FROM caseload_changes ORDER BY unit, bucket, service_id'),
    revisions: all('SELECT version, reason FROM ptri_revisions ORDER BY reason'),
    audit: all(`SELECT action, entity, changes FROM audit_log WHERE entity = 'caseload_import' ORDER BY changes`),
  };
}

describe('a caseload import over many turns of the event loop', () => {
  it('creates the same persons, projects, goals, summaries and audit rows as in one turn', async () => {
    const oneTurn = await context();
    const inTurns = await context();
    const file = caseloadFile(12);
    Object.assign(importTurns, { checked: Infinity, written: Infinity });
    const whole = await importFile(oneTurn, file);
    Object.assign(importTurns, { checked: 5, written: 3 });
    const sliced = await importFile(inTurns, file);
    expect(whole.statusCode, whole.body).toBe(200);
    expect(sliced.json()).toEqual(whole.json());
    expect(whole.json()).toMatchObject({ persons: { new: 12, matched: 0 }, projects: { new: 24, present: 0 } });
    expect(leftBy(inTurns)).toEqual(leftBy(oneTurn));
    expect(leftBy(inTurns).projects).toHaveLength(24);
  });

  it('gives a dry run the same answer as in one turn, and writes nothing but its access-log row', async () => {
    const ctx = await context();
    const file = caseloadFile(12);
    Object.assign(importTurns, { checked: Infinity, written: Infinity });
    const whole = await importFile(ctx, file, true);
    Object.assign(importTurns, { checked: 5, written: 3 });
    const sliced = await importFile(ctx, file, true);
    expect(sliced.statusCode, sliced.body).toBe(200);
    expect(sliced.json()).toEqual(whole.json());
    expect(leftBy(ctx).projects).toHaveLength(0);
  });

  it('writes nothing when a row is bad, with the same errors as in one turn', async () => {
    const ctx = await context();
    const file = caseloadFile(12, 20);
    Object.assign(importTurns, { checked: Infinity, written: Infinity });
    const whole = await importFile(ctx, file);
    Object.assign(importTurns, { checked: 5, written: 3 });
    const sliced = await importFile(ctx, file);
    expect(sliced.statusCode).toBe(400);
    expect(sliced.json()).toEqual(whole.json());
    expect(JSON.stringify(sliced.json())).toContain('CSM INESISTENTE');
    expect(leftBy(ctx).persons).toEqual(leftBy(await context()).persons);
  });

  it('gives the event loop back while it runs; a request arriving meanwhile waits for its end', async () => {
    const ctx = await context();
    Object.assign(importTurns, { checked: 5, written: 3 });
    const manager = await ctx.as('manager');
    await ctx.as('admin');
    const gate = writeGateOf(ctx.db);
    const order: string[] = [];
    const importing = importFile(ctx, caseloadFile(12)).then((reply) => (order.push('import'), reply));
    for (let turns = 0; !gate.holding && turns < 1000; turns++) await nextTurn();
    const search = manager({ method: 'GET', url: `/api/persons?q=${numberedFiscalCode(1_011, 'M')}` }).then(
      (reply) => (order.push('search'), reply),
    );
    let turnsHeld = 0;
    while (gate.holding) {
      turnsHeld++;
      await nextTurn();
    }
    const [imported, found] = await Promise.all([importing, search]);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(turnsHeld).toBeGreaterThan(5);
    expect(order).toEqual(['import', 'search']);
    expect(found.json<{ items: unknown[] }>().items).toHaveLength(1);
  });
});
