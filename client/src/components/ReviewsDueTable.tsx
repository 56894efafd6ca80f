// Projects whose review date is past or near (GET /api/reports/reviews-due).
import { Link } from 'react-router';
import { useReviewsDue } from '../api/reports.ts';
import { nameOf, useServices } from '../api/reference.ts';
import { it } from '../i18n/it.ts';
import { paths } from '../routes/nav.ts';
import { formatDate } from './format.ts';
import { Empty, ErrorState, Loading } from './States.tsx';

export function ReviewsDueTable({ within, onlyOverdue }: { within: number; onlyOverdue: boolean }) {
  const query = useReviewsDue(within);
  const services = useServices();
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const rows = query.data.items.filter((row) => !onlyOverdue || row.overdue).sort((a, b) => a.nextReviewDate.localeCompare(b.nextReviewDate));
  if (rows.length === 0) return <Empty />;
  return (
    <div className="table-wrap">
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
            <tr key={row.ptriId}>
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
  );
}
