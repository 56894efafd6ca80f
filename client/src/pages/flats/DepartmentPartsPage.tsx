// "Parti di dipartimento": the department-wide parts of the cooperatives' months (flats, community
// activities) that a manager validates or returns with a note.
import { useState } from 'react';
import { MONTH_STATUS_LABELS, type DepartmentPartKind, type MonthlyReportPartItem } from '@bds/shared';
import { useDepartmentParts, useReviewDepartmentPart } from '../../api/flats.ts';
import { Field } from '../../components/Field.tsx';
import { formatEuro, formatHours, formatMonth, today } from '../../components/format.ts';
import { errorText, QueryStates } from '../../components/States.tsx';
import { ReportTable, type Column } from '../../components/reports/ReportTable.tsx';
import { YearSelect } from '../../components/reports/ReportFilters.tsx';
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

const COLUMNS: readonly Column<MonthlyReportPartItem>[] = [
  { head: t.parts.cooperative, cell: (part) => part.cooperativeName, names: true },
  { head: t.month, cell: (part) => formatMonth(part.month) },
  { head: t.parts.part, cell: (part) => part.serviceName },
  { head: t.hours, cell: (part) => formatHours(part.totals.hours), num: true },
  { head: t.amount, cell: (part) => formatEuro(part.totals.amount), num: true },
  { head: t.parts.status, cell: (part) => (part.status === 'submitted' ? <Review part={part} /> : MONTH_STATUS_LABELS[part.status]) },
];

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
        <YearSelect value={year} onChange={(y) => setYear(y ?? thisYear)} recent={3} />
      </div>
      <QueryStates query={parts} empty={parts.data?.length === 0}>
        {() => (
          <ReportTable
            label={t.parts.title}
            columns={COLUMNS}
            rows={parts.data ?? []}
            rowKey={(part) => `${part.cooperativeId}-${part.month}-${part.kind}`}
          />
        )}
      </QueryStates>
    </>
  );
}
