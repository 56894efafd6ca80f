// PTRI endpoints: one typed function each, and the key factory the hooks share.
import type {
  CreateEvaluationBody,
  CreatePtriBody,
  Evaluation,
  HistoryEntry,
  PtriCount,
  PtriDetail,
  PtriSummary,
  ptriListQuery,
  transitionBody,
  UpdatePtriBody,
} from '@bds/shared';
import type { z } from 'zod';
import { apiJson } from './http.ts';
import type { Page } from './types.ts';

/** The list's filters as the server reads them (`reviewOverdue` a boolean, ids numbers). */
export type PtriFilters = Omit<z.output<typeof ptriListQuery>, 'limit' | 'cursor'>;

export const ptriKeys = {
  all: ['ptris'] as const,
  lists: () => [...ptriKeys.all, 'list'] as const,
  list: (filters: PtriFilters) => [...ptriKeys.lists(), filters] as const,
  count: (filters: PtriFilters) => [...ptriKeys.lists(), 'count', filters] as const,
  details: () => [...ptriKeys.all, 'detail'] as const,
  detail: (id: number) => [...ptriKeys.details(), id] as const,
  history: (id: number) => [...ptriKeys.detail(id), 'history'] as const,
  evaluations: (id: number) => [...ptriKeys.detail(id), 'evaluations'] as const,
};

export function fetchPtris(filters: PtriFilters, cursor?: string): Promise<Page<PtriSummary>> {
  return apiJson<Page<PtriSummary>>('/api/ptris', {
    query: { ...filters, reviewOverdue: filters.reviewOverdue ? 'true' : undefined, cursor, limit: 50 },
  });
}

/** How many projects the filters match; past a thousand the server stops counting (`capped`). */
export function fetchPtriCount(filters: PtriFilters): Promise<PtriCount> {
  return apiJson<PtriCount>('/api/ptris/count', { query: { ...filters, reviewOverdue: filters.reviewOverdue ? 'true' : undefined } });
}

export function fetchPtri(id: number): Promise<PtriDetail> {
  return apiJson<PtriDetail>(`/api/ptris/${id}`);
}

export function createPtri(body: CreatePtriBody): Promise<PtriDetail> {
  return apiJson<PtriDetail>('/api/ptris', { method: 'POST', body });
}

export function updatePtri(id: number, version: number, body: UpdatePtriBody): Promise<PtriDetail> {
  return apiJson<PtriDetail>(`/api/ptris/${id}`, { method: 'PATCH', body, headers: { 'If-Match': `"${version}"` } });
}

export type TransitionInput = z.input<typeof transitionBody>;

export function transitionPtri(id: number, input: TransitionInput): Promise<PtriDetail> {
  return apiJson<PtriDetail>(`/api/ptris/${id}/transitions`, { method: 'POST', body: input });
}

export async function fetchPtriHistory(id: number): Promise<HistoryEntry[]> {
  const reply = await apiJson<HistoryEntry[] | Page<HistoryEntry>>(`/api/ptris/${id}/history`);
  return Array.isArray(reply) ? reply : reply.items;
}

export async function fetchEvaluations(id: number): Promise<Evaluation[]> {
  const reply = await apiJson<Evaluation[] | Page<Evaluation>>(`/api/ptris/${id}/evaluations`);
  return Array.isArray(reply) ? reply : reply.items;
}

export function createEvaluation(id: number, body: CreateEvaluationBody): Promise<Evaluation> {
  return apiJson<Evaluation>(`/api/ptris/${id}/evaluations`, { method: 'POST', body });
}
