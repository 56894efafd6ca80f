// Outcomes: the report, and the contacts after a project's closure.
import type { FollowUp, FollowUpBody, OutcomesReport, outcomesQuery } from '@bds/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiJson } from './http.ts';
import { reportEndpoint, type FiltersOf } from './reportEndpoint.ts';

export type OutcomesFilters = FiltersOf<typeof outcomesQuery>;

export const outcomeKeys = {
  all: ['outcomes'] as const,
  report: (filters: OutcomesFilters) => [...outcomeKeys.all, 'report', filters] as const,
  followUps: (ptriId: number) => [...outcomeKeys.all, 'follow-ups', ptriId] as const,
};

export const outcomesReport = reportEndpoint<OutcomesFilters, OutcomesReport>(
  '/api/reports/outcomes',
  outcomeKeys.report,
  ({ year }) => `esiti-${year}.csv`,
);

export function useFollowUps(ptriId: number, enabled: boolean) {
  return useQuery({
    queryKey: outcomeKeys.followUps(ptriId),
    queryFn: () => apiJson<FollowUp[]>(`/api/ptris/${ptriId}/follow-ups`),
    enabled,
  });
}

export function useRecordFollowUp(ptriId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: FollowUpBody) => apiJson<FollowUp>(`/api/ptris/${ptriId}/follow-ups`, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: outcomeKeys.all }),
  });
}
