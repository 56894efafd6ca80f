// The year's community activities for the department: per activity a page at a time, the totals
// of every activity by district and by axis, participants per district in a chart, and the CSV.
import { communityReportQuery, type Axis, type CommunityReport } from '@bds/shared';
import { communityReport, type CommunityReportFilters } from '../../api/communityActivities.ts';
import { nameOf, useDistricts } from '../../api/reference.ts';
import { useReportPages } from '../../api/reportEndpoint.ts';
import { ResultCount, ShowMore } from '../../components/Paging.tsx';
import { BarChart } from '../../components/reports/BarChart.tsx';
import { ReportPage } from '../../components/reports/ReportPage.tsx';
import { ReportTable, type Column } from '../../components/reports/ReportTable.tsx';
import { formatEuro, formatHours, formatNumber, today } from '../../components/format.ts';
import { it } from '../../i18n/it.ts';
import { community as t } from '../../i18n/itCommunity.ts';

/** An activity, a subtotal by district or axis, or the total: the same figures in the same columns. */
type Line = CommunityReport['total'] & { key: string; name: string; axis?: Axis; districtId?: number };

const FIGURES: Column<Line>[] = [
  { head: t.sessions, cell: (f) => formatNumber(f.sessions), num: true },
  { head: t.billedHours, cell: (f) => formatHours(f.hours), num: true },
  { head: t.amount, cell: (f) => formatEuro(f.amount), num: true },
  { head: t.persons, cell: (f) => formatNumber(f.persons), num: true },
  { head: t.attendances, cell: (f) => formatNumber(f.attendances), num: true },
  { head: t.otherParticipants, cell: (f) => formatNumber(f.otherParticipants), num: true },
  { head: t.volunteers, cell: (f) => formatNumber(f.volunteers), num: true },
];

function Figures({ data, filters }: { data: CommunityReport; filters: CommunityReportFilters }) {
  const districts = useDistricts();
  const query = useReportPages(communityReport, filters, data);
  const columns: Column<Line>[] = [
    { head: t.activities, cell: (line) => line.name, names: true },
    { head: t.axis, cell: (line) => (line.axis ? it.axes[line.axis] : '') },
    { head: t.district, cell: (line) => (line.districtId ? nameOf(districts.data, line.districtId) : '') },
    ...FIGURES,
  ];
  const lines: Line[] = query.data.pages
    .flatMap((page) => page.rows)
    .map((row) => ({ ...row, key: `r${row.activityId}`, name: row.title, activities: 1 }));
  const subtotals: Line[] = [
    ...data.byDistrict.map((row) => ({ ...row, key: `d${row.districtId}`, name: t.byDistrict })),
    ...data.byAxis.map((row) => ({ ...row, key: `a${row.axis}`, name: t.byAxis })),
  ];
  return (
    <>
      <ResultCount total={data.total.activities} shown={lines.length} />
      <ReportTable
        label={t.reportTitle}
        columns={columns}
        rows={lines}
        rowKey={(line) => line.key}
        subtotals={subtotals}
        total={{ ...data.total, key: 'total', name: t.total }}
        totalLabel={t.total}
        compact
      />
      <ShowMore query={query} />
      <BarChart
        title={t.chartTitle}
        bars={data.byDistrict.map((row) => ({ label: nameOf(districts.data, row.districtId), value: row.persons + row.otherParticipants }))}
        unit={t.participants}
      />
    </>
  );
}

export function CommunityReportPage() {
  return (
    <ReportPage
      title={t.reportTitle}
      help={t.reportHelp}
      schema={communityReportQuery}
      endpoint={communityReport}
      initialFilters={{ year: Number(today().slice(0, 4)) }}
      isEmpty={(data) => data.rows.length === 0}
    >
      {(data, filters) => <Figures data={data} filters={filters} />}
    </ReportPage>
  );
}
