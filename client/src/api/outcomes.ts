// Outcomes: the report, and the contacts after a project's closure.
import type { FollowUp, FollowUpBody, OutcomesReport } from '@bds/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiJson, downloadFile } from './http.ts';

export const outcomeKeys = {
  all: ['outcomes'] as const,
  report: (year: number, serviceId: number | undefined) => [...outcomeKeys.all, 'report', year, serviceId ?? 'all'] as const,
  followUps: (ptriId: number) => [...outcomeKeys.all, 'follow-ups', ptriId] as const,
};

export function useOutcomes(year: number, serviceId: number | undefined) {
  return useQuery({
    queryKey: outcomeKeys.report(year, serviceId),
    queryFn: () => apiJson<OutcomesReport>('/api/reports/outcomes', { query: { year, serviceId } }),
  });
}

export function downloadOutcomesCsv(year: number, serviceId: number | undefined): Promise<void> {
  return downloadFile('/api/reports/outcomes', { year, serviceId, format: 'csv' }, `esiti-${year}.csv`);
}

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
