// The interventions of a cooperative's month that the viewer may see, for checking before review.
import { useInterventions } from '../../api/interventions.ts';
import { it } from '../../i18n/it.ts';
import { formatDate, formatHours } from '../format.ts';
import { Empty, ErrorState, Loading } from '../States.tsx';

export function MonthInterventions({ cooperativeId, month }: { cooperativeId: number; month: string }) {
  const query = useInterventions({ cooperativeId, month });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.length === 0) return <Empty />;
  return (
    <div className="table-wrap" tabIndex={0}>
      <table>
        <thead>
          <tr>
            <th scope="col">{it.coop.date}</th>
            <th scope="col">{it.coop.project}</th>
            <th scope="col">{it.coop.axis}</th>
            <th scope="col">{it.coop.activity}</th>
            <th scope="col" className="num">
              {it.coop.hours}
            </th>
            <th scope="col">{it.coop.operatorRole}</th>
          </tr>
        </thead>
        <tbody>
          {query.data.map((row) => (
            <tr key={row.id}>
              <td>{formatDate(row.date)}</td>
              <td>{row.ptriId ? it.ptri.titleOf(row.ptriId) : '—'}</td>
              <td>{it.axes[row.axis]}</td>
              <td>{row.activity}</td>
              <td className="num">{formatHours(row.hours)}</td>
              <td>{row.operatorRole}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
