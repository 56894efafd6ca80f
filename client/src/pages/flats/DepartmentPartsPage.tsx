// "Parti di dipartimento": the department-wide parts of the cooperatives' months (flats, community
// activities) that a manager validates or returns with a note.
import { useState } from 'react';
import { MONTH_STATUS_LABELS, type DepartmentPartKind, type MonthlyReportPartItem } from '@bds/shared';
import { useDepartmentParts, useReviewDepartmentPart } from '../../api/flats.ts';
import { Field } from '../../components/Field.tsx';
import { formatEuro, formatHours, formatMonth, today } from '../../components/format.ts';
import { Empty, ErrorState, errorText, Loading } from '../../components/States.tsx';
import { flats as t } from '../../i18n/itFlats.ts';

function Review({ part }: { part: MonthlyReportPartItem }) {
  const [note, setNote] = useState('');
  const review = useReviewDepartmentPart();
  const decide = (decision: 'validated' | 'returned') =>
    review.mutate({
      cooperativeId: part.cooperativeId,
      month: part.month,
      kind: part.kind as DepartmentPartKind,
      body: { decision, ...(note ? { note } : {}) },
    });
  return (
    <div className="row">
      <Field label={t.parts.returnNote}>
        <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
      </Field>
      <button type="button" onClick={() => decide('validated')} disabled={review.isPending}>
        {t.parts.validate}
      </button>
      <button type="button" className="danger" onClick={() => decide('returned')} disabled={review.isPending}>
        {t.parts.returnIt}
      </button>
      {review.isError && <p role="alert">{errorText(review.error)}</p>}
    </div>
  );
}

export function DepartmentPartsPage() {
  const thisYear = Number(today().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const parts = useDepartmentParts(year);
  return (
    <>
      <div className="page-head">
        <h1>{t.parts.title}</h1>
      </div>
      <p className="hint">{t.parts.help}</p>
      <div className="card row">
        <Field label={t.report.year}>
          <select value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {[thisYear, thisYear - 1, thisYear - 2].map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {parts.isPending ? (
        <Loading />
      ) : parts.isError ? (
        <ErrorState error={parts.error} onRetry={() => void parts.refetch()} />
      ) : parts.data.length === 0 ? (
        <Empty />
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t.parts.cooperative}</th>
                <th scope="col">{t.month}</th>
                <th scope="col">{t.parts.part}</th>
                <th scope="col" className="num">
                  {t.hours}
                </th>
                <th scope="col" className="num">
                  {t.amount}
                </th>
                <th scope="col">{t.parts.status}</th>
              </tr>
            </thead>
            <tbody>
              {parts.data.map((part) => (
                <tr key={`${part.cooperativeId}-${part.month}-${part.kind}`}>
                  <th scope="row">{part.cooperativeName}</th>
                  <td>{formatMonth(part.month)}</td>
                  <td>{part.serviceName}</td>
                  <td className="num">{formatHours(part.totals.hours)}</td>
                  <td className="num">{formatEuro(part.totals.amount)}</td>
                  <td>{part.status === 'submitted' ? <Review part={part} /> : MONTH_STATUS_LABELS[part.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
