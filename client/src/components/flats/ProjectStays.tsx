// A project's stays in Lot 3 flats, on its page: shown only when it has any.
import { useProjectStays } from '../../api/flats.ts';
import { formatDate } from '../format.ts';
import { flats as t } from '../../i18n/itFlats.ts';

export function ProjectStays({ ptriId }: { ptriId: number }) {
  const stays = useProjectStays(ptriId);
  if (!stays.data?.items.length) return null;
  return (
    <section className="card" aria-labelledby="project-stays-title">
      <h2 id="project-stays-title">{t.projectStays}</h2>
      <div className="table-wrap" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t.name}</th>
              <th scope="col">{t.from}</th>
              <th scope="col">{t.to}</th>
              <th scope="col">{t.destination}</th>
            </tr>
          </thead>
          <tbody>
            {stays.data.items.map((stay) => (
              <tr key={stay.id}>
                <th scope="row">{stay.flatName}</th>
                <td>{formatDate(stay.from)}</td>
                <td>{formatDate(stay.to)}</td>
                <td>{stay.destination ? t.destinations[stay.destination] : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
