// "Rendicontazioni da validare": the submitted months that concern the case manager's service,
// each with its totals, its interventions on demand and the validate/return form.
import { useState } from 'react';
import { useMonthsConcerningService, type MonthConcerningService } from '../../api/monthReviews.ts';
import { ReportTable, type Column } from '../../components/reports/ReportTable.tsx';
import { YearSelect } from '../../components/reports/ReportFilters.tsx';
import { formatDateTime, formatEuro, formatHours, formatMonth, today } from '../../components/format.ts';
import { MonthInterventions } from '../../components/reviews/MonthInterventions.tsx';
import { MonthReviewForm } from '../../components/reviews/MonthReviewForm.tsx';
import { Empty, ErrorState, Loading } from '../../components/States.tsx';
import { it } from '../../i18n/it.ts';

const keyOf = (item: MonthConcerningService) => `${item.cooperative.id}-${item.month}-${item.part.serviceId}`;

function PendingMonth({ item, onReviewed }: { item: MonthConcerningService; onReviewed: (message: string) => void }) {
  const [open, setOpen] = useState(false);
  const { totals } = item.part;
  return (
    <article className="card stack" aria-labelledby={`month-${keyOf(item)}`}>
      <h2 id={`month-${keyOf(item)}`}>
        {item.cooperative.name} – {formatMonth(item.month)}
      </h2>
      <dl className="facts">
        <div>
          <dt>{it.monthReviews.interventions}</dt>
          <dd>{totals.interventions}</dd>
        </div>
        <div>
          <dt>{it.monthReviews.hours}</dt>
          <dd>{formatHours(totals.hours)}</dd>
        </div>
        <div>
          <dt>{it.monthReviews.amount}</dt>
          <dd>{formatEuro(totals.amount)}</dd>
        </div>
        <div>
          <dt>{it.monthReviews.submittedAt}</dt>
          <dd>{formatDateTime(item.submittedAt)}</dd>
        </div>
      </dl>
      <button type="button" className="link" aria-expanded={open} onClick={() => setOpen((value) => !value)}>
        {open ? it.monthReviews.hideInterventions : it.monthReviews.showInterventions}
      </button>
      {open && <MonthInterventions cooperativeId={item.cooperative.id} month={item.month} />}
      <MonthReviewForm item={item} onReviewed={onReviewed} />
    </article>
  );
}

const REVIEWED_COLUMNS: readonly Column<MonthConcerningService>[] = [
  { head: it.monthReviews.cooperative, cell: (item) => item.cooperative.name },
  { head: it.monthReviews.month, cell: (item) => formatMonth(item.month) },
  {
    head: it.monthReviews.status,
    cell: (item) => <span className={`badge badge-${item.part.status}`}>{it.reportStatuses[item.part.status]}</span>,
  },
  { head: it.monthReviews.hours, cell: (item) => formatHours(item.part.totals.hours), num: true },
  { head: it.monthReviews.note, cell: (item) => item.part.note ?? '—' },
];

export function MonthReviewsPage() {
  const thisYear = Number(today().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [message, setMessage] = useState<string | null>(null);
  const query = useMonthsConcerningService(year);
  const pending = query.data?.filter((item) => item.part.status === 'submitted') ?? [];
  const reviewed = query.data?.filter((item) => item.part.status !== 'submitted') ?? [];

  return (
    <>
      <div className="page-head">
        <h1>{it.monthReviews.title}</h1>
        <YearSelect value={year} onChange={(y) => setYear(y ?? thisYear)} recent={3} />
      </div>
      <p className="hint">{it.monthReviews.help}</p>
      {message && (
        <p className="success" role="status">
          {message}
        </p>
      )}
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          {pending.length === 0 ? (
            <Empty>{it.monthReviews.none}</Empty>
          ) : (
            pending.map((item) => <PendingMonth key={keyOf(item)} item={item} onReviewed={setMessage} />)
          )}
          {reviewed.length > 0 && (
            <ReportTable
              label={it.monthReviews.reviewedTitle}
              caption={it.monthReviews.reviewedTitle}
              columns={REVIEWED_COLUMNS}
              rows={reviewed}
              rowKey={keyOf}
            />
          )}
        </>
      )}
    </>
  );
}
