// The outcomes report reads a year's counters as one range of the covering index of migration
// 0200, in the order it groups by: through the primary key (lot between service and figure) each
// row cost a table lookup and the grouping a temporary tree, 0.83 against 0.56 ms on tier L.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policyOf } from '@bds/server/access/policy.ts';
import { outcomeCountsOf } from '@bds/server/outcomes/queries.ts';
import { createTestContext, type TestContext } from './helpers.ts';
import { planPrincipal, plansOf } from './query-plans.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('outcomes report plan', () => {
  it('reads the counters of a year from the covering index for every scope and filter, the whole department without a temporary tree', () => {
    const client = ctx.db.$client;
    const { navile } = ctx.world.services;
    const plans = [planPrincipal('manager', null), planPrincipal('case_manager', navile)].map((user) => {
      const ofUser = plansOf(client, (db) => {
        for (const serviceId of [undefined, navile])
          for (const lot of [undefined, 1]) outcomeCountsOf(db, 2025, { policy: policyOf(user), serviceId, lot });
      });
      expect(ofUser).toHaveLength(4);
      return ofUser;
    });

    for (const plan of plans.flat()) {
      const counters = plan.filter((detail) => detail.includes('outcome_counts'));
      expect(counters, plan.join('\n')).toHaveLength(1);
      expect(counters[0]).toMatch(
        /^SEARCH outcome_counts USING COVERING INDEX outcome_counts_report_idx \(year=\?( AND service_id=\?)?\)$/,
      );
    }
    // A case manager's services come as a list (the policy's subquery): each is read in index
    // order, and their few rows are sorted together.
    for (const plan of plans[0]!)
      expect(
        plan.some((detail) => detail.includes('TEMP B-TREE')),
        plan.join('\n'),
      ).toBe(false);
  });
});
