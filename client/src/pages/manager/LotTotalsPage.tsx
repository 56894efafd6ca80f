// Per lot and cooperative: persons and projects with interventions, hours and amounts (validated and pending) against the ceiling.
import { useState } from 'react';
import { downloadLotTotalsCsv, useLotTotals } from '../../api/reports.ts';
import { DownloadButton } from '../../components/DownloadButton.tsx';
import { Field } from '../../components/Field.tsx';
import { formatDate, formatEuro, formatHours, formatMonth, formatNumber, today } from '../../components/format.ts';
import { Empty, ErrorState, Loading } from '../../components/States.tsx';
import { it } from '../../i18n/it.ts';

const percent = (share: number | null) => (share == null ? '—' : `${(share * 100).toLocaleString('it-IT', { maximumFractionDigits: 1 })}%`);

export function LotTotalsPage() {
  const thisYear = Number(today().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [month, setMonth] = useState<string | undefined>(undefined);
  const totals = useLotTotals(year, month);
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);

  return (
    <>
      <div className="page-head">
        <h1>{it.reports.lotTotalsTitle}</h1>
        <DownloadButton download={() => downloadLotTotalsCsv(year, month)} />
      </div>
      <div className="card row">
        <Field label={it.reports.year}>
          <select
            value={year}
            onChange={(e) => {
              setYear(Number(e.target.value));
              setMonth(undefined);
            }}
          >
            {[thisYear, thisYear - 1, thisYear - 2, thisYear - 3].map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </Field>
        <Field label={it.reports.month}>
          <select value={month ?? ''} onChange={(e) => setMonth(e.target.value || undefined)}>
            <option value="">{it.reports.wholeYear}</option>
            {months.map((m) => (
              <option key={m} value={m}>
                {formatMonth(m)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <p className="hint">
        {it.reports.lotTotalsMeaning} {totals.data?.throughDate && it.reports.throughDate(formatDate(totals.data.throughDate))}
      </p>
      {totals.isPending ? (
        <Loading />
      ) : totals.isError ? (
        <ErrorState error={totals.error} onRetry={() => void totals.refetch()} />
      ) : totals.data.lots.length === 0 ? (
        <Empty />
      ) : (
        totals.data.lots.map((lot) => (
          <section key={lot.lotId} className="card">
            <h2>
              {it.ptri.lotNumber(lot.lotNumber)} – {lot.title}
            </h2>
            <p>
              {it.reports.ceiling}: {formatEuro(lot.ceiling)} · {it.reports.ceilingShare}: <strong>{percent(lot.ceilingShare)}</strong> (
              {it.reports.pending}: {percent(lot.ceilingShareWithPending)})
            </p>
            {lot.ceilingShare != null && <progress max={1} value={Math.min(lot.ceilingShare, 1)} aria-label={it.reports.ceilingShare} />}
            {lot.persons !== undefined && <p>{it.reports.communityAttendance(lot.persons, lot.otherParticipants ?? 0)}</p>}
            <div className="table-wrap" tabIndex={0}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{it.reports.cooperative}</th>
                    <th scope="col" className="num">
                      {it.reports.personsWithInterventions}
                    </th>
                    <th scope="col" className="num">
                      {it.reports.projectsWithInterventions}
                    </th>
                    <th scope="col" className="num">
                      {it.reports.hours}
                    </th>
                    <th scope="col" className="num">
                      {it.reports.validated}
                    </th>
                    <th scope="col" className="num">
                      {it.reports.pending}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {lot.cooperatives.map((row) => (
                    <tr key={row.cooperativeId}>
                      <th scope="row">{row.cooperativeName}</th>
                      <td className="num">{formatNumber(row.personsWithInterventions)}</td>
                      <td className="num">{formatNumber(row.projectsWithInterventions)}</td>
                      <td className="num">{formatHours(row.validated.hours + row.pending.hours)}</td>
                      <td className="num">{formatEuro(row.validated.amount)}</td>
                      <td className="num">{formatEuro(row.pending.amount)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{it.ptri.total}</th>
                    <td className="num">{formatNumber(lot.personsWithInterventions)}</td>
                    <td className="num">{formatNumber(lot.projectsWithInterventions)}</td>
                    <td className="num">{formatHours(lot.validated.hours + lot.pending.hours)}</td>
                    <td className="num">{formatEuro(lot.validated.amount)}</td>
                    <td className="num">{formatEuro(lot.pending.amount)}</td>
                  </tr>
                </tfoot>
              </table>
            </div>
          </section>
        ))
      )}
    </>
  );
}
