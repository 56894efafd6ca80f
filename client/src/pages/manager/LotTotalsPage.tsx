// Per lot and cooperative: persons and projects with interventions, hours and amounts (validated and pending) against the ceiling.
import { lotTotalsQuery, type LotTotals } from '@bds/shared';
import { lotTotalsReport } from '../../api/reports.ts';
import { ReportPage } from '../../components/reports/ReportPage.tsx';
import { ReportTable, type Column } from '../../components/reports/ReportTable.tsx';
import { formatEuro, formatHours, formatNumber, formatPercent, today } from '../../components/format.ts';
import { it } from '../../i18n/it.ts';

type Lot = LotTotals['lots'][number];
/** A cooperative's figures, or the lot's as its total: the same fields. */
type Figures = Pick<Lot, 'personsWithInterventions' | 'projectsWithInterventions' | 'validated' | 'pending'> & {
  cooperativeId?: number;
  cooperativeName?: string;
};

const COLUMNS: Column<Figures>[] = [
  { head: it.reports.cooperative, cell: (row) => row.cooperativeName, names: true },
  { head: it.reports.personsWithInterventions, cell: (row) => formatNumber(row.personsWithInterventions), num: true },
  { head: it.reports.projectsWithInterventions, cell: (row) => formatNumber(row.projectsWithInterventions), num: true },
  { head: it.reports.hours, cell: (row) => formatHours(row.validated.hours + row.pending.hours), num: true },
  { head: it.reports.validated, cell: (row) => formatEuro(row.validated.amount), num: true },
  { head: it.reports.pending, cell: (row) => formatEuro(row.pending.amount), num: true },
];

function LotSection({ lot }: { lot: Lot }) {
  const title = `${it.ptri.lotNumber(lot.lotNumber)} – ${lot.title}`;
  return (
    <section className="card">
      <h2>{title}</h2>
      <p>
        {it.reports.ceiling}: {formatEuro(lot.ceiling)} · {it.reports.ceilingShare}: <strong>{formatPercent(lot.ceilingShare)}</strong> (
        {it.reports.pending}: {formatPercent(lot.ceilingShareWithPending)})
      </p>
      {lot.ceilingShare != null && <progress max={1} value={Math.min(lot.ceilingShare, 1)} aria-label={it.reports.ceilingShare} />}
      {lot.persons !== undefined && <p>{it.reports.communityAttendance(lot.persons, lot.otherParticipants ?? 0)}</p>}
      <ReportTable
        label={title}
        columns={COLUMNS}
        rows={lot.cooperatives}
        rowKey={(row) => row.cooperativeId ?? 0}
        total={lot}
        totalLabel={it.ptri.total}
      />
    </section>
  );
}

export function LotTotalsPage() {
  return (
    <ReportPage
      title={it.reports.lotTotalsTitle}
      help={it.reports.lotTotalsMeaning}
      schema={lotTotalsQuery}
      endpoint={lotTotalsReport}
      initialFilters={{ year: Number(today().slice(0, 4)) }}
      isEmpty={(data) => data.lots.length === 0}
    >
      {(data) => data.lots.map((lot) => <LotSection key={lot.lotId} lot={lot} />)}
    </ReportPage>
  );
}
