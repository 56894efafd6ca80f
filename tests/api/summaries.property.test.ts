// After any sequence of writes, submissions, reviews, uploads and lifecycle moves, every summary
// row equals its recomputation from the raw interventions (and projects), and the reports read
// from them equal a scan of the raw rows.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTestContext, type Caller, type TestContext } from './helpers.ts';
import { activeProject, csvUpload, intervention, recomputedSummaries, storedSummaries } from './work-helpers.ts';
import { expectReportsEqualDefinitions, recomputedReportSummaries, storedReportSummaries } from './report-summaries.ts';

const MONTHS = ['2025-03', '2025-04', '2025-05'] as const;
const COOPS = ['alfa', 'beta'] as const;
const ACTIVITIES = {
  habitat: "Accompagnamento all'abitare",
  sociality: 'Attività di socializzazione',
  work: 'Orientamento e formazione',
} as const;

const month = fc.constantFrom(...MONTHS);
const coop = fc.constantFrom(...COOPS);
const day = fc.integer({ min: 1, max: 28 }).map((d) => String(d).padStart(2, '0'));
const hours = fc.integer({ min: 1, max: 16 }).map((q) => q / 4);
const axis = fc.constantFrom('habitat', 'sociality', 'work') as fc.Arbitrary<keyof typeof ACTIVITIES>;

const operation = fc.oneof(
  fc.record({ op: fc.constant('record' as const), coop, project: fc.nat(2), month, day, hours, axis }),
  fc.record({ op: fc.constant('patch' as const), pick: fc.nat(), month, day, hours }),
  fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('submit' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('review' as const), pick: fc.nat(), decision: fc.constantFrom('validated', 'returned') }),
  fc.record({
    op: fc.constant('upload' as const),
    coop,
    month,
    rows: fc.array(fc.record({ project: fc.nat(2), day, hours, axis }), { minLength: 1, maxLength: 6 }),
  }),
  fc.record({ op: fc.constant('lifecycle' as const), project: fc.nat(2), to: fc.constantFrom('suspended', 'active', 'closed') }),
);
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

async function run(ctx: TestContext, projects: number[], ops: Operation[]) {
  const callers: Record<string, Caller> = {};
  const as = async (name: string) => (callers[name] ??= await ctx.as(name));
  const ids = () =>
    ctx.db.$client.prepare('SELECT id, cooperative_id AS coop FROM interventions ORDER BY id').all() as { id: number; coop: number }[];
  const coopName = (id: number) => (id === ctx.world.coops.alfa ? 'alfa' : 'beta');
  for (const o of ops) {
    if (o.op === 'record') {
      const payload = intervention({ date: `${o.month}-${o.day}`, hours: o.hours, axis: o.axis, activity: ACTIVITIES[o.axis] });
      await (
        await as(`coop.${o.coop}`)
      )({ method: 'POST', url: `/api/ptris/${projects[o.project]}/interventions`, payload });
    } else if (o.op === 'patch' || o.op === 'delete') {
      const all = ids();
      const target = all[o.pick % Math.max(all.length, 1)];
      if (!target) continue;
      const call = await as(`coop.${coopName(target.coop)}`);
      if (o.op === 'delete') await call({ method: 'DELETE', url: `/api/interventions/${target.id}` });
      else
        await call({ method: 'PATCH', url: `/api/interventions/${target.id}`, payload: { date: `${o.month}-${o.day}`, hours: o.hours } });
    } else if (o.op === 'submit') {
      // A month with work in it, so that most submissions succeed.
      const months = ctx.db.$client.prepare('SELECT DISTINCT cooperative_id AS coop, month FROM interventions ORDER BY 1, 2').all() as {
        coop: number;
        month: string;
      }[];
      const target = months[o.pick % Math.max(months.length, 1)];
      if (!target) continue;
      await (
        await as(`coop.${coopName(target.coop)}`)
      )({ method: 'POST', url: `/api/cooperatives/${target.coop}/reports/${target.month}/submit` });
    } else if (o.op === 'review') {
      const parts = ctx.db.$client
        .prepare(
          "SELECT cooperative_id AS coop, month, service_id AS service FROM monthly_report_parts WHERE status = 'submitted' ORDER BY 1, 2, 3",
        )
        .all() as { coop: number; month: string; service: number }[];
      const target = parts[o.pick % Math.max(parts.length, 1)];
      if (!target) continue;
      const reviewer = target.service === ctx.world.services.navile ? 'cm.navile' : 'cm.budrio';
      const payload = o.decision === 'returned' ? { decision: o.decision, note: 'Da rivedere' } : { decision: o.decision };
      const res = await (
        await as(reviewer)
      )({ method: 'POST', url: `/api/cooperatives/${target.coop}/reports/${target.month}/review`, payload });
      expect(res.statusCode, res.body).toBe(200);
    } else if (o.op === 'upload') {
      const lines = [
        'ptriId;date;axis;activity;hours;operatorRole;notes',
        ...o.rows.map(
          (r) =>
            `${projects[r.project]};${o.month}-${r.day};${r.axis};${ACTIVITIES[r.axis]};${String(r.hours).replace('.', ',')};Educatore;`,
        ),
      ];
      await csvUpload(await as(`coop.${o.coop}`), ctx.world.coops[o.coop], o.month, lines.join('\n'));
    } else {
      const date = { suspended: '2025-04-15', active: '2025-05-10', closed: '2025-05-20' }[o.to];
      await (
        await as('cm.navile')
      )({ method: 'POST', url: `/api/ptris/${projects[o.project]}/transitions`, payload: { to: o.to, reason: 'Prova', date } });
      await (
        await as('cm.budrio')
      )({ method: 'POST', url: `/api/ptris/${projects[o.project]}/transitions`, payload: { to: o.to, reason: 'Prova', date } });
    }
  }
}

describe('summary tables', () => {
  it('equal their recomputation from the raw rows after any sequence of operations', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 5, maxLength: 40 }), async (ops) => {
        const ctx = await createTestContext();
        try {
          const projects = [
            (await activeProject(ctx, { service: 'navile', cooperatives: ['alfa', 'beta'] })).id,
            (await activeProject(ctx, { service: 'budrio', cooperatives: ['alfa'] })).id,
            (await activeProject(ctx, { service: 'navile', cooperatives: ['beta'] })).id,
          ];
          await run(ctx, projects, ops);
          expect(storedSummaries(ctx)).toEqual(recomputedSummaries(ctx));
          expect(storedReportSummaries(ctx.db)).toEqual(recomputedReportSummaries(ctx.db));
          await expectReportsEqualDefinitions(ctx, ctx.app.clock.today());
        } finally {
          await ctx.close();
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
