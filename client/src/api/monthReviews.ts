// The case manager's side of the monthly reports: the months of every cooperative that concern
// their service, and the review (validate, or return with a note) of their service's part.
import type { MonthlyReport, MonthlyReportPartItem, MonthlyReportPartsQuery, MonthlyReportPartsReply, ReviewBody } from '@bds/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiJson, fetchEveryPage } from './http.ts';
import { coopReportKeys, interventionKeys } from './interventions.ts';
import { reportKeys } from './reports.ts';

export type ReportPart = MonthlyReportPartItem;

export interface MonthConcerningService {
  cooperative: { id: number; name: string };
  month: string;
  submittedAt: string | null;
  /** The part of the month the viewer's service reviews (the server sends no other). */
  part: ReportPart;
}

type PartsFilters = Omit<MonthlyReportPartsQuery, 'cursor' | 'limit'>;

export const monthReviewKeys = {
  all: [...coopReportKeys.all, 'review'] as const,
  list: (filters: PartsFilters) => [...monthReviewKeys.all, 'list', filters] as const,
};

/** One page of `GET /api/monthly-reports`: submitted or reviewed parts, across cooperatives, in the caller's scope. */
export function fetchMonthlyReportParts(query: Partial<MonthlyReportPartsQuery>): Promise<MonthlyReportPartsReply> {
  return apiJson<MonthlyReportPartsReply>('/api/monthly-reports', { query: { ...query } });
}

/** Every part matching the filters: one request, unless a year holds more than a page of them. */
export async function fetchMonthsConcerningService(filters: PartsFilters): Promise<MonthConcerningService[]> {
  const parts: ReportPart[] = await fetchEveryPage((cursor) => fetchMonthlyReportParts({ ...filters, limit: 500, cursor }));
  return parts.map((part) => ({
    cooperative: { id: part.cooperativeId, name: part.cooperativeName },
    month: part.month,
    submittedAt: part.submittedAt,
    part,
  }));
}

export function reviewMonth(cooperativeId: number, month: string, body: ReviewBody): Promise<MonthlyReport> {
  return apiJson<MonthlyReport>(`/api/cooperatives/${cooperativeId}/reports/${month}/review`, { method: 'POST', body });
}

export function useMonthsConcerningService(year: number) {
  const filters = { year };
  return useQuery({ queryKey: monthReviewKeys.list(filters), queryFn: () => fetchMonthsConcerningService(filters) });
}

export function useReviewMonth() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ cooperativeId, month, body }: { cooperativeId: number; month: string; body: ReviewBody }) =>
      reviewMonth(cooperativeId, month, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: coopReportKeys.all });
      void queryClient.invalidateQueries({ queryKey: interventionKeys.all });
      void queryClient.invalidateQueries({ queryKey: reportKeys.all });
    },
  });
}
