import { useNavigate, useParams } from 'react-router';
import { usePerson } from '../../api/persons.ts';
import { useCreateEvaluation, usePtri } from '../../api/ptriHooks.ts';
import { useSocialWorkers } from '../../api/users.ts';
import { EvaluationForm } from '../../components/EvaluationForm.tsx';
import { PtriGeneral, PtriGoals } from '../../components/ptri/PtriContent.tsx';
import { ErrorState, Loading } from '../../components/States.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { it } from '../../i18n/it.ts';
import { paths } from '../../routes/nav.ts';

export function EvaluationPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const ptri = usePtri(id);
  const create = useCreateEvaluation(id);
  const person = usePerson(ptri.data?.personId ?? 0);
  const socialWorkers = useSocialWorkers(person.data?.districtId);

  if (ptri.isPending) return <Loading />;
  if (ptri.isError) return <ErrorState error={ptri.error} onRetry={() => void ptri.refetch()} />;
  const p = ptri.data;

  return (
    <>
      <h1>
        {it.uvm.evaluationTitle} – {p.personName} ({it.ptri.titleOf(p.id)})
      </h1>
      <details className="card">
        <summary>
          <StatusBadge status={p.status} expired={p.expired} /> {it.ptri.general}
        </summary>
        <PtriGeneral ptri={p} />
        <PtriGoals ptri={p} />
      </details>
      <EvaluationForm
        defaultKind={p.status === 'submitted' ? 'initial' : 'review'}
        goals={p.goals}
        socialWorkers={socialWorkers.data}
        onSubmit={async (body) => {
          await create.mutateAsync(body);
          void navigate(paths.ptri(id));
        }}
      />
    </>
  );
}
