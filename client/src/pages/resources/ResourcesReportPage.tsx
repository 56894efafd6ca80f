// Where the territory is thin: per district and axis, the active resources of the catalogue,
// those some active project uses and how many projects use them; and the same rows as CSV.
import { downloadResourcesReportCsv, useResourcesReport } from '../../api/resources.ts';
import { DownloadButton } from '../../components/DownloadButton.tsx';
import { formatNumber } from '../../components/format.ts';
import { QueryStates } from '../../components/States.tsx';
import { it } from '../../i18n/it.ts';
import { resources as t } from '../../i18n/itResources.ts';

export function ResourcesReportPage() {
  const report = useResourcesReport();
  const rows = report.data?.rows ?? [];
  return (
    <>
      <div className="page-head">
        <h1>{t.reportTitle}</h1>
        <DownloadButton download={downloadResourcesReportCsv} />
      </div>
      <p className="hint">{t.reportHelp}</p>
      <QueryStates query={report} empty={rows.length === 0}>
        {() => (
          <div className="table-wrap" role="region" aria-label={t.reportTitle} tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.district}</th>
                  <th scope="col">{t.axis}</th>
                  <th scope="col" className="num">
                    {t.resourcesCount}
                  </th>
                  <th scope="col" className="num">
                    {t.inUse}
                  </th>
                  <th scope="col" className="num">
                    {t.projectsUsing}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={`${row.districtId}-${row.axis}`}>
                    <td>{row.districtName}</td>
                    <td>{it.axes[row.axis]}</td>
                    <td className="num">{row.resources === 0 ? <strong>{t.thin}</strong> : formatNumber(row.resources)}</td>
                    <td className="num">{formatNumber(row.inUse)}</td>
                    <td className="num">{formatNumber(row.projectsUsing)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryStates>
    </>
  );
}
