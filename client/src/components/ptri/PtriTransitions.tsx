// The lifecycle moves this role may make from the current status, from the shared table: only
// those the project already meets the needs of, so none is offered only to be refused.
import {
  latestEvaluationOutcome,
  offeredTransitions,
  transitionBody,
  transitionsFrom,
  type PtriDetail,
  type Role,
  type TransitionRule,
} from '@bds/shared';
import { useState } from 'react';
import { z } from 'zod';
import { useTransitionPtri } from '../../api/ptriHooks.ts';
import { it } from '../../i18n/it.ts';
import { Dialog } from '../Dialog.tsx';
import { Field } from '../Field.tsx';
import { FormButtons } from '../FormButtons.tsx';
import { useSchemaForm } from '../schemaForm.ts';
import { errorText } from '../States.tsx';

/** A move that needs a reason: the API's reason, required. */
const reasonForm = z.strictObject({
  reason: z.string().trim().min(1, { error: it.ptri.reasonRequired }).pipe(transitionBody.shape.reason.unwrap()),
});

export function PtriTransitions({ ptri, role }: { ptri: PtriDetail; role: Role }) {
  const transition = useTransitionPtri(ptri.id);
  const [asking, setAsking] = useState<TransitionRule | null>(null);
  const [error, setError] = useState<string | null>(null);
  const rules = offeredTransitions(ptri.status, role, { latestOutcome: latestEvaluationOutcome(ptri.evaluations) });
  const awaitsEvaluation = transitionsFrom(ptri.status, role).some((rule) => !rules.includes(rule));
  if (rules.length === 0 && !awaitsEvaluation) return null;

  async function run(rule: TransitionRule, withReason?: string) {
    setError(null);
    try {
      await transition.mutateAsync({ to: rule.to, ...(withReason ? { reason: withReason } : {}) });
      setAsking(null);
    } catch (caught) {
      setError(errorText(caught));
    }
  }

  return (
    <section className="card no-print" aria-label={it.ptri.actions}>
      <h2>{it.ptri.actions}</h2>
      <div className="actions">
        {rules.map((rule) => (
          <button
            key={rule.to}
            type="button"
            className={rule.to === 'rejected' || rule.to === 'closed' ? 'danger' : undefined}
            disabled={transition.isPending}
            onClick={() => (rule.needs.includes('reason') ? setAsking(rule) : void run(rule))}
          >
            {it.transitionActions[rule.to]}
          </button>
        ))}
      </div>
      {awaitsEvaluation && <p className="hint">{it.ptri.needsEvaluation}</p>}
      {error && !asking && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {asking && (
        <Dialog title={it.transitionActions[asking.to]} onClose={() => setAsking(null)}>
          <ReasonForm
            pending={transition.isPending}
            refusal={error}
            onSubmit={(reason) => void run(asking, reason)}
            onCancel={() => setAsking(null)}
          />
        </Dialog>
      )}
    </section>
  );
}

interface ReasonFormProps {
  pending: boolean;
  refusal: string | null;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}

function ReasonForm({ pending, refusal, onSubmit, onCancel }: ReasonFormProps) {
  const form = useSchemaForm(reasonForm, ['reason'], { defaultValues: { reason: '' } });
  const submit = form.handleSubmit(({ reason }) => onSubmit(reason));
  return (
    <form onSubmit={(event) => void submit(event)} className="stack" noValidate>
      <Field label={it.ptri.reason} error={form.errorOf('reason') ?? refusal ?? undefined}>
        <textarea {...form.register('reason')} rows={3} />
      </Field>
      <FormButtons pending={pending} formError={null} onCancel={onCancel} submitLabel={it.common.confirm} />
    </form>
  );
}
