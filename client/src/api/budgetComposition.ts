// The budget composition report: key, fetcher and CSV.
import type { BudgetComposition, budgetCompositionQuery } from '@bds/shared';
import { reportEndpoint, type FiltersOf } from './reportEndpoint.ts';

export type BudgetCompositionFilters = FiltersOf<typeof budgetCompositionQuery>;

export const budgetCompositionKeys = {
  report: (filters: BudgetCompositionFilters) => ['budget-composition', filters] as const,
};

export const budgetCompositionReport = reportEndpoint<BudgetCompositionFilters, BudgetComposition>(
  '/api/reports/budget-composition',
  budgetCompositionKeys.report,
  ({ year }) => `composizione-budget-${year}.csv`,
);
