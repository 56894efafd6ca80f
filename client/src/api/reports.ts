// Manager reports: yearly users per service and lot, lot totals, caseloads, reviews due.
import type { Caseload, LotTotals, ReviewsDue, YearlyCounts } from '@bds/shared';
import { useQueries, useQuery } from '@tanstack/react-query';
import { apiJson, downloadFile } from './http.ts';

export const reportKeys = {
  all: ['reports'] as const,
  yearlyCounts: (year: number, lot: number) => [...reportKeys.all, 'yearly-counts', year, lot] as const,
  lotTotals: (year: number) => [...reportKeys.all, 'lot-totals', year] as const,
  caseload: (serviceId: number | undefined, date: string) => [...reportKeys.all, 'caseload', serviceId ?? 'all', date] as const,
  reviewsDue: (within: number) => [...reportKeys.all, 'reviews-due', within] as const,
};

export function fetchYearlyCounts(year: number, lot: number): Promise<YearlyCounts> {
  return apiJson<YearlyCounts>('/api/reports/yearly-counts', { query: { year, lot } });
}

export function downloadYearlyCountsCsv(year: number, lot: number): Promise<void> {
  return downloadFile('/api/reports/yearly-counts', { year, lot, format: 'csv' }, `utenti-lotto${lot}-${year}.csv`);
}

export function fetchLotTotals(year: number): Promise<LotTotals> {
  return apiJson<LotTotals>('/api/reports/lot-totals', { query: { year } });
}

export function fetchCaseload(serviceId: number | undefined, date: string): Promise<Caseload> {
  return apiJson<Caseload>('/api/reports/caseload', { query: { serviceId, date } });
}

export function fetchReviewsDue(within: number): Promise<ReviewsDue> {
  return apiJson<ReviewsDue>('/api/reports/reviews-due', { query: { within } });
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

export function useLotTotals(year: number) {
  return useQuery({ queryKey: reportKeys.lotTotals(year), queryFn: () => fetchLotTotals(year) });
}

export function useCaseload(serviceId: number | undefined, date: string) {
  return useQuery({ queryKey: reportKeys.caseload(serviceId, date), queryFn: () => fetchCaseload(serviceId, date) });
}

export function useReviewsDue(within: number) {
  return useQuery({ queryKey: reportKeys.reviewsDue(within), queryFn: () => fetchReviewsDue(within) });
}
