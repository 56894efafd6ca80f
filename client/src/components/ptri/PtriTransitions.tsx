// The lifecycle moves this role may make from the current status, from the shared table: only
// those the project already meets the needs of, so none is offered only to be refused.
import {
  AXES,
  GOAL_OUTCOMES,
  latestEvaluationOutcome,
  offeredTransitions,
  transitionBody,
  transitionsFrom,
  type Axis,
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
import { GoalOutcomeFields } from './GoalOutcomeFields.tsx';
import { useSchemaForm } from '../schemaForm.ts';
import { errorText } from '../States.tsx';

/** The reason a move needs, and when closing the outcome of each axis with open goals: the route's own fields. */
function reasonForm(closingAxes: readonly Axis[]) {
  return z.strictObject({
    reason: z.string().trim().min(1, { error: it.ptri.reasonRequired }).pipe(transitionBody.shape.reason.unwrap()),
    goalOutcomes: z.strictObject(
      Object.fromEntries(closingAxes.map((axis) => [axis, z.string().pipe(z.enum(GOAL_OUTCOMES, { error: it.common.required }))])),
    ),
  });
}

function ReasonDialog({
  ptri,
  rule,
  openAxes,
  onClose,
}: {
  ptri: PtriDetail;
  rule: TransitionRule;
  openAxes: readonly Axis[];
  onClose: () => void;
}) {
  const transition = useTransitionPtri(ptri.id);
  const closingAxes = rule.to === 'closed' ? openAxes : [];
  const form = useSchemaForm(reasonForm(closingAxes), ['reason', 'goalOutcomes'], {
    defaultValues: { reason: '', goalOutcomes: Object.fromEntries(closingAxes.map((axis) => [axis, ''])) },
  });
  const onSubmit = form.handleSubmit(async ({ reason, goalOutcomes }) => {
    try {
      await transition.mutateAsync({ to: rule.to, reason, ...(closingAxes.length > 0 ? { goalOutcomes } : {}) });
      onClose();
    } catch (caught) {
      form.refuse(caught);
    }
  });
  return (
    <Dialog title={it.transitionActions[rule.to]} onClose={onClose}>
      <form onSubmit={(event) => void onSubmit(event)} className="stack" noValidate>
        <Field required label={it.ptri.reason} error={form.errorOf('reason')}>
          <textarea rows={3} {...form.register('reason')} />
        </Field>
        {closingAxes.length > 0 && (
          <fieldset className="grid">
            <legend>{it.uvm.goalOutcomes}</legend>
            <GoalOutcomeFields
              required
              axes={closingAxes}
              field={(axis) => form.register(`goalOutcomes.${axis}`)}
              errorOf={(axis) => form.errorOf(`goalOutcomes.${axis}`)}
            />
          </fieldset>
        )}
        <FormButtons pending={transition.isPending} formError={form.formError} onCancel={onClose} submitLabel={it.common.confirm} />
      </form>
    </Dialog>
  );
}

export function PtriTransitions({ ptri, role }: { ptri: PtriDetail; role: Role }) {
  const transition = useTransitionPtri(ptri.id);
  const [asking, setAsking] = useState<TransitionRule | null>(null);
  const [error, setError] = useState<string | null>(null);
  const openAxes = AXES.filter((axis) => ptri.goals.some((goal) => goal.axis === axis && goal.status === 'open'));
  const rules = offeredTransitions(ptri.status, role, { latestOutcome: latestEvaluationOutcome(ptri.evaluations) });
  const awaitsEvaluation = transitionsFrom(ptri.status, role).some((rule) => !rules.includes(rule));
  if (rules.length === 0 && !awaitsEvaluation) return null;

  async function run(rule: TransitionRule) {
    setError(null);
    try {
      await transition.mutateAsync({ to: rule.to });
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
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {asking && <ReasonDialog ptri={ptri} rule={asking} openAxes={openAxes} onClose={() => setAsking(null)} />}
    </section>
  );
}
