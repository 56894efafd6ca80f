// The projects assigned to the cooperative: who, where, when; no clinical data.
import { Link } from 'react-router';
import { usePtriList } from '../../api/ptriHooks.ts';
import { useSharedDrafts } from '../../api/proposals.ts';
import { nameOf, useServices } from '../../api/reference.ts';
import { formatDate } from '../../components/format.ts';
import { QueryStates } from '../../components/States.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { it } from '../../i18n/it.ts';
import { paths } from '../../routes/nav.ts';

export function CoopProjectsPage() {
  const query = usePtriList({});
  const services = useServices();
  const rows = query.data?.pages.flatMap((page) => page.items) ?? [];
  const drafts = useSharedDrafts();
  const draftRows = drafts.data?.items ?? [];
  return (
    <>
      <h1>{it.coop.projectsTitle}</h1>
      {draftRows.length > 0 && (
        <section className="card" data-testid="shared-drafts">
          <h2>{it.coDesign.draftsTitle}</h2>
          <p className="hint">{it.coDesign.draftsHelp}</p>
          <ul>
            {draftRows.map((ptri) => (
              <li key={ptri.id}>
                <Link to={paths.ptri(ptri.id)}>
                  {it.coop.ptriNumber} {ptri.id} – {ptri.personName}
                </Link>{' '}
                ({nameOf(services.data, ptri.serviceId)}, {formatDate(ptri.startDate)} – {formatDate(ptri.endDate)})
              </li>
            ))}
          </ul>
        </section>
      )}
      <QueryStates query={query} empty={rows.length === 0}>
        {() => (
          <div className="table-wrap" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {it.coop.ptriNumber}
                  </th>
                  <th scope="col">{it.ptri.person}</th>
                  <th scope="col">{it.ptri.service}</th>
                  <th scope="col">{it.ptri.status}</th>
                  <th scope="col">{it.ptri.period}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((ptri) => (
                  <tr key={ptri.id}>
                    <td className="num">{ptri.id}</td>
                    <td>
                      <Link to={paths.ptri(ptri.id)}>{ptri.personName}</Link>
                    </td>
                    <td>{nameOf(services.data, ptri.serviceId)}</td>
                    <td>
                      <StatusBadge status={ptri.status} expired={ptri.expired} />
                    </td>
                    <td>
                      {formatDate(ptri.startDate)} – {formatDate(ptri.endDate)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryStates>
      {query.hasNextPage && (
        <div className="actions">
          <button type="button" className="secondary" onClick={() => void query.fetchNextPage()}>
            {it.common.loadMore}
          </button>
        </div>
      )}
    </>
  );
}
