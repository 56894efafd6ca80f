// The case manager's side of the monthly reports: the months of every cooperative that concern
// their service, and the review (validate, or return with a note) of their service's part.
import type { Cooperative, MonthlyReport, ReviewBody } from '@bds/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiJson } from './http.ts';
import { coopReportKeys, fetchCoopReports, interventionKeys } from './interventions.ts';
import { fetchCooperatives } from './reference.ts';
import { reportKeys } from './reports.ts';

export type ReportPart = MonthlyReport['parts'][number];

export interface MonthConcerningService {
  cooperative: Cooperative;
  month: string;
  submittedAt: string | null;
  /** The part of the month the viewer's service reviews (the server sends no other). */
  part: ReportPart;
}

export const monthReviewKeys = {
  all: [...coopReportKeys.all, 'review'] as const,
  year: (year: number) => [...monthReviewKeys.all, year] as const,
};

/**
 * The API has no list of months across cooperatives, so this reads each cooperative's year;
 * the server already narrows every month to the viewer's service part.
 */
export async function fetchMonthsConcerningService(year: number): Promise<MonthConcerningService[]> {
  const cooperatives = await fetchCooperatives();
  const years = await Promise.all(cooperatives.map(async (cooperative) => ({ cooperative, months: await fetchCoopReports(cooperative.id, year) })));
  return years.flatMap(({ cooperative, months }) =>
    months.flatMap((report) =>
      report.parts.filter((part) => part.status !== 'open').map((part) => ({ cooperative, month: report.month, submittedAt: report.submittedAt, part })),
    ),
  );
}

export function reviewMonth(cooperativeId: number, month: string, body: ReviewBody): Promise<MonthlyReport> {
  return apiJson<MonthlyReport>(`/api/cooperatives/${cooperativeId}/reports/${month}/review`, { method: 'POST', body });
}

export function useMonthsConcerningService(year: number) {
  return useQuery({ queryKey: monthReviewKeys.year(year), queryFn: () => fetchMonthsConcerningService(year) });
}

export function useReviewMonth() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ cooperativeId, month, body }: { cooperativeId: number; month: string; body: ReviewBody }) => reviewMonth(cooperativeId, month, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: coopReportKeys.all });
      void queryClient.invalidateQueries({ queryKey: interventionKeys.all });
      void queryClient.invalidateQueries({ queryKey: reportKeys.all });
    },
  });
}
