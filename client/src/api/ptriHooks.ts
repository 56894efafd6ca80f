// One hook per use of a PTRI; each mutation invalidates exactly what it changes.
import type { CreateEvaluationBody, CreatePtriBody, UpdatePtriBody } from '@bds/shared';
import { useEffect } from 'react';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { personKeys } from './persons.ts';
import {
  createEvaluation,
  createPtri,
  fetchEvaluations,
  fetchPtri,
  fetchPtriCount,
  fetchPtriHistory,
  fetchPtris,
  ptriKeys,
  transitionPtri,
  updatePtri,
  type PtriFilters,
  type TransitionInput,
} from './ptris.ts';

export function usePtriList(filters: PtriFilters) {
  return useInfiniteQuery({
    queryKey: ptriKeys.list(filters),
    queryFn: ({ pageParam }) => fetchPtris(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function usePtriCount(filters: PtriFilters) {
  return useQuery({ queryKey: ptriKeys.count(filters), queryFn: () => fetchPtriCount(filters) });
}

/**
 * Every page of a list, fetched one after the other: for a picker that must offer all the
 * projects (a cooperative's active projects when it records interventions), not the first page.
 */
export function useWholePtriList(filters: PtriFilters) {
  const query = usePtriList(filters);
  const { hasNextPage, isFetchingNextPage, isError, fetchNextPage } = query;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && !isError) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, isError, fetchNextPage]);
  return query;
}

export function usePtri(id: number) {
  return useQuery({ queryKey: ptriKeys.detail(id), queryFn: () => fetchPtri(id) });
}

export function usePtriHistory(id: number) {
  return useQuery({ queryKey: ptriKeys.history(id), queryFn: () => fetchPtriHistory(id) });
}

export function usePtriEvaluations(id: number, enabled = true) {
  return useQuery({ queryKey: ptriKeys.evaluations(id), queryFn: () => fetchEvaluations(id), enabled });
}

export function useCreatePtri() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePtriBody) => createPtri(body),
    onSuccess: (ptri) => {
      void queryClient.invalidateQueries({ queryKey: ptriKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: personKeys.detail(ptri.personId) });
    },
  });
}

export function useUpdatePtri(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: UpdatePtriBody }) => updatePtri(id, version, body),
    onSuccess: (ptri) => {
      queryClient.setQueryData(ptriKeys.detail(id), ptri);
      void queryClient.invalidateQueries({ queryKey: ptriKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: ptriKeys.lists() });
    },
  });
}

export function useTransitionPtri(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TransitionInput) => transitionPtri(id, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ptriKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: ptriKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: personKeys.all });
    },
  });
}

export function useCreateEvaluation(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateEvaluationBody) => createEvaluation(id, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ptriKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: ptriKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: ['reports'] });
    },
  });
}
