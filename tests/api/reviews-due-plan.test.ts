// A page of reviews due reads only its own rows of its partial index, in the report's (date, id)
// order and covered: on ptris_review_idx each row cost a lookup into the table for its end date
// and each date's rows a sort, 0.38–0.8 against 0.27 ms a page on tier L.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policyOf } from '@bds/server/access/policy.ts';
import { reviewsDuePage } from '@bds/server/reports/queries.ts';
import { countPtris, listPtris, type PtriFilters } from '@bds/server/ptri/queries.ts';
import { createTestContext, type TestContext } from './helpers.ts';
import { loadTierLStatistics, planPrincipal, plansOf } from './query-plans.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('reviews due plan', () => {
  it('reads each status on the covering reviews-due index in page order, for every scope, filter and page', () => {
    const client = ctx.db.$client;
    const { navile } = ctx.world.services;
    const plans = plansOf(client, (db) => {
      for (const user of [planPrincipal('manager', null), planPrincipal('case_manager', navile)])
        for (const serviceId of [undefined, navile])
          for (const after of [null, ['2026-01-15', 7]])
            reviewsDuePage(db, policyOf(user), { date: '2026-01-01', horizon: '2026-03-01', after, serviceId, limit: 101 });
    });
    expect(plans).toHaveLength(8);

    for (const plan of plans) {
      const reads = plan.filter((detail) => / ptris /.test(detail));
      expect(reads, plan.join('\n')).toHaveLength(2);
      for (const read of reads)
        expect(read).toMatch(/^SEARCH ptris USING COVERING INDEX ptris_reviews_due_idx \(status=\? AND next_review_date[<>]/);
      expect(plan.join('\n')).not.toMatch(/LAST TERM OF ORDER BY/);
    }
  });

  it("leaves the project list's plans to the indexes they had, with the statistics of a million projects", () => {
    const client = ctx.db.$client;
    const { navile } = ctx.world.services;
    loadTierLStatistics(client);
    const today = '2026-01-01';
    const filters: PtriFilters[] = [
      { status: 'active' },
      { status: 'active', lotId: 1 },
      { reviewOverdueOn: today },
      { expiredOn: today },
      { signaturePending: true },
      { signaturePending: true, status: 'active' },
    ];
    const plans = (user: ReturnType<typeof planPrincipal>) =>
      plansOf(client, (db) => {
        for (const filter of filters) {
          listPtris(db, filter, policyOf(user), null, 50, today);
          countPtris(db, filter, policyOf(user), 1000, today);
        }
      });
    const manager = plans(planPrincipal('manager', null));
    const caseManager = plans(planPrincipal('case_manager', navile));
    for (const plan of [...manager, ...caseManager]) expect(plan.join('\n')).not.toMatch(/ptris_reviews_due_idx/);
    // A case manager's projects awaiting a signature: the few rows of their own partial index.
    expect(caseManager[8]!.join('\n')).toMatch(/USING INDEX ptris_signature_pending_idx/);
  });
});
