// Active projects per service on a date up to today (expired ones among them), by intensity and open goals per axis, grouped by district.
import { AXES, caseloadQuery, INTENSITIES, type Caseload } from '@bds/shared';
import { caseloadReport } from '../../api/reports.ts';
import { useCurrentUser } from '../../auth/AuthProvider.tsx';
import { nameOf, useDistricts, useServices } from '../../api/reference.ts';
import { formatNumber, today } from '../../components/format.ts';
import { CaseloadExport } from '../../components/reports/CaseloadExport.tsx';
import { ReportPage } from '../../components/reports/ReportPage.tsx';
import { ReportTable, type Column } from '../../components/reports/ReportTable.tsx';
import { it } from '../../i18n/it.ts';

type Row = Caseload['rows'][number];

/** Every figure of a row with its column: the totals row sums each of them. */
const FIGURES: { head: string; group?: string; value: (row: Row) => number }[] = [
  { head: it.reports.active, value: (row) => row.projects },
  ...INTENSITIES.map((i) => ({ head: it.intensities[i], group: it.ptri.intensity, value: (row: Row) => row.byIntensity[i] })),
  ...AXES.map((axis) => ({ head: it.axes[axis], group: it.reports.openGoals, value: (row: Row) => row.openGoals[axis] })),
  { head: it.reports.overdueShort, group: it.reports.reviews, value: (row) => row.reviewsOverdue },
  { head: it.reports.within30Short, group: it.reports.reviews, value: (row) => row.reviewsDueWithin30 },
  { head: it.reports.expired, value: (row) => row.expired },
];

/** A service's row, or the totals: the figures in the columns' order, and where it belongs. */
interface Line {
  serviceId: number;
  serviceName: string;
  district: string;
  figures: number[];
}

const COLUMNS: Column<Line>[] = [
  { head: it.reports.district, cell: (line) => line.district },
  { head: it.reports.service, cell: (line) => line.serviceName, names: true },
  ...FIGURES.map((figure, index) => ({
    head: figure.head,
    group: figure.group,
    cell: (line: Line) => formatNumber(line.figures[index] ?? 0),
    num: true,
  })),
];

function CaseloadTable({ data }: { data: Caseload }) {
  const services = useServices();
  const districts = useDistricts();
  const districtOf = (id: number) => nameOf(districts.data, services.data?.find((s) => s.id === id)?.districtId);
  const lines = data.rows
    .map((row) => ({ ...row, district: districtOf(row.serviceId), figures: FIGURES.map((figure) => figure.value(row)) }))
    .sort((a, b) => a.district.localeCompare(b.district, 'it') || a.serviceName.localeCompare(b.serviceName, 'it'));
  const total: Line = {
    serviceId: 0,
    serviceName: '',
    district: '',
    figures: FIGURES.map((_, index) => lines.reduce((sum, line) => sum + (line.figures[index] ?? 0), 0)),
  };
  return (
    <ReportTable
      label={it.reports.caseloadTitle}
      columns={COLUMNS}
      rows={lines}
      rowKey={(line) => line.serviceId}
      total={total}
      totalLabel={it.ptri.total}
      compact
    />
  );
}

export function CaseloadReportPage() {
  const user = useCurrentUser();
  return (
    <ReportPage
      title={it.reports.caseloadTitle}
      help={it.reports.caseloadMeaning}
      schema={caseloadQuery}
      endpoint={caseloadReport}
      initialFilters={{ date: today() }}
      isEmpty={(data) => data.rows.length === 0}
      // A case manager's export is their own service's whatever the service chosen above.
      after={(filters) => <CaseloadExport serviceId={user.role === 'case_manager' ? (user.serviceId ?? undefined) : filters.serviceId} />}
    >
      {(data) => <CaseloadTable data={data} />}
    </ReportPage>
  );
}
