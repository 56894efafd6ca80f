// A page of reviews due reads only its own rows of its partial index, in the report's (date, id)
// order and covered: without the id and the end date in the index, each row read would cost a
// lookup into the table and each date's rows a sort. The index must not change the project list's
// plans, which tier L's statistics choose among the indexes it had before.
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
    const filters: Record<string, PtriFilters> = {
      active: { status: 'active' },
      activeOfLot: { status: 'active', lotId: 1 },
      reviewOverdue: { reviewOverdueOn: today },
      expired: { expiredOn: today },
      signaturePending: { signaturePending: true },
      activeSignaturePending: { signaturePending: true, status: 'active' },
    };
    // The plans of each filter's page and count.
    const plans = (user: ReturnType<typeof planPrincipal>) =>
      Object.fromEntries(
        Object.entries(filters).map(([name, filter]) => [
          name,
          plansOf(client, (db) => {
            listPtris(db, filter, policyOf(user), null, 50, today);
            countPtris(db, filter, policyOf(user), 1000, today);
          }),
        ]),
      );
    const manager = plans(planPrincipal('manager', null));
    const caseManager = plans(planPrincipal('case_manager', navile));
    for (const plan of [...Object.values(manager), ...Object.values(caseManager)].flat())
      expect(plan.join('\n')).not.toMatch(/ptris_reviews_due_idx/);
    // A case manager's projects awaiting a signature: the few rows of their own partial index.
    const [signaturePendingPage] = caseManager.signaturePending!;
    expect(signaturePendingPage!.join('\n')).toMatch(/USING INDEX ptris_signature_pending_idx/);
  });
});
