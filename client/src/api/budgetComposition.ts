// The budget composition report: fetcher, key and hook, and its CSV.
import type { BudgetComposition } from '@bds/shared';
import { useQuery } from '@tanstack/react-query';
import { apiJson, downloadFile } from './http.ts';

export const budgetCompositionKeys = {
  report: (year: number, serviceId: number | undefined) => ['budget-composition', year, serviceId ?? 'all'] as const,
};

export function useBudgetComposition(year: number, serviceId: number | undefined) {
  return useQuery({
    queryKey: budgetCompositionKeys.report(year, serviceId),
    queryFn: () => apiJson<BudgetComposition>('/api/reports/budget-composition', { query: { year, serviceId } }),
  });
}

export function downloadBudgetCompositionCsv(year: number, serviceId: number | undefined): Promise<void> {
  return downloadFile('/api/reports/budget-composition', { year, serviceId, format: 'csv' }, `composizione-budget-${year}.csv`);
}
