// Projects whose review date is past or near (GET /api/reports/reviews-due), with their count,
// a page at a time.
import { Link } from 'react-router';
import { useReviewsDue } from '../api/reports.ts';
import { nameOf, useServices } from '../api/reference.ts';
import { it } from '../i18n/it.ts';
import { paths } from '../routes/nav.ts';
import { formatDate } from './format.ts';
import { ResultCount, ShowMore } from './Paging.tsx';
import { Empty, ErrorState, Loading } from './States.tsx';

interface ReviewsDueTableProps {
  within: number;
  onlyOverdue: boolean;
  serviceId?: number | undefined;
}

export function ReviewsDueTable({ within, onlyOverdue, serviceId }: ReviewsDueTableProps) {
  const query = useReviewsDue(within, serviceId);
  const services = useServices();
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const first = query.data.pages[0];
  const total = first ? (onlyOverdue ? first.overdue : first.overdue + first.near) : 0;
  const rows = query.data.pages.flatMap((page) => page.items).filter((row) => !onlyOverdue || row.overdue);
  if (rows.length === 0) return <Empty />;
  // Pages come in date order: once every overdue one is shown, the next pages hold none.
  const pager = {
    hasNextPage: query.hasNextPage && rows.length < total,
    isFetchingNextPage: query.isFetchingNextPage,
    fetchNextPage: query.fetchNextPage,
  };
  return (
    <>
      <ResultCount total={total} shown={rows.length} />
      <div className="table-wrap" role="region" aria-label={it.reports.overdueTitle} tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{it.uvm.dueOn}</th>
              <th scope="col">{it.ptri.person}</th>
              <th scope="col">{it.ptri.service}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.ptriId} className={row.overdue ? 'overdue' : undefined}>
                <td>
                  {formatDate(row.nextReviewDate)} {row.overdue && <span className="badge badge-rejected">{it.uvm.overdue}</span>}{' '}
                  {row.expired && <span className="badge badge-rejected">{it.ptri.expired}</span>}
                </td>
                <td>
                  <Link to={paths.ptri(row.ptriId)}>{row.personName}</Link>
                </td>
                <td>{row.serviceName ?? nameOf(services.data, row.serviceId)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ShowMore query={pager} />
    </>
  );
}
