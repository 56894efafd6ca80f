// New PTRI for a person (reached from the person's page with ?personId=).
import { useNavigate, useSearchParams, Link } from 'react-router';
import { usePerson } from '../../api/persons.ts';
import { useCreatePtri } from '../../api/ptriHooks.ts';
import { useCooperatives, useLots, useServices } from '../../api/reference.ts';
import { useCurrentUser } from '../../auth/AuthProvider.tsx';
import { emptyPtriValues } from '../../components/ptri/formModel.ts';
import { PtriForm } from '../../components/ptri/PtriForm.tsx';
import { ErrorState, Loading } from '../../components/States.tsx';
import { it } from '../../i18n/it.ts';
import { paths } from '../../routes/nav.ts';

export function PtriCreatePage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const personId = Number(useSearchParams()[0].get('personId'));
  const person = usePerson(personId);
  const services = useServices();
  const lots = useLots();
  const cooperatives = useCooperatives();
  const create = useCreatePtri();

  if (!personId) {
    return (
      <>
        <h1>{it.ptri.newTitle}</h1>
        <p className="state">
          {it.ptri.newNeedsPerson} <Link to={paths.persons}>{it.nav.persons.toLocaleLowerCase('it')}</Link>.
        </p>
      </>
    );
  }
  const pending = [person, services, lots, cooperatives].find((q) => q.isPending);
  const failed = [person, services, lots].find((q) => q.isError);
  if (failed) return <ErrorState error={failed.error} onRetry={() => void failed.refetch()} />;
  if (pending || !person.data) return <Loading />;

  return (
    <>
      <h1>{it.ptri.newTitle}</h1>
      <PtriForm
        mode="create"
        initial={emptyPtriValues(personId, user.serviceId)}
        personLabel={`${person.data.familyName} ${person.data.givenName}`}
        services={services.data ?? []}
        lots={lots.data ?? []}
        cooperatives={cooperatives.data ?? []}
        canChooseService={user.role === 'admin' || user.serviceId == null}
        onCreate={async (body) => {
          const ptri = await create.mutateAsync(body);
          void navigate(paths.ptri(ptri.id));
        }}
      />
    </>
  );
}
