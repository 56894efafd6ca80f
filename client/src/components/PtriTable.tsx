// A paged list of projects ("Carica altri" follows the cursor).
import type { PtriSummary } from '@bds/shared';
import { Link } from 'react-router';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { Page } from '../api/types.ts';
import { it } from '../i18n/it.ts';
import { paths } from '../routes/nav.ts';
import { formatDate } from './format.ts';
import { Empty, ErrorState, Loading } from './States.tsx';
import { StatusBadge } from './StatusBadge.tsx';

interface PtriTableProps {
  query: UseInfiniteQueryResult<InfiniteData<Page<PtriSummary>>>;
  serviceName: (id: number) => string;
  caption: string;
}

export function PtriTable({ query, serviceName, caption }: PtriTableProps) {
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const rows = query.data.pages.flatMap((page) => page.items);
  if (rows.length === 0) return <Empty />;
  return (
    <>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{it.ptri.person}</th>
              <th scope="col">{it.ptri.service}</th>
              <th scope="col">{it.ptri.status}</th>
              <th scope="col">{it.ptri.intensity}</th>
              <th scope="col">{it.ptri.period}</th>
              <th scope="col">{it.ptri.nextReview}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((ptri) => (
              <tr key={ptri.id}>
                <td>
                  <Link to={paths.ptri(ptri.id)}>{ptri.personName}</Link>
                </td>
                <td>{serviceName(ptri.serviceId)}</td>
                <td>
                  <StatusBadge status={ptri.status} expired={ptri.expired} />
                </td>
                <td>{it.intensities[ptri.intensity]}</td>
                <td>
                  {formatDate(ptri.startDate)} – {formatDate(ptri.endDate)}
                </td>
                <td>{formatDate(ptri.nextReviewDate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {query.hasNextPage && (
        <div className="actions">
          <button type="button" className="secondary" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
            {query.isFetchingNextPage ? it.common.loading : it.common.loadMore}
          </button>
        </div>
      )}
    </>
  );
}
