// Users per service in a year, laid out like the published table: "Servizio | NR_UT" and the total.
import type { YearlyCounts } from '@bds/shared';
import { it } from '../../i18n/it.ts';
import { formatNumber } from '../format.ts';
import { Empty } from '../States.tsx';

export function YearlyCountsTable({ counts }: { counts: YearlyCounts }) {
  if (counts.rows.length === 0) return <Empty />;
  const rows = [...counts.rows].sort((a, b) => a.serviceName.localeCompare(b.serviceName, 'it'));
  return (
    <div className="table-wrap" tabIndex={0}>
      <table>
        <caption>
          {it.ptri.lotNumber(counts.lot)} – {counts.year}
        </caption>
        <thead>
          <tr>
            <th scope="col">{it.reports.service}</th>
            <th scope="col" className="num">
              {it.reports.users}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.serviceId}>
              <th scope="row">{row.serviceName}</th>
              <td className="num">{formatNumber(row.users)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{it.reports.total}</th>
            <td className="num">{formatNumber(counts.total)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
