// The managers' flats report: occupancy over the months and exits by destination as charts, the
// figures per flat as a table a page at a time with the totals of every flat, and the CSV.
import { LIVING_SITUATIONS, flatsReportQuery, type FlatsReport, type FlatsReportRow } from '@bds/shared';
import { flatsReport, type FlatsReportFilters } from '../../api/flats.ts';
import { useReportPages } from '../../api/reportEndpoint.ts';
import { ResultCount, ShowMore } from '../../components/Paging.tsx';
import { BarChart } from '../../components/reports/BarChart.tsx';
import { ReportPage } from '../../components/reports/ReportPage.tsx';
import { ReportTable, type Column } from '../../components/reports/ReportTable.tsx';
import { formatEuro, formatHours, formatMonth, formatNumber, formatPercent, today } from '../../components/format.ts';
import { flats as t } from '../../i18n/itFlats.ts';

/** A flat's row, or the totals of them all (no flat, no places). */
type Line = FlatsReport['totals'] & Partial<FlatsReportRow>;

const COLUMNS: Column<Line>[] = [
  { head: t.name, cell: (row) => row.name, names: true },
  { head: t.places, cell: (row) => (row.places === undefined ? '' : formatNumber(row.places)), num: true },
  { head: t.report.available, cell: (row) => formatNumber(row.placeDaysAvailable), num: true },
  { head: t.report.occupiedDays, cell: (row) => formatNumber(row.placeDaysOccupied), num: true },
  { head: t.report.occupancy, cell: (row) => formatPercent(row.occupancy), num: true },
  { head: t.report.entries, cell: (row) => formatNumber(row.entries), num: true },
  {
    head: t.report.exits,
    cell: (row) =>
      Object.entries(row.exits)
        .map(([d, n]) => `${t.destinations[d as keyof typeof t.destinations]}: ${n}`)
        .join(', ') || '—',
  },
  { head: t.report.averageStay, cell: (row) => (row.averageStayDays == null ? '—' : formatNumber(row.averageStayDays)), num: true },
  { head: t.report.flatHours, cell: (row) => formatHours(row.flatHours), num: true },
  { head: t.report.personalHours, cell: (row) => formatHours(row.personalHours), num: true },
  { head: t.amount, cell: (row) => formatEuro(row.amount), num: true },
];

function FlatsTable({ first, filters }: { first: FlatsReport; filters: FlatsReportFilters }) {
  const query = useReportPages(flatsReport, filters, first);
  const rows = query.data.pages.flatMap((page) => page.rows);
  return (
    <>
      <ResultCount total={first.total} shown={rows.length} />
      <ReportTable<Line>
        label={t.report.title}
        columns={COLUMNS}
        rows={rows}
        rowKey={(row) => row.flatId ?? 0}
        total={first.totals}
        totalLabel={t.report.total}
        compact
      />
      <ShowMore query={query} />
    </>
  );
}

export function FlatsReportPage() {
  return (
    <ReportPage
      title={t.report.title}
      help={t.report.help}
      schema={flatsReportQuery}
      endpoint={flatsReport}
      initialFilters={{ year: Number(today().slice(0, 4)) }}
      isEmpty={(data) => data.rows.length === 0}
    >
      {(data, filters) => (
        <>
          <div className="charts">
            <BarChart
              title={t.report.occupancyChart}
              unit={t.report.percentUnit}
              formatValue={formatPercent}
              bars={data.months.map((m) => ({
                label: formatMonth(m.month),
                value: m.placeDaysAvailable ? m.placeDaysOccupied / m.placeDaysAvailable : 0,
              }))}
            />
            <BarChart
              title={t.report.exitsChart}
              unit={t.report.exitsUnit}
              formatValue={t.report.exitsCount}
              bars={LIVING_SITUATIONS.map((d) => ({
                label: t.destinations[d],
                value: data.totals.exits[d] ?? 0,
              }))}
            />
          </div>
          <FlatsTable first={data} filters={filters} />
        </>
      )}
    </ReportPage>
  );
}
