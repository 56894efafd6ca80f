// A project: status and allowed actions, content, and its timeline.
import { can, CONFIRMABLE_STATUSES, EDITABLE_STATUSES, SIGNABLE_STATUSES } from '@bds/shared';
import { Link, useParams } from 'react-router';
import { usePtri } from '../../api/ptriHooks.ts';
import { useCurrentUser } from '../../auth/AuthProvider.tsx';
import { PtriBenefits, PtriBudget, PtriBudgetBySource, PtriGeneral, PtriGoals } from '../../components/ptri/PtriContent.tsx';
import { PtriSignatures } from '../../components/ptri/PtriSignatures.tsx';
import { PtriCoDesign } from '../../components/ptri/PtriCoDesign.tsx';
import { LineDecision } from '../../components/ptri/LineDecision.tsx';
import { FollowUps } from '../../components/ptri/FollowUps.tsx';
import { ProjectStays } from '../../components/flats/ProjectStays.tsx';
import { ProjectCommunityActivities } from '../../components/ptri/ProjectCommunityActivities.tsx';
import { PtriTimeline } from '../../components/ptri/PtriTimeline.tsx';
import { PtriTransitions } from '../../components/ptri/PtriTransitions.tsx';
import { ErrorState, Loading } from '../../components/States.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { it } from '../../i18n/it.ts';
import { paths } from '../../routes/nav.ts';

export function PtriDetailPage() {
  const id = Number(useParams().id);
  const user = useCurrentUser();
  const ptri = usePtri(id);

  if (ptri.isPending) return <Loading />;
  if (ptri.isError) return <ErrorState error={ptri.error} onRetry={() => void ptri.refetch()} />;
  const p = ptri.data;
  const canEdit = can(user.role, 'writeProjects') && EDITABLE_STATUSES.includes(p.status);
  const canEvaluate = can(user.role, 'evaluate') && ['submitted', 'active', 'suspended'].includes(p.status);
  const decidesLines = can(user.role, 'confirmSocialLines') && CONFIRMABLE_STATUSES.includes(p.status);

  return (
    <>
      <div className="page-head">
        <div>
          <h1>
            {can(user.role, 'readPersons') ? <Link to={paths.person(p.personId)}>{p.personName}</Link> : p.personName} –{' '}
            {it.ptri.titleOf(p.id)}
          </h1>
          <p>
            <StatusBadge status={p.status} /> · {it.signatures.revisionOf(p.revision)} · {it.ptri.version} {p.version}
            {p.signaturePending && (
              <>
                {' '}
                <span className="badge badge-submitted" title={it.signatures.pendingHelp} data-testid="signature-pending">
                  {it.signatures.pending}
                </span>
              </>
            )}
          </p>
        </div>
        <div className="actions">
          {canEdit && (
            <Link className="button" to={paths.editPtri(p.id)}>
              {it.common.edit}
            </Link>
          )}
          {canEvaluate && (
            <Link className="button" to={paths.evaluatePtri(p.id)}>
              {it.ptri.evaluate}
            </Link>
          )}
          <Link className="button secondary" to={paths.printPtri(p.id)}>
            {it.ptri.print}
          </Link>
        </div>
      </div>
      <PtriTransitions ptri={p} role={user.role} />
      <section className="card">
        <h2>{it.ptri.general}</h2>
        <PtriGeneral ptri={p} />
      </section>
      <section className="card">
        <h2>{it.ptri.goals}</h2>
        <PtriGoals ptri={p} />
      </section>
      <section className="card">
        <h2>{it.ptri.budget}</h2>
        <PtriBudget ptri={p} lineActions={decidesLines ? (line) => <LineDecision ptriId={p.id} line={line} /> : undefined} />
        <PtriBudgetBySource ptri={p} />
        {p.benefits && <PtriBenefits benefits={p.benefits} />}
      </section>
      {p.status === 'draft' && can(user.role, 'readProposals') && (
        <PtriCoDesign ptri={p} decides={can(user.role, 'writeProjects')} proposes={can(user.role, 'proposeChanges')} />
      )}
      {can(user.role, 'readProjectPlacements') && <ProjectCommunityActivities ptriId={p.id} />}
      <PtriSignatures ptri={p} canRecord={can(user.role, 'recordSignatures') && SIGNABLE_STATUSES.includes(p.status)} />
      {can(user.role, 'readProjectHistory') && p.status === 'closed' && (
        <FollowUps ptriId={p.id} canRecord={can(user.role, 'writeProjects')} />
      )}
      {can(user.role, 'readProjectPlacements') && <ProjectStays ptriId={p.id} />}
      {can(user.role, 'readProjectHistory') && (
        <section className="card">
          <h2>{it.ptri.timeline}</h2>
          <PtriTimeline ptri={p} />
        </section>
      )}
    </>
  );
}
