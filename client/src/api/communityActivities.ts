// Lot 4 community activities: the catalogue, one activity, enrolments, sessions, a project's
// activities and the yearly report.
import type {
  Axis,
  CommunityActivity,
  CommunityActivityDetail,
  CommunityReport,
  communityReportQuery,
  CommunitySession,
  CommunitySessionsPage,
  CreateCommunityActivityBody,
  CreateSessionBody,
  ProjectCommunityActivity,
} from '@bds/shared';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiJson } from './http.ts';
import { reportEndpoint, type FiltersOf } from './reportEndpoint.ts';
import type { Page } from './types.ts';

export interface CatalogueFilters {
  districtId?: number;
  axis?: Axis;
  cooperativeId?: number;
}

export type CommunityReportFilters = FiltersOf<typeof communityReportQuery>;

export const communityKeys = {
  all: ['community-activities'] as const,
  list: (filters: CatalogueFilters) => [...communityKeys.all, 'list', filters] as const,
  detail: (id: number) => [...communityKeys.all, 'detail', id] as const,
  sessions: (id: number) => [...communityKeys.detail(id), 'sessions'] as const,
  ofProject: (ptriId: number) => [...communityKeys.all, 'project', ptriId] as const,
  report: (filters: CommunityReportFilters) => [...communityKeys.all, 'report', filters] as const,
};

export function fetchCatalogue(filters: CatalogueFilters, cursor?: string): Promise<Page<CommunityActivity>> {
  return apiJson<Page<CommunityActivity>>('/api/community-activities', { query: { ...filters, cursor } });
}

export const fetchActivity = (id: number) => apiJson<CommunityActivityDetail>(`/api/community-activities/${id}`);

export const createActivity = (body: CreateCommunityActivityBody) =>
  apiJson<CommunityActivity>('/api/community-activities', { method: 'POST', body });

export const enrolProject = (activityId: number, ptriId: number) =>
  apiJson<unknown>(`/api/community-activities/${activityId}/enrolments`, { method: 'POST', body: { ptriId } });

export const endEnrolment = (activityId: number, ptriId: number) =>
  apiJson<unknown>(`/api/community-activities/${activityId}/enrolments/${ptriId}`, { method: 'DELETE' });

export const recordSession = (activityId: number, body: CreateSessionBody) =>
  apiJson<CommunitySession>(`/api/community-activities/${activityId}/sessions`, { method: 'POST', body });

export const fetchProjectActivities = (ptriId: number) => apiJson<ProjectCommunityActivity[]>(`/api/ptris/${ptriId}/community-activities`);

export const communityReport = reportEndpoint<CommunityReportFilters, CommunityReport>(
  '/api/reports/community-activities',
  (filters) => communityKeys.report(filters),
  ({ year }) => `attivita-comunita-${year}.csv`,
);

export function useCatalogue(filters: CatalogueFilters) {
  return useInfiniteQuery({
    queryKey: communityKeys.list(filters),
    queryFn: ({ pageParam }) => fetchCatalogue(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** An activity's sessions, newest first, a page at a time, with how many there are. */
export function useActivitySessions(id: number) {
  return useInfiniteQuery({
    queryKey: communityKeys.sessions(id),
    queryFn: ({ pageParam }) =>
      apiJson<CommunitySessionsPage>(`/api/community-activities/${id}/sessions`, { query: { cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export const useCommunityActivity = (id: number) => useQuery({ queryKey: communityKeys.detail(id), queryFn: () => fetchActivity(id) });

export const useProjectActivities = (ptriId: number, enabled: boolean) =>
  useQuery({ queryKey: communityKeys.ofProject(ptriId), queryFn: () => fetchProjectActivities(ptriId), enabled });

/** A write on community activities: every cached catalogue, activity and report may have changed. */
function useCommunityChange<T>(write: (input: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: communityKeys.all }),
  });
}

export const useCreateActivity = () => useCommunityChange(createActivity);
export const useEnrol = (activityId: number) => useCommunityChange((ptriId: number) => enrolProject(activityId, ptriId));
export const useEndEnrolment = (activityId: number) => useCommunityChange((ptriId: number) => endEnrolment(activityId, ptriId));
export const useRecordSession = (activityId: number) => useCommunityChange((body: CreateSessionBody) => recordSession(activityId, body));
