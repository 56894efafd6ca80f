// One outcome per axis whose goals a project closes: the UVM's final evaluation and the closing dialog.
import { GOAL_OUTCOMES, type Axis } from '@bds/shared';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { it } from '../../i18n/it.ts';
import { Field } from '../Field.tsx';

interface GoalOutcomeFieldsProps {
  axes: readonly Axis[];
  /** The form's registration of an axis's outcome. */
  field: (axis: Axis) => UseFormRegisterReturn;
  errorOf: (axis: Axis) => string | undefined;
  required?: boolean;
}

export function GoalOutcomeFields({ axes, field, errorOf, required }: GoalOutcomeFieldsProps) {
  return axes.map((axis) => (
    <Field key={axis} required={required} label={it.axes[axis]} error={errorOf(axis)}>
      <select {...field(axis)}>
        <option value="">—</option>
        {GOAL_OUTCOMES.map((value) => (
          <option key={value} value={value}>
            {it.goalStatuses[value]}
          </option>
        ))}
      </select>
    </Field>
  ));
}
