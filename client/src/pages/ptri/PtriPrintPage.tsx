// The project laid out as the document the person, the service, the social services and the
// cooperative sign; @media print hides the app around it.
import { can } from '@bds/shared';
import { Link, useParams } from 'react-router';
import { usePerson } from '../../api/persons.ts';
import { usePtri } from '../../api/ptriHooks.ts';
import { useSignatures } from '../../api/agreement.ts';
import { useCurrentUser } from '../../auth/AuthProvider.tsx';
import { formatDate } from '../../components/format.ts';
import { PtriBudget, PtriBudgetBySource, PtriGeneral, PtriGoals } from '../../components/ptri/PtriContent.tsx';
import { ErrorState, Loading } from '../../components/States.tsx';
import { it } from '../../i18n/it.ts';
import { paths } from '../../routes/nav.ts';

export function PtriPrintPage() {
  const id = Number(useParams().id);
  const user = useCurrentUser();
  const ptri = usePtri(id);
  const person = usePerson(can(user.role, 'readPersons') && ptri.data ? ptri.data.personId : 0);
  const signatures = useSignatures(id);

  if (ptri.isPending) return <Loading />;
  if (ptri.isError) return <ErrorState error={ptri.error} />;
  const p = ptri.data;
  const signatureLines = [it.ptri.signPerson, it.ptri.signService, it.ptri.signSocial, it.ptri.signCooperative];
  // The printed document is the current revision: only its signatures are on it.
  const signed = (signatures.data ?? []).filter((s) => s.revision === p.revision);

  return (
    <article className="print-doc card">
      <div className="actions no-print">
        <button type="button" onClick={() => window.print()}>
          {it.common.print}
        </button>
        <Link className="button secondary" to={paths.ptri(p.id)}>
          {it.common.close}
        </Link>
      </div>
      <p>{it.appName}</p>
      <h1>{it.ptri.printTitle}</h1>
      <p>
        {it.ptri.titleOf(p.id)} · {it.signatures.revisionOf(p.revision)} · {it.ptri.version} {p.version} · {it.statuses[p.status]}
      </p>
      <section>
        <h2>{it.ptri.person}</h2>
        <p>
          <strong>{p.personName}</strong>
          {person.data?.fiscalCode && ` · ${it.persons.fiscalCode} ${person.data.fiscalCode}`}
          {person.data?.birthDate && ` · ${it.persons.birthDate} ${formatDate(person.data.birthDate)}`}
        </p>
      </section>
      <section>
        <h2>{it.ptri.general}</h2>
        <PtriGeneral ptri={p} />
      </section>
      <section>
        <h2>{it.ptri.goals}</h2>
        <PtriGoals ptri={p} />
      </section>
      <section>
        <h2>{it.ptri.budget}</h2>
        <PtriBudget ptri={p} />
        <PtriBudgetBySource ptri={p} />
      </section>
      {p.notes && (
        <section>
          <h2>{it.ptri.notes}</h2>
          <p>{p.notes}</p>
        </section>
      )}
      <section>
        <h2>
          {it.ptri.signatures} – {it.signatures.revisionOf(p.revision)}
        </h2>
        {signed.length > 0 && (
          <ul data-testid="signed">
            {signed.map((s) => (
              <li key={s.id}>
                {it.signers[s.signer]}
                {s.name ? `: ${s.name}` : ''}, {formatDate(s.date)} ({it.signatureMethods[s.method].toLowerCase()})
              </li>
            ))}
          </ul>
        )}
        {p.signaturePending && <p>{it.signatures.pendingHelp}</p>}
        <p>{it.ptri.signPlaceDate}: ______________________</p>
        <div className="signatures">
          {signatureLines.map((label) => (
            <div key={label} className="signature">
              {label}
            </div>
          ))}
        </div>
      </section>
    </article>
  );
}
