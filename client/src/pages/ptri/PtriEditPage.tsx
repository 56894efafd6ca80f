import { Link, useNavigate, useParams } from 'react-router';
import { EDITABLE_STATUSES } from '@bds/shared';
import { usePtri } from '../../api/ptriHooks.ts';
import { useCooperatives, useLots, useServices } from '../../api/reference.ts';
import { PtriEditor } from '../../components/ptri/PtriEditor.tsx';
import { ErrorState, Loading } from '../../components/States.tsx';
import { it } from '../../i18n/it.ts';
import { paths } from '../../routes/nav.ts';

export function PtriEditPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const ptri = usePtri(id);
  const services = useServices();
  const lots = useLots();
  const cooperatives = useCooperatives();

  const failed = [ptri, services, lots].find((q) => q.isError);
  if (failed) return <ErrorState error={failed.error} onRetry={() => void failed.refetch()} />;
  if (!ptri.data || !services.data || !lots.data) return <Loading />;
  const title = (
    <h1>
      {it.ptri.editTitle} – {ptri.data.personName} ({it.ptri.titleOf(id)})
    </h1>
  );
  if (!EDITABLE_STATUSES.includes(ptri.data.status)) {
    return (
      <>
        {title}
        <div className="state">
          <p>{it.ptri.notEditable(it.statuses[ptri.data.status])}</p>
          <Link to={paths.ptri(id)}>{it.ptri.backToProject}</Link>
        </div>
      </>
    );
  }

  return (
    <>
      {title}
      <PtriEditor
        ptri={ptri.data}
        services={services.data}
        lots={lots.data}
        cooperatives={cooperatives.data ?? []}
        onSaved={() => void navigate(paths.ptri(id))}
      />
    </>
  );
}
