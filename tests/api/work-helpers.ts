// Builders for the interventions and reports tests: active projects through the real API.
import { expect } from 'vitest';
import { hoursOfMonth } from '@bds/server/figures/definitions.ts';
import { personBody, type Caller, type TestContext } from './helpers.ts';
import { signByPerson } from './ptri-fixtures.ts';
import { recomputedActivityCounts, definedYearlyCounts, storedActivityCounts, reportedYearlyCounts } from './yearly-summaries.ts';

export interface ProjectOptions {
  service?: 'navile' | 'budrio';
  cooperatives?: ('alfa' | 'beta')[];
  lotId?: number;
  startDate?: string;
  endDate?: string;
  approvedOn?: string;
  givenName?: string;
}

export const member = { name: 'Anna Bianchi', role: 'Psichiatra', organisation: 'health_service' };

/**
 * A project (Lot 1 unless told) made active by an approving initial UVM evaluation: written, sent,
 * signed and approved on `approvedOn` by the clock, as a UVM meeting would; returns its id and person.
 */
export async function activeProject(ctx: TestContext, options: ProjectOptions = {}) {
  const service = options.service ?? 'navile';
  const approvedOn = options.approvedOn ?? '2024-12-20';
  const cm = await ctx.as(service === 'navile' ? 'cm.navile' : 'cm.budrio');
  const uvm = await ctx.as(service === 'navile' ? 'uvm.bologna' : 'uvm.pianura');
  const district = service === 'navile' ? ctx.world.districts.bologna : ctx.world.districts.pianura;
  const person = await cm({
    method: 'POST',
    url: '/api/persons',
    payload: personBody(district, { givenName: options.givenName ?? 'Mario' }),
  });
  expect(person.statusCode, person.body).toBe(201);
  const id = await ctx.clock.during(approvedOn, async () => {
    const ptri = await cm({
      method: 'POST',
      url: '/api/ptris',
      payload: {
        personId: person.json().id,
        serviceId: ctx.world.services[service],
        lotId: options.lotId ?? ctx.world.lots.lot1,
        startDate: options.startDate ?? '2025-01-01',
        endDate: options.endDate ?? '2025-12-31',
        intensity: 'medium',
        cooperativeIds: (options.cooperatives ?? ['alfa']).map((name) => ctx.world.coops[name]),
        goals: [
          { axis: 'habitat', description: 'Vivere in autonomia' },
          { axis: 'work', description: 'Tirocinio' },
        ],
      },
    });
    expect(ptri.statusCode, ptri.body).toBe(201);
    const id: number = ptri.json().id;
    expect((await cm({ method: 'POST', url: `/api/ptris/${id}/transitions`, payload: { to: 'submitted' } })).statusCode).toBe(200);
    await signByPerson(cm, id, 'person', approvedOn);
    const evaluation = await uvm({
      method: 'POST',
      url: `/api/ptris/${id}/evaluations`,
      payload: { date: approvedOn, kind: 'initial', members: [member], outcome: 'approved' },
    });
    expect(evaluation.statusCode, evaluation.body).toBe(201);
    return id;
  });
  return { id, personId: person.json().id as number };
}

export function intervention(overrides: Record<string, unknown> = {}) {
  return {
    date: '2025-03-10',
    axis: 'habitat',
    activity: "Accompagnamento all'abitare",
    hours: 2.5,
    operatorRole: 'Educatore',
    ...overrides,
  };
}

export async function record(call: Caller, ptriId: number, overrides: Record<string, unknown> = {}) {
  return call({ method: 'POST', url: `/api/ptris/${ptriId}/interventions`, payload: intervention(overrides) });
}

export function csvUpload(call: Caller, cooperativeId: number, month: string, body: string) {
  return call({
    method: 'POST',
    url: `/api/cooperatives/${cooperativeId}/reports/${month}/upload`,
    headers: { 'content-type': 'text/csv' },
    payload: body,
  });
}

/** Every summary row recomputed from the raw interventions and the month parts, to compare with the stored ones. */
export function recomputedSummaries(ctx: TestContext) {
  const client = ctx.db.$client;
  // The totals by their definition, month by month: interventions and department-wide work.
  const months = client
    .prepare('SELECT month FROM interventions UNION SELECT month FROM lot_month_totals ORDER BY 1')
    .pluck()
    .all() as string[];
  const totals = months.flatMap((month) =>
    hoursOfMonth(ctx.db, month).map((row) => ({
      lot_id: row.lotId,
      cooperative_id: row.cooperativeId,
      month,
      service_id: row.serviceId,
      status: row.status,
      minutes: row.minutes,
      amount_cents: row.amountCents,
      interventions: row.interventions,
    })),
  );
  totals.sort(
    (a, b) =>
      a.lot_id - b.lot_id ||
      a.cooperative_id - b.cooperative_id ||
      a.month.localeCompare(b.month) ||
      a.service_id - b.service_id ||
      a.status.localeCompare(b.status),
  );
  const activity = client
    .prepare(
      `
    SELECT period, lot_id, cooperative_id, ptri_id, person_id, service_id, COUNT(*) AS interventions FROM (
      SELECT i.month AS period, i.lot_id, i.cooperative_id, i.ptri_id, t.person_id, i.service_id FROM interventions i JOIN ptris t ON t.id = i.ptri_id
      UNION ALL
      SELECT substr(i.month, 1, 4), i.lot_id, i.cooperative_id, i.ptri_id, t.person_id, i.service_id FROM interventions i JOIN ptris t ON t.id = i.ptri_id)
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
    )
    .all();
  return { totals, activity, yearly: definedYearlyCounts(ctx.db, ctx.app.clock.today()), activityCounts: recomputedActivityCounts(ctx.db) };
}

export function storedSummaries(ctx: TestContext) {
  const client = ctx.db.$client;
  return {
    totals: client
      .prepare(
        `SELECT lot_id, cooperative_id, month, service_id, status, minutes, amount_cents, interventions
      FROM lot_month_totals ORDER BY 1, 2, 3, 4, 5`,
      )
      .all(),
    activity: client
      .prepare(
        `SELECT period, lot_id, cooperative_id, ptri_id, person_id, service_id, interventions
      FROM ptri_activity_periods ORDER BY 1, 2, 3, 4`,
      )
      .all(),
    yearly: reportedYearlyCounts(ctx.db, ctx.app.clock.today()),
    activityCounts: storedActivityCounts(ctx.db),
  };
}
