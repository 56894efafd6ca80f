// The year's community activities for the department: per activity, by district and by axis,
// participants per activity in a chart, and the CSV.
import { useState } from 'react';
import { type Axis, type CommunityReport } from '@bds/shared';
import { downloadCommunityReportCsv, useCommunityReport } from '../../api/communityActivities.ts';
import { nameOf, useDistricts } from '../../api/reference.ts';
import { DownloadButton } from '../../components/DownloadButton.tsx';
import { DistrictAxisFilters } from '../../components/DistrictAxisFilters.tsx';
import { Field } from '../../components/Field.tsx';
import { BarChart } from '../../components/reports/BarChart.tsx';
import { Empty, ErrorState, Loading } from '../../components/States.tsx';
import { formatDate, formatEuro, formatHours, formatNumber, today } from '../../components/format.ts';
import { it } from '../../i18n/it.ts';
import { community as t } from '../../i18n/itCommunity.ts';

type Figures = CommunityReport['total'];

function FigureCells({ f }: { f: Omit<Figures, 'activities'> }) {
  return (
    <>
      <td className="num">{formatNumber(f.sessions)}</td>
      <td className="num">{formatHours(f.hours)}</td>
      <td className="num">{formatEuro(f.amount)}</td>
      <td className="num">{formatNumber(f.persons)}</td>
      <td className="num">{formatNumber(f.attendances)}</td>
      <td className="num">{formatNumber(f.otherParticipants)}</td>
      <td className="num">{formatNumber(f.volunteers)}</td>
    </>
  );
}

const FIGURE_HEADS = [t.sessions, t.billedHours, t.amount, t.persons, t.attendances, t.otherParticipants, t.volunteers];

export function CommunityReportPage() {
  const thisYear = Number(today().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [districtId, setDistrictId] = useState<number | undefined>();
  const [axis, setAxis] = useState<Axis | undefined>();
  const filters = { districtId, axis };
  const report = useCommunityReport(year, filters);
  const districts = useDistricts();
  const district = (id: number) => nameOf(districts.data, id);

  return (
    <>
      <div className="page-head">
        <h1>{t.reportTitle}</h1>
        <DownloadButton download={() => downloadCommunityReportCsv(year, filters)} />
      </div>
      <div className="card row">
        <Field label={it.reports.year}>
          <select value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {[thisYear, thisYear - 1, thisYear - 2, thisYear - 3].map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </Field>
        <DistrictAxisFilters districtId={districtId} axis={axis} onDistrict={setDistrictId} onAxis={setAxis} />
      </div>
      <p className="hint">
        {t.reportHelp}{' '}
        {report.data && (report.data.throughDate ? it.reports.throughDate(formatDate(report.data.throughDate)) : it.reports.notBegun)}
      </p>
      {report.isPending ? (
        <Loading />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : report.data.rows.length === 0 ? (
        <Empty />
      ) : (
        <>
          <div className="table-wrap" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.activities}</th>
                  <th scope="col">{t.axis}</th>
                  <th scope="col">{t.district}</th>
                  {FIGURE_HEADS.map((head) => (
                    <th key={head} scope="col" className="num">
                      {head}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {report.data.rows.map((row) => (
                  <tr key={row.activityId}>
                    <th scope="row">{row.title}</th>
                    <td>{it.axes[row.axis]}</td>
                    <td>{district(row.districtId)}</td>
                    <FigureCells f={row} />
                  </tr>
                ))}
                {report.data.byDistrict.map((row) => (
                  <tr key={`d${row.districtId}`} className="subtotal">
                    <th scope="row">{t.byDistrict}</th>
                    <td />
                    <td>{district(row.districtId)}</td>
                    <FigureCells f={row} />
                  </tr>
                ))}
                {report.data.byAxis.map((row) => (
                  <tr key={`a${row.axis}`} className="subtotal">
                    <th scope="row">{t.byAxis}</th>
                    <td>{it.axes[row.axis]}</td>
                    <td />
                    <FigureCells f={row} />
                  </tr>
                ))}
                <tr className="total">
                  <th scope="row">{t.total}</th>
                  <td />
                  <td />
                  <FigureCells f={report.data.total} />
                </tr>
              </tbody>
            </table>
          </div>
          <section className="card">
            <h2>{t.chartTitle}</h2>
            <BarChart
              title={t.chartTitle}
              bars={report.data.rows.map((row) => ({ label: row.title, value: row.persons + row.otherParticipants }))}
              unit={t.participants}
            />
          </section>
        </>
      )}
    </>
  );
}
