// Where the territory is thin: per district and axis, the active resources of the catalogue,
// those some active project uses and how many projects use them; and the same rows as CSV.
import { resourcesReportQuery, type ResourcesReport } from '@bds/shared';
import { resourcesReport } from '../../api/resources.ts';
import { formatNumber } from '../../components/format.ts';
import { ReportPage } from '../../components/reports/ReportPage.tsx';
import { ReportTable, type Column } from '../../components/reports/ReportTable.tsx';
import { it } from '../../i18n/it.ts';
import { resources as t } from '../../i18n/itResources.ts';

const COLUMNS: Column<ResourcesReport['rows'][number]>[] = [
  { head: t.district, cell: (row) => row.districtName, names: true },
  { head: t.axis, cell: (row) => it.axes[row.axis] },
  { head: t.resourcesCount, cell: (row) => (row.resources === 0 ? <strong>{t.thin}</strong> : formatNumber(row.resources)), num: true },
  { head: t.inUse, cell: (row) => formatNumber(row.inUse), num: true },
  { head: t.projectsUsing, cell: (row) => formatNumber(row.projectsUsing), num: true },
];

export function ResourcesReportPage() {
  return (
    <ReportPage
      title={t.reportTitle}
      help={t.reportHelp}
      schema={resourcesReportQuery}
      endpoint={resourcesReport}
      initialFilters={{}}
      isEmpty={(data) => data.rows.length === 0}
    >
      {(data) => <ReportTable label={t.reportTitle} columns={COLUMNS} rows={data.rows} rowKey={(row) => `${row.districtId}-${row.axis}`} />}
    </ReportPage>
  );
}
