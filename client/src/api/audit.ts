// The access log (admin, manager): filtered, paged, downloadable as CSV.
import type { AuditEntry, auditQuery } from '@bds/shared';
import type { z } from 'zod';
import { useInfiniteQuery } from '@tanstack/react-query';
import { apiJson, downloadFile } from './http.ts';
import type { Page } from './types.ts';

export type AuditFilters = Omit<z.output<typeof auditQuery>, 'limit' | 'cursor' | 'format'>;

export const auditKeys = {
  all: ['audit'] as const,
  list: (filters: AuditFilters) => [...auditKeys.all, filters] as const,
};

export function fetchAudit(filters: AuditFilters, cursor?: string): Promise<Page<AuditEntry>> {
  return apiJson<Page<AuditEntry>>('/api/audit', { query: { ...filters, cursor, limit: 100 } });
}

export function downloadAuditCsv(filters: AuditFilters): Promise<void> {
  return downloadFile('/api/audit', { ...filters, format: 'csv' }, 'registro-accessi.csv');
}

export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: auditKeys.list(filters),
    queryFn: ({ pageParam }) => fetchAudit(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
