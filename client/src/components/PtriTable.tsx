// A paged list of projects with how many there are in all ("Mostra altri" follows the cursor);
// a review date already past is marked, in words as well as in colour.
import type { PtriCount, PtriSummary } from '@bds/shared';
import { Link } from 'react-router';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { Page } from '../api/types.ts';
import { it } from '../i18n/it.ts';
import { paths } from '../routes/nav.ts';
import { formatDate, today } from './format.ts';
import { ResultCount, ShowMore } from './Paging.tsx';
import { Empty, ErrorState, Loading } from './States.tsx';
import { StatusBadge } from './StatusBadge.tsx';

interface PtriTableProps {
  query: UseInfiniteQueryResult<InfiniteData<Page<PtriSummary>>>;
  serviceName: (id: number) => string;
  caption: string;
  /** The whole count, when the page asked for it. */
  count?: PtriCount | undefined;
}

const IN_CARE = new Set(['active', 'suspended']);

export function PtriTable({ query, serviceName, caption, count }: PtriTableProps) {
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const rows = query.data.pages.flatMap((page) => page.items);
  if (rows.length === 0) return <Empty />;
  const date = today();
  return (
    <>
      {count && <ResultCount total={count.total} shown={rows.length} capped={count.capped} />}
      {/* A table wider than the window scrolls in its box, which keyboard users reach by Tab. */}
      <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
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
                {ptri.nextReviewDate && IN_CARE.has(ptri.status) && ptri.nextReviewDate < date ? (
                  <td className="overdue">
                    {formatDate(ptri.nextReviewDate)} <span className="badge badge-rejected">{it.uvm.overdue}</span>
                  </td>
                ) : (
                  <td>{formatDate(ptri.nextReviewDate)}</td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ShowMore query={query} />
    </>
  );
}
