// A report the manager reads on a page and downloads as CSV: one path, one set of filters for
// both, so the file always holds what the page shows.
import { useQuery, type QueryKey } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiJson, downloadFile, type Query } from './http.ts';

export interface ReportEndpoint<Filters extends Query, Data> {
  key: (filters: Filters) => QueryKey;
  fetch: (filters: Filters) => Promise<Data>;
  downloadCsv: (filters: Filters) => Promise<void>;
}

export function reportEndpoint<Filters extends Query, Data>(
  path: string,
  key: (filters: Filters) => QueryKey,
  fileName: (filters: Filters) => string,
): ReportEndpoint<Filters, Data> {
  return {
    key,
    fetch: (filters) => apiJson<Data>(path, { query: filters }),
    downloadCsv: (filters) => downloadFile(path, { ...filters, format: 'csv' }, fileName(filters)),
  };
}

export function useReport<Filters extends Query, Data>(endpoint: ReportEndpoint<Filters, Data>, filters: Filters) {
  return useQuery({ queryKey: endpoint.key(filters), queryFn: () => endpoint.fetch(filters) });
}

/** What a page filters by: its query schema's fields, without the reply's format and paging. */
export type FiltersOf<Schema extends z.ZodType> = Omit<z.output<Schema>, 'format' | 'limit' | 'cursor'>;
