// Manager reports: yearly users per service and lot, lot totals, caseloads, reviews due.
import type {
  Caseload,
  caseloadQuery,
  LotTotals,
  lotTotalsQuery,
  ReviewsDue,
  reviewsDueQuery,
  YearlyCounts,
  yearlyCountsQuery,
} from '@bds/shared';
import { useInfiniteQuery, useQueries } from '@tanstack/react-query';
import { apiJson, downloadFile } from './http.ts';
import { reportEndpoint, type FiltersOf } from './reportEndpoint.ts';

export type YearlyCountsFilters = FiltersOf<typeof yearlyCountsQuery>;
export type LotTotalsFilters = FiltersOf<typeof lotTotalsQuery>;
export type CaseloadFilters = FiltersOf<typeof caseloadQuery>;
export type ReviewsDueFilters = FiltersOf<typeof reviewsDueQuery>;

export const reportKeys = {
  all: ['reports'] as const,
  yearlyCounts: (filters: YearlyCountsFilters) => [...reportKeys.all, 'yearly-counts', filters] as const,
  lotTotals: (filters: LotTotalsFilters) => [...reportKeys.all, 'lot-totals', filters] as const,
  caseload: (filters: CaseloadFilters) => [...reportKeys.all, 'caseload', filters] as const,
  reviewsDue: (within: number, serviceId: number | undefined) => [...reportKeys.all, 'reviews-due', within, serviceId ?? 'all'] as const,
};

export const yearlyCountsReport = reportEndpoint<YearlyCountsFilters, YearlyCounts>(
  '/api/reports/yearly-counts',
  reportKeys.yearlyCounts,
  ({ year, lot }) => `utenti-lotto${lot}-${year}.csv`,
);

/** A whole year, or one month of it. */
export const lotTotalsReport = reportEndpoint<LotTotalsFilters, LotTotals>(
  '/api/reports/lot-totals',
  reportKeys.lotTotals,
  ({ year, month }) => `totali-lotti-${month ?? year}.csv`,
);

export const caseloadReport = reportEndpoint<CaseloadFilters, Caseload>(
  '/api/reports/caseload',
  reportKeys.caseload,
  ({ date }) => `carico-${date ?? 'oggi'}.csv`,
);

export function fetchReviewsDue(within: number, serviceId: number | undefined, cursor?: string): Promise<ReviewsDue> {
  return apiJson<ReviewsDue>('/api/reports/reviews-due', { query: { within, serviceId, cursor } });
}

export function downloadReviewsDueCsv(within: number, serviceId: number | undefined): Promise<void> {
  return downloadFile('/api/reports/reviews-due', { within, serviceId, format: 'csv' }, `verifiche-entro-${within}-giorni.csv`);
}

/** The same report for several years, for the chart across years. */
export function useYearlyCountsAcrossYears(years: readonly number[], lot: number) {
  return useQueries({
    queries: years.map((year) => ({
      queryKey: reportKeys.yearlyCounts({ year, lot }),
      queryFn: () => yearlyCountsReport.fetch({ year, lot }),
    })),
  });
}

/** The reviews due, a page at a time, the most urgent first. */
export function useReviewsDue(within: number, serviceId: number | undefined) {
  return useInfiniteQuery({
    queryKey: reportKeys.reviewsDue(within, serviceId),
    queryFn: ({ pageParam }) => fetchReviewsDue(within, serviceId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
