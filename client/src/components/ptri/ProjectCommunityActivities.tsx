// The community activities a project is enrolled in, on the project's page.
import { Link } from 'react-router';
import { useProjectActivities } from '../../api/communityActivities.ts';
import { formatDate } from '../format.ts';
import { QueryStates } from '../States.tsx';
import { it } from '../../i18n/it.ts';
import { community as t } from '../../i18n/itCommunity.ts';
import { paths } from '../../routes/nav.ts';

export function ProjectCommunityActivities({ ptriId }: { ptriId: number }) {
  const query = useProjectActivities(ptriId, true);
  const rows = query.data ?? [];
  return (
    <section className="card">
      <h2>{t.projectSection}</h2>
      <QueryStates query={query} empty={rows.length === 0}>
        {() => (
          <div className="table-wrap" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.activities}</th>
                  <th scope="col">{t.axis}</th>
                  <th scope="col">{t.place}</th>
                  <th scope="col">{t.enrolledOn}</th>
                  <th scope="col">{t.attendances}</th>
                  <th scope="col">{t.lastAttended}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.activityId}>
                    <td>
                      <Link to={paths.communityActivity(row.activityId)}>{row.title}</Link>
                    </td>
                    <td>{it.axes[row.axis]}</td>
                    <td>{row.place}</td>
                    <td>
                      {formatDate(row.enrolledOn)}
                      {row.endedOn ? ` – ${formatDate(row.endedOn)}` : ''}
                    </td>
                    <td>{row.attendances}</td>
                    <td>{row.lastAttended ? formatDate(row.lastAttended) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryStates>
    </section>
  );
}
