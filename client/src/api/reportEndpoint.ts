// A report the manager reads on a page and downloads as CSV: one path, one set of filters for
// both, so the file always holds what the page shows.
import { useInfiniteQuery, useQuery, type QueryKey } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiJson, downloadFile, type Query } from './http.ts';

export interface ReportEndpoint<Filters extends Query, Data> {
  key: (filters: Filters) => QueryKey;
  /** One page of the report: the first without a cursor. */
  fetch: (filters: Filters, cursor?: string) => Promise<Data>;
  downloadCsv: (filters: Filters) => Promise<void>;
}

export function reportEndpoint<Filters extends Query, Data>(
  path: string,
  key: (filters: Filters) => QueryKey,
  fileName: (filters: Filters) => string,
): ReportEndpoint<Filters, Data> {
  return {
    key,
    fetch: (filters, cursor) => apiJson<Data>(path, { query: { ...filters, cursor } }),
    downloadCsv: (filters) => downloadFile(path, { ...filters, format: 'csv' }, fileName(filters)),
  };
}

export function useReport<Filters extends Query, Data>(endpoint: ReportEndpoint<Filters, Data>, filters: Filters) {
  return useQuery({ queryKey: endpoint.key(filters), queryFn: () => endpoint.fetch(filters) });
}

/** A paged report's next pages, from the first page the report page already read. */
export function useReportPages<Filters extends Query, Data extends { nextCursor: string | null }>(
  endpoint: ReportEndpoint<Filters, Data>,
  filters: Filters,
  first: Data,
) {
  return useInfiniteQuery({
    queryKey: [...endpoint.key(filters), 'rows'],
    queryFn: ({ pageParam }) => endpoint.fetch(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    initialData: { pages: [first], pageParams: [undefined] },
    // The first page was just read by the report page: fetch only the next ones.
    refetchOnMount: false,
  });
}

/** What a page filters by: its query schema's fields, without the reply's format and paging. */
export type FiltersOf<Schema extends z.ZodType> = Omit<z.output<Schema>, 'format' | 'limit' | 'cursor'>;
