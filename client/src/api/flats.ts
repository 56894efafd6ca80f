// Lot 3 flats: the list with free places, a flat with its stays, proposing, correcting and ending
// stays, the flat's own hours, the flats report, and the manager's review of the department-wide parts.
import type {
  DepartmentPartKind,
  EndStayBody,
  FlatDetail,
  FlatIntervention,
  FlatInterventionBody,
  FlatInterventionUpdateBody,
  FlatsReply,
  FlatsReport,
  flatsReportQuery,
  MonthlyReport,
  ProjectStays,
  ReviewBody,
  Stay,
  StayBody,
  StayUpdateBody,
} from '@bds/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiJson, fetchEveryPage } from './http.ts';
import { fetchMonthlyReportParts } from './monthReviews.ts';
import { coopReportKeys } from './interventions.ts';
import { reportEndpoint, type FiltersOf } from './reportEndpoint.ts';
import { reportKeys } from './reports.ts';

export const flatKeys = {
  all: ['flats'] as const,
  list: (districtId: number | undefined) => [...flatKeys.all, 'list', districtId ?? 'all'] as const,
  detail: (id: number) => [...flatKeys.all, 'detail', id] as const,
  work: (id: number, month: string) => [...flatKeys.all, 'detail', id, 'work', month] as const,
  ofProject: (ptriId: number) => [...flatKeys.all, 'project', ptriId] as const,
  report: (filters: FlatsReportFilters) => [...reportKeys.all, 'flats', filters] as const,
  departmentParts: (year: number) => [...coopReportKeys.all, 'department', year] as const,
};

/** Every flat the caller sees (a few hundred at most in a district), page after page. */
export function fetchFlats(districtId: number | undefined): Promise<FlatsReply['items']> {
  return fetchEveryPage((cursor) => apiJson<FlatsReply>('/api/flats', { query: { districtId, limit: 500, cursor } }));
}

export function useFlats(districtId: number | undefined) {
  return useQuery({ queryKey: flatKeys.list(districtId), queryFn: () => fetchFlats(districtId) });
}

export function useFlat(id: number | undefined) {
  return useQuery({
    queryKey: flatKeys.detail(id ?? 0),
    queryFn: () => apiJson<FlatDetail>(`/api/flats/${id}`),
    enabled: id !== undefined,
  });
}

export function useFlatWork(id: number, month: string, enabled: boolean) {
  return useQuery({
    queryKey: flatKeys.work(id, month),
    queryFn: () => apiJson<{ items: FlatIntervention[] }>(`/api/flats/${id}/interventions`, { query: { month } }),
    enabled,
  });
}

export function useProjectStays(ptriId: number) {
  return useQuery({ queryKey: flatKeys.ofProject(ptriId), queryFn: () => apiJson<ProjectStays>(`/api/ptris/${ptriId}/stays`) });
}

function useFlatMutation<T, R>(request: (input: T) => Promise<R>, extraKeys: readonly (readonly unknown[])[] = []) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: flatKeys.all });
      for (const queryKey of extraKeys) void queryClient.invalidateQueries({ queryKey });
    },
  });
}

export const useCreateStay = () =>
  useFlatMutation(({ flatId, body }: { flatId: number; body: StayBody }) =>
    apiJson<Stay>(`/api/flats/${flatId}/stays`, { method: 'POST', body }),
  );

export const useEndStay = () =>
  useFlatMutation(({ stayId, body }: { stayId: number; body: EndStayBody }) =>
    apiJson<Stay>(`/api/stays/${stayId}/end`, { method: 'POST', body }),
  );

export const useChangeStay = () =>
  useFlatMutation(({ stayId, body }: { stayId: number; body: StayUpdateBody }) =>
    apiJson<Stay>(`/api/stays/${stayId}`, { method: 'PATCH', body }),
  );

export const useCancelStay = () => useFlatMutation((stayId: number) => apiJson<null>(`/api/stays/${stayId}`, { method: 'DELETE' }));

export const useUpdateFlatWork = () =>
  useFlatMutation(
    ({ id, body }: { id: number; body: FlatInterventionUpdateBody }) =>
      apiJson<FlatIntervention>(`/api/flat-interventions/${id}`, { method: 'PATCH', body }),
    [coopReportKeys.all],
  );

export const useDeleteFlatWork = () =>
  useFlatMutation((id: number) => apiJson<null>(`/api/flat-interventions/${id}`, { method: 'DELETE' }), [coopReportKeys.all]);

export const useRecordFlatWork = () =>
  useFlatMutation(
    ({ flatId, body }: { flatId: number; body: FlatInterventionBody }) =>
      apiJson<FlatIntervention>(`/api/flats/${flatId}/interventions`, { method: 'POST', body }),
    [coopReportKeys.all],
  );

export type FlatsReportFilters = FiltersOf<typeof flatsReportQuery>;

export const flatsReport = reportEndpoint<FlatsReportFilters, FlatsReport>(
  '/api/reports/flats',
  (filters) => flatKeys.report(filters),
  ({ year }) => `appartamenti-${year}.csv`,
);

/** The submitted or reviewed department-wide parts of the cooperatives' months in a year. */
export function useDepartmentParts(year: number) {
  return useQuery({
    queryKey: flatKeys.departmentParts(year),
    queryFn: () => fetchEveryPage((cursor) => fetchMonthlyReportParts({ year, departmentWide: true, limit: 500, cursor })),
  });
}

export const useReviewDepartmentPart = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      cooperativeId,
      month,
      kind,
      body,
    }: {
      cooperativeId: number;
      month: string;
      kind: DepartmentPartKind;
      body: ReviewBody;
    }) => apiJson<MonthlyReport>(`/api/cooperatives/${cooperativeId}/reports/${month}/parts/${kind}/review`, { method: 'POST', body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: coopReportKeys.all });
      void queryClient.invalidateQueries({ queryKey: reportKeys.all });
    },
  });
};
