// Interventions recorded by cooperatives and their monthly reports (rendicontazione).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiJson, downloadFile } from './http.ts';
import type { CreateInterventionBody, Intervention, MonthlyReport } from '@bds/shared';
import type { Page } from './types.ts';
import { uploadMonthCsv, type UploadProgress } from './upload.ts';

export interface InterventionFilters {
  month?: string;
  ptriId?: number;
  cooperativeId?: number;
}

export const interventionKeys = {
  all: ['interventions'] as const,
  list: (filters: InterventionFilters) => [...interventionKeys.all, 'list', filters] as const,
};

export const coopReportKeys = {
  all: ['cooperative-reports'] as const,
  year: (cooperativeId: number, year: number) => [...coopReportKeys.all, cooperativeId, year] as const,
};

export async function fetchInterventions(filters: InterventionFilters): Promise<Intervention[]> {
  const reply = await apiJson<Page<Intervention> | Intervention[]>('/api/interventions', { query: { ...filters, limit: 500 } });
  return Array.isArray(reply) ? reply : reply.items;
}

export function createIntervention(ptriId: number, input: CreateInterventionBody): Promise<Intervention> {
  return apiJson<Intervention>(`/api/ptris/${ptriId}/interventions`, { method: 'POST', body: input });
}

interface MonthlyReportsReply {
  cooperativeId: number;
  year: number;
  months: MonthlyReport[];
}

export async function fetchCoopReports(cooperativeId: number, year: number): Promise<MonthlyReport[]> {
  const reply = await apiJson<MonthlyReportsReply>(`/api/cooperatives/${cooperativeId}/reports`, { query: { year } });
  return reply.months;
}

export function submitMonth(cooperativeId: number, month: string): Promise<MonthlyReport> {
  return apiJson<MonthlyReport>(`/api/cooperatives/${cooperativeId}/reports/${month}/submit`, { method: 'POST', body: {} });
}

export function useInterventions(filters: InterventionFilters, enabled = true) {
  return useQuery({ queryKey: interventionKeys.list(filters), queryFn: () => fetchInterventions(filters), enabled });
}

export function useCreateIntervention() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ ptriId, input }: { ptriId: number; input: CreateInterventionBody }) => createIntervention(ptriId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: interventionKeys.all }),
  });
}

export function useCoopReports(cooperativeId: number | null, year: number) {
  return useQuery({
    queryKey: coopReportKeys.year(cooperativeId ?? 0, year),
    queryFn: () => fetchCoopReports(cooperativeId ?? 0, year),
    enabled: cooperativeId != null,
  });
}

export function useSubmitMonth(cooperativeId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (month: string) => submitMonth(cooperativeId, month),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: coopReportKeys.all });
      void queryClient.invalidateQueries({ queryKey: interventionKeys.all });
    },
  });
}

/** The month's CSV template, prefilled with the projects active in it. */
export function downloadMonthTemplate(cooperativeId: number, month: string): Promise<void> {
  return downloadFile(`/api/cooperatives/${cooperativeId}/reports/${month}/template.csv`, {}, `modello-interventi-${month}.csv`);
}

export function useUploadMonth(cooperativeId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ month, file, onProgress }: { month: string; file: Blob; onProgress: (progress: UploadProgress) => void }) =>
      uploadMonthCsv(cooperativeId, month, file, onProgress),
    onSuccess: (outcome) => {
      if (outcome.kind !== 'saved') return;
      void queryClient.invalidateQueries({ queryKey: interventionKeys.all });
      void queryClient.invalidateQueries({ queryKey: coopReportKeys.all });
    },
  });
}
