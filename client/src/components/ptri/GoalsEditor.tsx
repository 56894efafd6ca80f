// Goals grouped by axis; each keeps its index in the body so errors like "goals.2.description" land beside it.
import { AXES, GOAL_STATUSES, type Axis, type GoalStatus } from '@bds/shared';
import { it } from '../../i18n/it.ts';
import { Field } from '../Field.tsx';
import type { FieldErrors } from '../formErrors.ts';
import { newGoal, type GoalDraft } from './formModel.ts';

interface GoalsEditorProps {
  goals: GoalDraft[];
  errors: FieldErrors;
  showStatus: boolean;
  onChange: (goals: GoalDraft[]) => void;
}

export function GoalsEditor({ goals, errors, showStatus, onChange }: GoalsEditorProps) {
  function patch(key: string, change: Partial<GoalDraft>) {
    onChange(goals.map((goal) => (goal.key === key ? { ...goal, ...change } : goal)));
  }
  function add(axis: Axis) {
    onChange([...goals, newGoal(axis)]);
  }
  function remove(key: string) {
    onChange(goals.filter((goal) => goal.key !== key));
  }

  return (
    <div>
      {errors.goals && <p className="field-error">{errors.goals}</p>}
      {AXES.map((axis) => (
        <fieldset key={axis} className="axis-block">
          <legend>{it.axes[axis]}</legend>
          {goals.map((goal, index) =>
            goal.axis !== axis ? null : (
              <div key={goal.key} className="line-item">
                <Field label={`${it.ptri.goalDescription} (${it.axes[axis]})`} error={errors[`goals.${index}.description`]}>
                  <textarea value={goal.description} onChange={(e) => patch(goal.key, { description: e.target.value })} rows={2} />
                </Field>
                <div className="stack">
                  <Field label={it.ptri.goalTarget} error={errors[`goals.${index}.targetDate`]}>
                    <input type="date" value={goal.targetDate} onChange={(e) => patch(goal.key, { targetDate: e.target.value })} />
                  </Field>
                  {showStatus && (
                    <Field label={it.ptri.goalStatus}>
                      <select value={goal.status ?? 'open'} onChange={(e) => patch(goal.key, { status: e.target.value as GoalStatus })}>
                        {GOAL_STATUSES.map((status) => (
                          <option key={status} value={status}>
                            {it.goalStatuses[status]}
                          </option>
                        ))}
                      </select>
                    </Field>
                  )}
                </div>
                <button
                  type="button"
                  className="secondary"
                  onClick={() => remove(goal.key)}
                  aria-label={`${it.common.remove}: ${it.ptri.goal} ${index + 1}`}
                >
                  {it.common.remove}
                </button>
              </div>
            ),
          )}
          <button type="button" className="secondary" onClick={() => add(axis)}>
            {it.ptri.addGoal} – {it.axes[axis]}
          </button>
        </fieldset>
      ))}
    </div>
  );
}
