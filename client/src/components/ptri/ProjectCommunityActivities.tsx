// The community activities a project is enrolled in, on the project's page.
import { Link } from 'react-router';
import type { ProjectCommunityActivity } from '@bds/shared';
import { useProjectActivities } from '../../api/communityActivities.ts';
import { formatDate } from '../format.ts';
import { QueryStates } from '../States.tsx';
import { ReportTable, type Column } from '../reports/ReportTable.tsx';
import { it } from '../../i18n/it.ts';
import { community as t } from '../../i18n/itCommunity.ts';
import { paths } from '../../routes/nav.ts';

const COLUMNS: readonly Column<ProjectCommunityActivity>[] = [
  { head: t.activities, cell: (row) => <Link to={paths.communityActivity(row.activityId)}>{row.title}</Link> },
  { head: t.axis, cell: (row) => it.axes[row.axis] },
  { head: t.place, cell: (row) => row.place },
  { head: t.enrolledOn, cell: (row) => `${formatDate(row.enrolledOn)}${row.endedOn ? ` – ${formatDate(row.endedOn)}` : ''}` },
  { head: t.attendances, cell: (row) => row.attendances },
  { head: t.lastAttended, cell: (row) => (row.lastAttended ? formatDate(row.lastAttended) : '—') },
];

export function ProjectCommunityActivities({ ptriId }: { ptriId: number }) {
  const query = useProjectActivities(ptriId, true);
  const rows = query.data ?? [];
  return (
    <section className="card">
      <h2>{t.projectSection}</h2>
      <QueryStates query={query} empty={rows.length === 0}>
        {() => <ReportTable label={t.projectSection} columns={COLUMNS} rows={rows} rowKey={(row) => row.activityId} />}
      </QueryStates>
    </section>
  );
}
