// Manager reports: yearly users per service and lot, lot totals, caseloads, reviews due.
import type { Caseload, LotTotals, ReviewsDue, YearlyCounts } from '@bds/shared';
import { useInfiniteQuery, useQueries, useQuery } from '@tanstack/react-query';
import { apiJson, downloadFile } from './http.ts';

export const reportKeys = {
  all: ['reports'] as const,
  yearlyCounts: (year: number, lot: number) => [...reportKeys.all, 'yearly-counts', year, lot] as const,
  lotTotals: (year: number, month: string | undefined) => [...reportKeys.all, 'lot-totals', year, month ?? 'all'] as const,
  caseload: (serviceId: number | undefined, date: string) => [...reportKeys.all, 'caseload', serviceId ?? 'all', date] as const,
  reviewsDue: (within: number, serviceId: number | undefined) => [...reportKeys.all, 'reviews-due', within, serviceId ?? 'all'] as const,
};

export function fetchYearlyCounts(year: number, lot: number): Promise<YearlyCounts> {
  return apiJson<YearlyCounts>('/api/reports/yearly-counts', { query: { year, lot } });
}

export function downloadYearlyCountsCsv(year: number, lot: number): Promise<void> {
  return downloadFile('/api/reports/yearly-counts', { year, lot, format: 'csv' }, `utenti-lotto${lot}-${year}.csv`);
}

/** A whole year, or one month of it. */
export function fetchLotTotals(year: number, month: string | undefined): Promise<LotTotals> {
  return apiJson<LotTotals>('/api/reports/lot-totals', { query: { year, month } });
}

export function downloadLotTotalsCsv(year: number, month: string | undefined): Promise<void> {
  return downloadFile('/api/reports/lot-totals', { year, month, format: 'csv' }, `totali-lotti-${month ?? year}.csv`);
}

export function fetchCaseload(serviceId: number | undefined, date: string): Promise<Caseload> {
  return apiJson<Caseload>('/api/reports/caseload', { query: { serviceId, date } });
}

export function downloadCaseloadCsv(serviceId: number | undefined, date: string): Promise<void> {
  return downloadFile('/api/reports/caseload', { serviceId, date, format: 'csv' }, `carico-${date}.csv`);
}

export function fetchReviewsDue(within: number, serviceId: number | undefined, cursor?: string): Promise<ReviewsDue> {
  return apiJson<ReviewsDue>('/api/reports/reviews-due', { query: { within, serviceId, cursor } });
}

export function downloadReviewsDueCsv(within: number, serviceId: number | undefined): Promise<void> {
  return downloadFile('/api/reports/reviews-due', { within, serviceId, format: 'csv' }, `verifiche-entro-${within}-giorni.csv`);
}

export function useYearlyCounts(year: number, lot: number) {
  return useQuery({ queryKey: reportKeys.yearlyCounts(year, lot), queryFn: () => fetchYearlyCounts(year, lot) });
}

/** The same report for several years, for the chart across years. */
export function useYearlyCountsAcrossYears(years: readonly number[], lot: number) {
  return useQueries({
    queries: years.map((year) => ({ queryKey: reportKeys.yearlyCounts(year, lot), queryFn: () => fetchYearlyCounts(year, lot) })),
  });
}

export function useLotTotals(year: number, month: string | undefined) {
  return useQuery({ queryKey: reportKeys.lotTotals(year, month), queryFn: () => fetchLotTotals(year, month) });
}

export function useCaseload(serviceId: number | undefined, date: string) {
  return useQuery({ queryKey: reportKeys.caseload(serviceId, date), queryFn: () => fetchCaseload(serviceId, date) });
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
