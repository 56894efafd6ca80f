// The community resources catalogue: search, one resource, create and change, the report; and the
// social services' decision on a budget line.
import type {
  Axis,
  PtriDetail,
  Resource,
  ResourceBody,
  ResourceDetail,
  MemberEvaluation,
  ResourcesCount,
  ResourcesReport,
  resourceUpdateBody,
} from '@bds/shared';
import type { z } from 'zod';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiJson } from './http.ts';
import { reportEndpoint } from './reportEndpoint.ts';
import { ptriKeys } from './ptris.ts';
import type { Page } from './types.ts';

export interface ResourceFilters {
  districtId?: number;
  axis?: Axis;
  q?: string;
}

export const resourceKeys = {
  all: ['resources'] as const,
  list: (filters: ResourceFilters) => [...resourceKeys.all, 'list', filters] as const,
  count: (filters: ResourceFilters) => [...resourceKeys.all, 'count', filters] as const,
  detail: (id: number) => [...resourceKeys.all, 'detail', id] as const,
  report: () => [...resourceKeys.all, 'report'] as const,
};

export const fetchResources = (filters: ResourceFilters, cursor?: string, limit = 50) =>
  apiJson<Page<Resource>>('/api/resources', { query: { ...filters, cursor, limit } });

export function useResourceSearch(filters: ResourceFilters, enabled = true) {
  return useInfiniteQuery({
    enabled,
    queryKey: resourceKeys.list(filters),
    queryFn: ({ pageParam }) => fetchResources(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useResourceCount(filters: ResourceFilters) {
  return useQuery({
    queryKey: resourceKeys.count(filters),
    queryFn: () => apiJson<ResourcesCount>('/api/resources/count', { query: { ...filters } }),
  });
}

export function useResource(id: number | null | undefined) {
  return useQuery({
    queryKey: resourceKeys.detail(id ?? 0),
    queryFn: () => apiJson<ResourceDetail>(`/api/resources/${id}`),
    enabled: Boolean(id),
  });
}

export function useSaveResource(id: number | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ResourceBody | z.input<typeof resourceUpdateBody>) =>
      id === null
        ? apiJson<Resource>('/api/resources', { method: 'POST', body })
        : apiJson<Resource>(`/api/resources/${id}`, { method: 'PATCH', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: resourceKeys.all }),
  });
}

export const resourcesReport = reportEndpoint<Record<string, never>, ResourcesReport>(
  '/api/reports/resources',
  () => resourceKeys.report(),
  () => 'risorse-del-territorio.csv',
);

/** A social worker confirms or declines a social-services line; the reply is the project. */
export function useDecideLine(ptriId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ lineId, ...body }: { lineId: number; decision: 'confirmed' | 'declined'; note?: string }) =>
      apiJson<PtriDetail>(`/api/ptris/${ptriId}/budget-lines/${lineId}/confirmation`, { method: 'POST', body }),
    onSuccess: (ptri) => {
      queryClient.setQueryData(ptriKeys.detail(ptriId), ptri);
      void queryClient.invalidateQueries({ queryKey: ptriKeys.detail(ptriId) });
    },
  });
}

/** The UVM meetings the signed-in social worker sat on as a named member. */
export function useMemberEvaluations() {
  return useInfiniteQuery({
    queryKey: ['evaluations', 'mine'] as const,
    queryFn: ({ pageParam }) => apiJson<Page<MemberEvaluation>>('/api/me/evaluations', { query: { cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
