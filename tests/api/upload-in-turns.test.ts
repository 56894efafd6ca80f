// A month's upload stores its rows in one transaction spread over many turns of the event loop
// (server/src/write-gate.ts): the same rows, summaries and refusals as in one turn, nothing when it
// fails half-way, and other requests wait for it without seeing half of it.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { uploadTurns } from '@bds/server/interventions/upload.ts';
import { writeGateOf } from '@bds/server/write-gate.ts';
import { createTestContext, type TestContext } from './helpers.ts';
import { activeProject, csvUpload, recomputedSummaries, record, storedSummaries } from './work-helpers.ts';

const HEADER = 'ptriId;date;axis;activity;hours;operatorRole;notes';
const ROWS_PER_TURN = uploadTurns.rows;
const contexts: TestContext[] = [];
afterEach(async () => {
  uploadTurns.rows = ROWS_PER_TURN;
  await Promise.all(contexts.splice(0).map((ctx) => ctx.close()));
});

/** A context with three active projects of coop.alfa. */
async function withProjects() {
  const ctx = await createTestContext();
  contexts.push(ctx);
  const ids: number[] = [];
  for (let i = 0; i < 3; i++) ids.push((await activeProject(ctx)).id);
  return { ctx, ids };
}

/** `rows` quarter hours spread over the projects and the days of March 2025; `hours` overrides every row's. */
function monthFile(ids: number[], rows: number, hours = '0,25'): string {
  const lines = [HEADER];
  for (let i = 0; i < rows; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    lines.push(`${ids[i % ids.length]};2025-03-${day};habitat;Accompagnamento all'abitare;${hours};Educatore;r${i}`);
  }
  return `${lines.join('\n')}\n`;
}

/** What an upload leaves behind, without ids and times: its rows, the summaries, the upload and its audit rows. */
function leftBy(ctx: TestContext) {
  const client = ctx.db.$client;
  return {
    interventions: client
      .prepare(
        `SELECT ptri_id, cooperative_id, lot_id, service_id, date, month, axis, activity_id, minutes, amount_cents, operator_role, notes,
        created_by FROM interventions ORDER BY ptri_id, date, notes`,
      )
      .all(),
    summaries: storedSummaries(ctx),
    uploads: client.prepare('SELECT cooperative_id, month, sha256, row_count FROM intervention_uploads').all(),
    audit: client
      .prepare(`SELECT action, entity, person_id, changes FROM audit_log WHERE entity = 'intervention_upload' ORDER BY id`)
      .all(),
  };
}

async function upload(ctx: TestContext, file: string) {
  return csvUpload(await ctx.as('coop.alfa'), ctx.world.coops.alfa, '2025-03', file);
}

describe('an upload stored over many turns of the event loop', () => {
  it('stores the same rows, summaries and audit rows as in one turn', async () => {
    const oneTurn = await withProjects();
    const inTurns = await withProjects();
    const file = monthFile(oneTurn.ids, 180);
    uploadTurns.rows = Infinity;
    const whole = await upload(oneTurn.ctx, file);
    uploadTurns.rows = 7;
    const sliced = await upload(inTurns.ctx, file);
    expect(whole.statusCode, whole.body).toBe(201);
    expect(sliced.json()).toEqual(whole.json());
    expect(leftBy(inTurns.ctx)).toEqual(leftBy(oneTurn.ctx));
    expect(leftBy(inTurns.ctx).interventions).toHaveLength(180);
    expect(storedSummaries(inTurns.ctx)).toEqual(recomputedSummaries(inTurns.ctx));
  });

  it('refuses a file with the same reply as in one turn, storing nothing', async () => {
    const oneTurn = await withProjects();
    const inTurns = await withProjects();
    // Nine hours a row: the third row of a person's day passes 24 hours.
    const file = monthFile(oneTurn.ids, 200, '9');
    uploadTurns.rows = Infinity;
    const whole = await upload(oneTurn.ctx, file);
    uploadTurns.rows = 7;
    const sliced = await upload(inTurns.ctx, file);
    expect(whole.statusCode).toBe(400);
    expect(sliced.json()).toEqual(whole.json());
    expect(leftBy(inTurns.ctx)).toEqual(leftBy(oneTurn.ctx));
    expect(leftBy(inTurns.ctx).interventions).toEqual([]);
  });

  it('stores nothing when an insert fails half-way, and the next upload goes through', async () => {
    const { ctx, ids } = await withProjects();
    const before = leftBy(ctx);
    ctx.db.$client.exec(`CREATE TEMP TRIGGER fail_half_way BEFORE INSERT ON interventions WHEN NEW.notes = 'r100'
      BEGIN SELECT RAISE(ABORT, 'injected failure'); END`);
    uploadTurns.rows = 7;
    const file = monthFile(ids, 180);
    const failed = await upload(ctx, file);
    expect(failed.statusCode).toBe(500);
    expect(leftBy(ctx)).toEqual(before);
    expect(ctx.db.$client.inTransaction).toBe(false);
    ctx.db.$client.exec('DROP TRIGGER fail_half_way');
    const again = await upload(ctx, file);
    expect(again.statusCode, again.body).toBe(201);
    expect(leftBy(ctx).interventions).toHaveLength(180);
    expect(storedSummaries(ctx)).toEqual(recomputedSummaries(ctx));
  });

  it('lets health answer while it writes; other requests wait for its end and never see half of it', async () => {
    const { ctx, ids } = await withProjects();
    const alfa = await ctx.as('coop.alfa');
    uploadTurns.rows = 7;
    let done = false;
    const uploading = upload(ctx, monthFile(ids, 180)).finally(() => (done = true));
    const gate = writeGateOf(ctx.db);
    let turns = 0;
    while (!gate.holding && !done) await nextTurn();
    expect(gate.holding).toBe(true);
    const list = alfa({ method: 'GET', url: `/api/interventions?ptriId=${ids[0]}&month=2025-03&limit=500` });
    const single = record(alfa, ids[1]!, { date: '2025-03-30' });
    let healthAnsweredWhileHolding = false;
    const health = ctx.app.inject({ method: 'GET', url: '/api/health' }).then((res) => {
      healthAnsweredWhileHolding = gate.holding;
      return res;
    });
    while (gate.holding) {
      turns++;
      await nextTurn();
    }
    expect((await health).statusCode).toBe(200);
    expect(healthAnsweredWhileHolding).toBe(true);
    // 180 rows, 7 a turn: the event loop came back between the slices.
    expect(turns).toBeGreaterThan(180 / 7);
    expect((await uploading).statusCode).toBe(201);
    const listed = await list;
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items).toHaveLength(60);
    expect((await single).statusCode).toBe(201);
    expect(leftBy(ctx).interventions).toHaveLength(181);
    expect(storedSummaries(ctx)).toEqual(recomputedSummaries(ctx));
  });
});
