// Outcomes per service: HoNOS change, goals by outcome, living and work situations first → latest,
// how fast projects start, contacts after closure; with a chart and CSV download.
import { LIVING_SITUATION_LABELS, outcomesQuery, WORK_SITUATION_LABELS, type OutcomesRow } from '@bds/shared';
import { outcomesReport } from '../../api/outcomes.ts';
import { GoalOutcomesChart } from '../../components/reports/GoalOutcomesChart.tsx';
import { ReportPage } from '../../components/reports/ReportPage.tsx';
import { ReportTable, type Column } from '../../components/reports/ReportTable.tsx';
import { formatNumber, today } from '../../components/format.ts';
import { it } from '../../i18n/it.ts';

function Moves({ moves, labels }: { moves: OutcomesRow['living'] | OutcomesRow['work']; labels: Record<string, string> }) {
  if (moves.length === 0) return <>{it.outcomeReport.none}</>;
  return (
    <ul className="plain">
      {moves.map((m) => (
        <li key={`${m.from}-${m.to}`}>
          {labels[m.from]} → {labels[m.to]}: {m.n}
        </li>
      ))}
    </ul>
  );
}

const orNone = (value: number | null) => (value === null ? it.outcomeReport.none : formatNumber(value));

const COLUMNS: Column<OutcomesRow>[] = [
  { head: it.reports.service, cell: (row) => row.serviceName, names: true },
  { head: it.outcomeReport.evaluated, cell: (row) => formatNumber(row.evaluated), num: true },
  { head: it.outcomeReport.honosPairs, cell: (row) => formatNumber(row.honos.pairs), num: true },
  { head: it.outcomeReport.honosMean, cell: (row) => orNone(row.honos.meanChange), num: true },
  { head: it.outcomeReport.honosMedian, cell: (row) => orNone(row.honos.medianChange), num: true },
  { head: it.outcomeReport.living, cell: (row) => <Moves moves={row.living} labels={LIVING_SITUATION_LABELS} /> },
  { head: it.outcomeReport.work, cell: (row) => <Moves moves={row.work} labels={WORK_SITUATION_LABELS} /> },
  { head: it.outcomeReport.daysSubmission, cell: (row) => row.medianDaysSubmissionToActive ?? it.outcomeReport.none, num: true },
  { head: it.outcomeReport.daysDraft, cell: (row) => row.medianDaysDraftToActive ?? it.outcomeReport.none, num: true },
  { head: it.outcomeReport.followUps, cell: (row) => formatNumber(row.followUps), num: true },
];

export function OutcomesPage() {
  return (
    <ReportPage
      title={it.outcomeReport.title}
      help={it.outcomeReport.help}
      schema={outcomesQuery}
      endpoint={outcomesReport}
      initialFilters={{ year: Number(today().slice(0, 4)) }}
      isEmpty={(data) => data.rows.length === 0}
    >
      {(data) => (
        <>
          <GoalOutcomesChart rows={data.rows} />
          <ReportTable label={it.outcomeReport.title} columns={COLUMNS} rows={data.rows} rowKey={(row) => row.serviceId} />
        </>
      )}
    </ReportPage>
  );
}
