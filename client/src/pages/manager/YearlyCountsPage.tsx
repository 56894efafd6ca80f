// Yearly users per service and lot: the published table, a chart across years, CSV download.
import { yearlyCountsQuery } from '@bds/shared';
import { useYearlyCountsAcrossYears, yearlyCountsReport } from '../../api/reports.ts';
import { BarChart } from '../../components/reports/BarChart.tsx';
import { FIRST_YEAR } from '../../components/reports/ReportFilters.tsx';
import { ReportPage } from '../../components/reports/ReportPage.tsx';
import { YearlyCountsTable } from '../../components/reports/YearlyCountsTable.tsx';
import { Loading } from '../../components/States.tsx';
import { today } from '../../components/format.ts';
import { it } from '../../i18n/it.ts';

function AcrossYears({ lot }: { lot: number }) {
  const thisYear = Number(today().slice(0, 4));
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);
  const across = useYearlyCountsAcrossYears(years, lot);
  const bars = across.flatMap((query, index) => (query.data ? [{ label: String(years[index]), value: query.data.total }] : []));
  return (
    <section className="card">
      {bars.length === 0 ? (
        <Loading />
      ) : (
        <BarChart title={`${it.reports.chartTitle}, ${it.ptri.lotNumber(lot)}`} bars={bars} unit={it.reports.usersUnit} />
      )}
    </section>
  );
}

export function YearlyCountsPage() {
  return (
    <ReportPage
      title={it.reports.yearlyTitle}
      help={it.reports.usersMeaning}
      schema={yearlyCountsQuery}
      endpoint={yearlyCountsReport}
      initialFilters={{ year: Number(today().slice(0, 4)), lot: 1 }}
      after={(filters) => <AcrossYears lot={filters.lot} />}
    >
      {(data) => <YearlyCountsTable counts={data} />}
    </ReportPage>
  );
}
