// One community resource: what it is and who runs it, how many active projects use it, those of
// the reader's own scope by name; those who maintain the catalogue change it here.
import { Link, useParams } from 'react-router';
import { can } from '@bds/shared/access';
import { nameOf, useDistricts } from '../../api/reference.ts';
import { useResource } from '../../api/resources.ts';
import { useCurrentUser } from '../../auth/AuthProvider.tsx';
import { ResourceForm } from '../../components/resources/ResourceForm.tsx';
import { ErrorState, Loading } from '../../components/States.tsx';
import { it } from '../../i18n/it.ts';
import { resources as t } from '../../i18n/itResources.ts';
import { paths } from '../../routes/nav.ts';

export function ResourcePage() {
  const id = Number(useParams().id);
  const user = useCurrentUser();
  const districts = useDistricts();
  const query = useResource(id);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const r = query.data;
  return (
    <>
      <h1>{r.name}</h1>
      <section className="card">
        <dl className="grid">
          <div>
            <dt>{t.kind}</dt>
            <dd>{t.kinds[r.kind]}</dd>
          </div>
          <div>
            <dt>{t.axis}</dt>
            <dd>{it.axes[r.axis]}</dd>
          </div>
          <div>
            <dt>{t.provider}</dt>
            <dd>
              {r.provider} ({t.providerKinds[r.providerKind]})
            </dd>
          </div>
          <div>
            <dt>{t.runtsNumber}</dt>
            <dd>{r.runtsNumber ?? '—'}</dd>
          </div>
          <div>
            <dt>{t.contact}</dt>
            <dd>{r.contact ?? '—'}</dd>
          </div>
          <div>
            <dt>{t.districts}</dt>
            <dd>{r.districtIds.map((d) => nameOf(districts.data, d)).join(', ')}</dd>
          </div>
          <div>
            <dt>{t.active}</dt>
            <dd>{r.active ? it.common.yes : t.inactive}</dd>
          </div>
          <div>
            <dt>{t.projectsUsing}</dt>
            <dd data-testid="projects-using">{r.projectsUsing}</dd>
          </div>
        </dl>
      </section>
      <section className="card">
        <h2>{t.yourProjects}</h2>
        {r.projects.length === 0 ? (
          <p>{t.noneOfYours}</p>
        ) : (
          <ul>
            {r.projects.map((p) => (
              <li key={p.ptriId}>
                <Link to={paths.ptri(p.ptriId)}>
                  {p.personName} – {it.ptri.titleOf(p.ptriId)}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      {can(user.role, 'maintainResources') && (
        <section className="card">
          <h2>{t.editResource}</h2>
          <ResourceForm key={r.id} resource={r} />
        </section>
      )}
    </>
  );
}
