// Who brings what into the budgets of the projects in care in a year: a chart per source, the
// table per source and axis, the non-AUSL share per service and district; and the projects in
// care whose current revision the person has not signed yet.
import { BUDGET_SOURCES, budgetCompositionQuery, type BudgetComposition } from '@bds/shared';
import { budgetCompositionReport } from '../../api/budgetComposition.ts';
import { nameOf, useServices } from '../../api/reference.ts';
import { usePtriList } from '../../api/ptriHooks.ts';
import { PtriTable } from '../../components/PtriTable.tsx';
import { BarChart } from '../../components/reports/BarChart.tsx';
import { ReportPage } from '../../components/reports/ReportPage.tsx';
import { ReportTable, type Column } from '../../components/reports/ReportTable.tsx';
import { formatEuro, formatHours, formatNumber, formatPercent, today } from '../../components/format.ts';
import { it } from '../../i18n/it.ts';

type Share = { amount: number; projects: number; nonAuslShare: number | null };

const BY_SOURCE: Column<BudgetComposition['rows'][number]>[] = [
  { head: it.composition.source, cell: (row) => it.budgetSources[row.source], names: true },
  { head: it.composition.axis, cell: (row) => it.axes[row.axis] },
  { head: it.composition.amount, cell: (row) => formatEuro(row.amount), num: true },
  { head: it.composition.hours, cell: (row) => formatHours(row.hours), num: true },
  { head: it.composition.projects, cell: (row) => formatNumber(row.projects), num: true },
];

/** The columns of a share table after the one that names its rows. */
function shareColumns<Row extends Share>(head: string, name: (row: Row) => string): Column<Row>[] {
  return [
    { head, cell: name, names: true },
    { head: it.composition.amount, cell: (row) => formatEuro(row.amount), num: true },
    { head: it.composition.projects, cell: (row) => formatNumber(row.projects), num: true },
    { head: it.composition.nonAuslShare, cell: (row) => formatPercent(row.nonAuslShare), num: true },
  ];
}

const BY_SERVICE = shareColumns<BudgetComposition['byService'][number]>(it.composition.service, (row) => row.serviceName);
const BY_DISTRICT = shareColumns<BudgetComposition['byDistrict'][number]>(it.composition.district, (row) => row.districtName);

function PendingSignatures({ serviceId }: { serviceId: number | undefined }) {
  const services = useServices();
  const pending = usePtriList({ signaturePending: true, serviceId });
  return (
    <section className="card">
      <h2>{it.signatures.pendingListTitle}</h2>
      <p className="hint">{it.signatures.pendingListHelp}</p>
      <PtriTable query={pending} serviceName={(id) => nameOf(services.data, id)} caption={it.signatures.pendingListTitle} />
    </section>
  );
}

export function BudgetCompositionPage() {
  return (
    <ReportPage
      title={it.composition.title}
      help={it.composition.help}
      schema={budgetCompositionQuery}
      endpoint={budgetCompositionReport}
      initialFilters={{ year: Number(today().slice(0, 4)) }}
      isEmpty={(data) => data.rows.length === 0}
      after={(filters) => <PendingSignatures serviceId={filters.serviceId} />}
    >
      {(data) => (
        <>
          <p>
            {it.composition.nonAuslShare}: <strong data-testid="composition-non-ausl">{formatPercent(data.nonAuslShare)}</strong>
          </p>
          <BarChart
            title={it.composition.chart}
            unit="€"
            formatValue={formatEuro}
            bars={BUDGET_SOURCES.map((source) => ({
              label: it.budgetSources[source],
              value: data.rows.filter((row) => row.source === source).reduce((sum, row) => sum + row.amount, 0),
            }))}
          />
          <ReportTable label={it.composition.title} columns={BY_SOURCE} rows={data.rows} rowKey={(row) => `${row.source}-${row.axis}`} />
          <h2>{it.composition.byService}</h2>
          <ReportTable label={it.composition.byService} columns={BY_SERVICE} rows={data.byService} rowKey={(row) => row.serviceId} />
          <h2>{it.composition.byDistrict}</h2>
          <ReportTable label={it.composition.byDistrict} columns={BY_DISTRICT} rows={data.byDistrict} rowKey={(row) => row.districtId} />
        </>
      )}
    </ReportPage>
  );
}
