// One person with their projects; admins can download everything held about them (art. 15).
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { downloadPersonRecord, usePerson } from '../../api/persons.ts';
import { nameOf, useDistricts, useLots, useServices } from '../../api/reference.ts';
import { useCurrentUser } from '../../auth/AuthProvider.tsx';
import { formatDate } from '../../components/format.ts';
import { ErrorState, Loading, errorText } from '../../components/States.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { it } from '../../i18n/it.ts';
import { paths } from '../../routes/nav.ts';
import { BenefitsEditor } from '../../components/BenefitsEditor.tsx';
import { can } from '@bds/shared';

export function PersonPage() {
  const id = Number(useParams().id);
  const user = useCurrentUser();
  const person = usePerson(id);
  const services = useServices();
  const districts = useDistricts();
  const lots = useLots();
  const [downloadError, setDownloadError] = useState<string | null>(null);

  if (person.isPending) return <Loading />;
  if (person.isError) return <ErrorState error={person.error} onRetry={() => void person.refetch()} />;
  const p = person.data;

  async function download() {
    setDownloadError(null);
    try {
      await downloadPersonRecord(id);
    } catch (caught) {
      setDownloadError(errorText(caught));
    }
  }

  return (
    <>
      <div className="page-head">
        <h1>
          {p.familyName} {p.givenName}
        </h1>
        <div className="actions">
          {(user.role === 'case_manager' || user.role === 'admin') && (
            <Link className="button" to={`${paths.newPtri}?personId=${p.id}`}>
              {it.persons.newPtri}
            </Link>
          )}
          {(user.role === 'admin' || user.role === 'manager') && (
            <Link className="button secondary" to={`${paths.audit}?personId=${p.id}`}>
              {it.persons.accessLog}
            </Link>
          )}
          {user.role === 'admin' && (
            <button type="button" className="secondary" onClick={() => void download()} title={it.persons.recordHelp}>
              {it.persons.record}
            </button>
          )}
        </div>
      </div>
      {downloadError && (
        <p className="form-error" role="alert">
          {downloadError}
        </p>
      )}
      <dl className="card grid">
        <div>
          <dt>{it.persons.fiscalCode}</dt>
          <dd>{p.fiscalCode ?? '—'}</dd>
        </div>
        <div>
          <dt>{it.persons.birthDate}</dt>
          <dd>{formatDate(p.birthDate)}</dd>
        </div>
        <div>
          <dt>{it.persons.sex}</dt>
          <dd>{p.sex ? it.sexes[p.sex] : '—'}</dd>
        </div>
        <div>
          <dt>{it.persons.district}</dt>
          <dd>{nameOf(districts.data, p.districtId)}</dd>
        </div>
      </dl>
      {can(user.role, 'readBenefits') && <BenefitsEditor personId={p.id} canRecord={can(user.role, 'recordBenefits')} />}
      <h2>{it.persons.projects}</h2>
      {p.projects.length === 0 ? (
        <p className="state state-empty">{it.persons.noProjects}</p>
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{it.ptri.title}</th>
                <th scope="col">{it.ptri.service}</th>
                <th scope="col">{it.ptri.lot}</th>
                <th scope="col">{it.ptri.status}</th>
                <th scope="col">{it.ptri.period}</th>
              </tr>
            </thead>
            <tbody>
              {p.projects.map((project) => (
                <tr key={project.id}>
                  <td>
                    <Link to={paths.ptri(project.id)}>{it.ptri.titleOf(project.id)}</Link>
                    {project.renewsPtriId != null && <small className="hint"> ({it.chain.renews(project.renewsPtriId)})</small>}
                  </td>
                  <td>{nameOf(services.data, project.serviceId)}</td>
                  <td>{lots.data?.find((lot) => lot.id === project.lotId)?.number ?? project.lotId}</td>
                  <td>
                    <StatusBadge status={project.status} />
                  </td>
                  <td>
                    {formatDate(project.startDate)} – {formatDate(project.endDate)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
