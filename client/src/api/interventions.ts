// Interventions recorded by cooperatives and their monthly reports (rendicontazione).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiJson, downloadFile } from './http.ts';
import type { z } from 'zod';
import type {
  CreateInterventionBody,
  Intervention,
  interventionListQuery,
  MonthlyReport,
  monthlyReportsReply,
  UpdateInterventionBody,
} from '@bds/shared';
import type { Page } from './types.ts';
import { uploadMonthCsv, type UploadProgress } from './upload.ts';

export type InterventionFilters = Omit<z.output<typeof interventionListQuery>, 'limit' | 'cursor'>;

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

export function updateIntervention(id: number, input: UpdateInterventionBody): Promise<Intervention> {
  return apiJson<Intervention>(`/api/interventions/${id}`, { method: 'PATCH', body: input });
}

export function deleteIntervention(id: number): Promise<unknown> {
  return apiJson<unknown>(`/api/interventions/${id}`, { method: 'DELETE' });
}

export async function fetchCoopReports(cooperativeId: number, year: number): Promise<MonthlyReport[]> {
  const reply = await apiJson<z.infer<typeof monthlyReportsReply>>(`/api/cooperatives/${cooperativeId}/reports`, { query: { year } });
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

/** Correcting or deleting a recorded intervention changes the month's totals too. */
function useInterventionChange<T>(change: (input: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: interventionKeys.all });
      void queryClient.invalidateQueries({ queryKey: coopReportKeys.all });
    },
  });
}

export const useUpdateIntervention = () =>
  useInterventionChange(({ id, input }: { id: number; input: UpdateInterventionBody }) => updateIntervention(id, input));
export const useDeleteIntervention = () => useInterventionChange((id: number) => deleteIntervention(id));

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
