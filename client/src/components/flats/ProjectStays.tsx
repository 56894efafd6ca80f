// A project's stays in Lot 3 flats, on its page: shown only when it has any.
import type { ProjectStays as ProjectStaysReply } from '@bds/shared';
import { useProjectStays } from '../../api/flats.ts';
import { formatDate } from '../format.ts';
import { ReportTable, type Column } from '../reports/ReportTable.tsx';
import { flats as t } from '../../i18n/itFlats.ts';

const STAY_COLUMNS: readonly Column<ProjectStaysReply['items'][number]>[] = [
  { head: t.name, cell: (stay) => stay.flatName, names: true },
  { head: t.from, cell: (stay) => formatDate(stay.from) },
  { head: t.to, cell: (stay) => formatDate(stay.to) },
  { head: t.destination, cell: (stay) => (stay.destination ? t.destinations[stay.destination] : '—') },
];

export function ProjectStays({ ptriId }: { ptriId: number }) {
  const stays = useProjectStays(ptriId);
  if (!stays.data?.items.length) return null;
  return (
    <section className="card" aria-labelledby="project-stays-title">
      <h2 id="project-stays-title">{t.projectStays}</h2>
      <ReportTable label={t.projectStays} columns={STAY_COLUMNS} rows={stays.data.items} rowKey={(stay) => stay.id} />
    </section>
  );
}
