// The lifecycle moves this role may make from the current status, from the shared table: only
// those the project already meets the needs of, so none is offered only to be refused.
import {
  AXES,
  GOAL_OUTCOMES,
  latestEvaluationOutcome,
  offeredTransitions,
  transitionsFrom,
  type Axis,
  type PtriDetail,
  type Role,
  type TransitionRule,
} from '@bds/shared';
import { useState, type FormEvent } from 'react';
import { useTransitionPtri } from '../../api/ptriHooks.ts';
import { it } from '../../i18n/it.ts';
import { Dialog } from '../Dialog.tsx';
import { Field } from '../Field.tsx';
import { errorText } from '../States.tsx';

type GoalOutcome = (typeof GOAL_OUTCOMES)[number];

export function PtriTransitions({ ptri, role }: { ptri: PtriDetail; role: Role }) {
  const transition = useTransitionPtri(ptri.id);
  const [asking, setAsking] = useState<TransitionRule | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  // Closing gives every open goal an outcome, one per axis that still has open goals.
  const [goalOutcomes, setGoalOutcomes] = useState<Partial<Record<Axis, GoalOutcome>>>({});
  const openAxes = AXES.filter((axis) => ptri.goals.some((goal) => goal.axis === axis && goal.status === 'open'));
  const rules = offeredTransitions(ptri.status, role, { latestOutcome: latestEvaluationOutcome(ptri.evaluations) });
  const awaitsEvaluation = transitionsFrom(ptri.status, role).some((rule) => !rules.includes(rule));
  if (rules.length === 0 && !awaitsEvaluation) return null;

  async function run(rule: TransitionRule, withReason?: string) {
    setError(null);
    try {
      await transition.mutateAsync({
        to: rule.to,
        ...(withReason ? { reason: withReason } : {}),
        ...(rule.to === 'closed' && openAxes.length > 0 ? { goalOutcomes } : {}),
      });
      setAsking(null);
      setReason('');
    } catch (caught) {
      setError(errorText(caught));
    }
  }

  function onReasonSubmit(event: FormEvent) {
    event.preventDefault();
    if (!asking) return;
    if (!reason.trim()) {
      setError(it.ptri.reasonRequired);
      return;
    }
    if (asking.to === 'closed' && openAxes.some((axis) => !goalOutcomes[axis])) {
      setError(it.uvm.goalOutcomesHelp);
      return;
    }
    void run(asking, reason.trim());
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
          <form onSubmit={onReasonSubmit} className="stack" noValidate>
            <Field label={it.ptri.reason} error={error ?? undefined}>
              <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={3} />
            </Field>
            {asking.to === 'closed' && openAxes.length > 0 && (
              <fieldset className="grid">
                <legend>{it.uvm.goalOutcomes}</legend>
                {openAxes.map((axis) => (
                  <Field key={axis} label={it.axes[axis]}>
                    <select
                      value={goalOutcomes[axis] ?? ''}
                      onChange={(e) =>
                        setGoalOutcomes({ ...goalOutcomes, [axis]: (e.target.value || undefined) as GoalOutcome | undefined })
                      }
                    >
                      <option value="">—</option>
                      {GOAL_OUTCOMES.map((value) => (
                        <option key={value} value={value}>
                          {it.goalStatuses[value]}
                        </option>
                      ))}
                    </select>
                  </Field>
                ))}
              </fieldset>
            )}
            <div className="actions">
              <button type="submit" disabled={transition.isPending}>
                {it.common.confirm}
              </button>
              <button type="button" className="secondary" onClick={() => setAsking(null)}>
                {it.common.cancel}
              </button>
            </div>
          </form>
        </Dialog>
      )}
    </section>
  );
}
