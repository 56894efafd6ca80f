import { useNavigate, useParams } from 'react-router';
import { EDITABLE_STATUSES } from '@bds/shared';
import { usePtri } from '../../api/ptriHooks.ts';
import { useCooperatives, useLots, useServices } from '../../api/reference.ts';
import { PtriEditor } from '../../components/ptri/PtriEditor.tsx';
import { ErrorState, Loading } from '../../components/States.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
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
  if (!EDITABLE_STATUSES.includes(ptri.data.status)) {
    return (
      <p className="state">
        <StatusBadge status={ptri.data.status} />
      </p>
    );
  }

  return (
    <>
      <h1>
        {it.ptri.editTitle} – {ptri.data.personName} ({it.ptri.titleOf(id)})
      </h1>
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
