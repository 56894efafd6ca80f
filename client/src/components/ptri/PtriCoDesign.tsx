// A draft's co-design with its cooperatives: the case manager shares it and decides on the
// proposals; a sharing cooperative sends its own and sees what became of them.
import { proposalDecisionBody, type Proposal, type PtriDetail } from '@bds/shared';
import { useState } from 'react';
import { z } from 'zod';
import { useDecideProposal, useProposals, useShare, useShareDraft } from '../../api/proposals.ts';
import { it } from '../../i18n/it.ts';
import { Dialog } from '../Dialog.tsx';
import { Field } from '../Field.tsx';
import { formatDate, formatEuro, formatHours } from '../format.ts';
import { checkedByBody, useSchemaForm } from '../schemaForm.ts';
import { ErrorState, Loading, errorText } from '../States.tsx';
import { ProposalForm } from './ProposalForm.tsx';

interface Props {
  ptri: PtriDetail;
  /** The case manager: shares the draft and decides. */
  decides: boolean;
  /** A cooperative the draft is shared with: proposes. */
  proposes: boolean;
}

export function PtriCoDesign({ ptri, decides, proposes }: Props) {
  const share = useShare(ptri.id);
  const shareDraft = useShareDraft(ptri.id);
  const names = share.data?.sharedWith.map((s) => s.cooperativeName).join(', ');
  return (
    <section className="card" data-testid="co-design">
      <h2>{it.coDesign.title}</h2>
      <p className="hint">{it.coDesign.help}</p>
      {share.isPending ? (
        <Loading />
      ) : share.isError ? (
        <ErrorState error={share.error} onRetry={() => void share.refetch()} />
      ) : (
        <p data-testid="shared-with">{names ? it.coDesign.sharedWith(names) : it.coDesign.notShared}</p>
      )}
      {decides && (
        <div className="actions">
          <button type="button" disabled={shareDraft.isPending} onClick={() => shareDraft.mutate()}>
            {it.coDesign.share}
          </button>
        </div>
      )}
      {shareDraft.isError && (
        <p className="form-error" role="alert">
          {errorText(shareDraft.error)}
        </p>
      )}
      <ProposalList ptri={ptri} decides={decides} />
      {proposes && <ProposalForm ptri={ptri} />}
    </section>
  );
}

function describe(proposal: Proposal): string[] {
  const goals = proposal.goals.map((goal) =>
    goal.id === undefined ? it.coDesign.newGoal(it.axes[goal.axis], goal.description) : it.coDesign.changedGoal(goal.id, goal.description),
  );
  const lines = proposal.budgetLines.map((line) => {
    const figures = [line.hours != null ? `${formatHours(line.hours)} h` : null, line.amount != null ? formatEuro(line.amount) : null]
      .filter(Boolean)
      .join(', ');
    const text = `${line.description} (${it.axes[line.axis]}, ${it.budgetSources[line.source]}${figures ? `, ${figures}` : ''})`;
    return line.id === undefined ? it.coDesign.newLine(text) : it.coDesign.changedLine(line.id, text);
  });
  return [...goals, ...lines];
}

function ProposalList({ ptri, decides }: { ptri: PtriDetail; decides: boolean }) {
  const proposals = useProposals(ptri.id);
  const decide = useDecideProposal(ptri.id);
  const [declining, setDeclining] = useState<Proposal | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);

  async function accept(proposal: Proposal) {
    setRefusal(null);
    try {
      await decide.mutateAsync({ proposalId: proposal.id, body: { decision: 'accepted', version: ptri.version } });
    } catch (caught) {
      setRefusal(errorText(caught));
    }
  }

  if (proposals.isPending) return <Loading />;
  if (proposals.isError) return <ErrorState error={proposals.error} onRetry={() => void proposals.refetch()} />;
  const items = proposals.data.items;
  return (
    <>
      <h3>{it.coDesign.proposals}</h3>
      {items.length === 0 ? (
        <p>{it.coDesign.noProposals}</p>
      ) : (
        <div className="table-wrap" role="region" aria-label={it.coDesign.proposals} tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{it.coDesign.proposedBy}</th>
                <th scope="col">{it.coDesign.content}</th>
                <th scope="col">{it.coDesign.note}</th>
                <th scope="col">{it.coDesign.status}</th>
                <th scope="col">{it.coDesign.decision}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((proposal) => (
                <tr key={proposal.id} data-testid="proposal">
                  <td>
                    {proposal.cooperativeName}
                    <br />
                    {proposal.proposedByName ?? '—'}, {formatDate(proposal.proposedAt.slice(0, 10))}
                  </td>
                  <td>
                    <ul>
                      {describe(proposal).map((text) => (
                        <li key={text}>{text}</li>
                      ))}
                    </ul>
                  </td>
                  <td>{proposal.note}</td>
                  <td>{it.proposalStatuses[proposal.status]}</td>
                  <td>
                    {proposal.status === 'open' ? (
                      decides && ptri.status === 'draft' ? (
                        <div className="actions">
                          <button type="button" disabled={decide.isPending} onClick={() => void accept(proposal)}>
                            {it.coDesign.accept}
                          </button>
                          <button type="button" className="secondary" onClick={() => setDeclining(proposal)}>
                            {it.coDesign.decline}
                          </button>
                        </div>
                      ) : (
                        '—'
                      )
                    ) : (
                      <>
                        {it.coDesign.decidedBy(proposal.decidedByName ?? '—', formatDate(proposal.decidedAt?.slice(0, 10)))}
                        {proposal.decisionNote ? `: ${proposal.decisionNote}` : ''}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {refusal && (
        <p className="form-error" role="alert">
          {refusal}
        </p>
      )}
      {declining && <DeclineDialog ptri={ptri} proposal={declining} onClose={() => setDeclining(null)} />}
    </>
  );
}

/** The API's body with the decision fixed: what the dialog asks is the reason. */
const declineForm = z
  .object({ note: z.string() })
  .transform((form) => ({ decision: 'declined' as const, note: form.note.trim() || undefined }));

function DeclineDialog({ ptri, proposal, onClose }: { ptri: PtriDetail; proposal: Proposal; onClose: () => void }) {
  const decide = useDecideProposal(ptri.id);
  const form = useSchemaForm(checkedByBody(declineForm, proposalDecisionBody), ['note'], { defaultValues: { note: '' } });
  const submit = form.handleSubmit(async (body) => {
    try {
      await decide.mutateAsync({ proposalId: proposal.id, body });
      onClose();
    } catch (caught) {
      form.refuse(caught);
    }
  });
  return (
    <Dialog title={it.coDesign.declineTitle} onClose={onClose}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Field label={it.coDesign.reason} error={form.errorOf('note')}>
          <textarea rows={3} {...form.register('note')} />
        </Field>
        {form.formError && (
          <p className="form-error" role="alert">
            {form.formError}
          </p>
        )}
        <div className="actions">
          <button type="submit" disabled={decide.isPending}>
            {it.coDesign.decline}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            {it.common.cancel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
