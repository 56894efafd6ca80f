// The layout every report page of the manager shares: title and "Scarica CSV" built from the
// same filters as the figures, the filters from the report's query schema, what the figures
// mean and up to which day they count, then the figures or why there are none.
import { useState, type ReactNode } from 'react';
import type { Query } from '../../api/http.ts';
import { useReport, type ReportEndpoint } from '../../api/reportEndpoint.ts';
import { it } from '../../i18n/it.ts';
import { DownloadButton } from '../DownloadButton.tsx';
import { formatDate } from '../format.ts';
import { Empty, ErrorState, Loading } from '../States.tsx';
import { ReportFilters, type QuerySchema } from './ReportFilters.tsx';

interface FrameProps<Filters extends Query> {
  title: string;
  schema: QuerySchema;
  filters: Filters;
  onFilters: (next: Filters) => void;
  downloadCsv: (filters: Filters) => Promise<void>;
  /** Fields the page sets itself: sent, never offered as filters. */
  fixed?: readonly string[];
  hint?: ReactNode;
  children: ReactNode;
}

/** Head, filters and hint around a report the page reads itself (a paged list). */
export function ReportFrame<Filters extends Query>({
  title,
  schema,
  filters,
  onFilters,
  downloadCsv,
  fixed,
  hint,
  children,
}: FrameProps<Filters>) {
  return (
    <>
      <div className="page-head">
        <h1>{title}</h1>
        <DownloadButton download={() => downloadCsv(filters)} />
      </div>
      <ReportFilters schema={schema} value={filters} onChange={onFilters} fixed={fixed} />
      {hint && <p className="hint">{hint}</p>}
      {children}
    </>
  );
}

interface PageProps<Filters extends Query, Data> {
  title: string;
  schema: QuerySchema;
  endpoint: ReportEndpoint<Filters, Data>;
  initialFilters: NoInfer<Filters>;
  /** What the figures mean. */
  help?: string;
  /** True when the reply has nothing to show: the page says so instead of an empty table. */
  isEmpty?: (data: Data) => boolean;
  children: (data: Data, filters: Filters) => ReactNode;
  /** What the page shows below the figures, loaded or not. */
  after?: (filters: Filters) => ReactNode;
}

function countedUpTo(data: unknown): string | null {
  if (!data || typeof data !== 'object' || !('throughDate' in data)) return null;
  const through = data.throughDate;
  return typeof through === 'string' ? it.reports.throughDate(formatDate(through)) : it.reports.notBegun;
}

export function ReportPage<Filters extends Query, Data>({
  title,
  schema,
  endpoint,
  initialFilters,
  help,
  isEmpty,
  children,
  after,
}: PageProps<Filters, Data>) {
  const [filters, setFilters] = useState(initialFilters);
  const report = useReport(endpoint, filters);
  const hint = [help, countedUpTo(report.data)].filter(Boolean).join(' ');
  return (
    <ReportFrame title={title} schema={schema} filters={filters} onFilters={setFilters} downloadCsv={endpoint.downloadCsv} hint={hint}>
      {report.isPending ? (
        <Loading />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : isEmpty?.(report.data) ? (
        <Empty />
      ) : (
        children(report.data, filters)
      )}
      {after?.(filters)}
    </ReportFrame>
  );
}
