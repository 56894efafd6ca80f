// Budget di Salute lines per axis: who brings the resource, what it is, hours and/or euros.
import { AXES, BUDGET_SOURCES, sumEuros, type Axis, type BudgetSource } from '@bds/shared';
import { it } from '../../i18n/it.ts';
import { formatEuro } from '../format.ts';
import { Field } from '../Field.tsx';
import type { FieldErrors } from '../formErrors.ts';
import { ItalianNumberInput, typedNumber } from '../ItalianNumberInput.tsx';
import { budgetLinePath, newBudgetLine, type BudgetLineDraft } from './formModel.ts';
import { ResourcePicker } from './ResourcePicker.tsx';

interface BudgetEditorProps {
  lines: BudgetLineDraft[];
  errors: FieldErrors;
  onChange: (lines: BudgetLineDraft[]) => void;
}

function axisTotal(lines: BudgetLineDraft[], axis: Axis): number {
  return sumEuros(lines.filter((line) => line.axis === axis).map((line) => typedNumber(line.amount)));
}

export function BudgetEditor({ lines, errors, onChange }: BudgetEditorProps) {
  function patch(key: string, change: Partial<BudgetLineDraft>) {
    onChange(lines.map((line) => (line.key === key ? { ...line, ...change } : line)));
  }
  const errorOf = (key: string, field: string) => errors[budgetLinePath(lines, key, field)];

  return (
    <div>
      {AXES.map((axis) => (
        <fieldset key={axis} className="axis-block">
          <legend>
            {it.axes[axis]} – {it.ptri.total} {formatEuro(axisTotal(lines, axis))}
          </legend>
          {errors[`budget.${axis}`] && <p className="field-error">{errors[`budget.${axis}`]}</p>}
          {lines.map((line) =>
            line.axis !== axis ? null : (
              <div key={line.key} className="budget-line">
                <Field label={it.ptri.source} error={errorOf(line.key, 'source')}>
                  <select value={line.source} onChange={(e) => patch(line.key, { source: e.target.value as BudgetSource })}>
                    {BUDGET_SOURCES.map((source) => (
                      <option key={source} value={source}>
                        {it.budgetSources[source]}
                      </option>
                    ))}
                  </select>
                </Field>
                <Field label={it.ptri.resource} error={errorOf(line.key, 'description')}>
                  <input value={line.description} onChange={(e) => patch(line.key, { description: e.target.value })} />
                </Field>
                <Field label={it.ptri.hours} error={errorOf(line.key, 'hours')}>
                  <ItalianNumberInput kind="hours" value={line.hours} onChange={(hours) => patch(line.key, { hours })} />
                </Field>
                <Field label={it.ptri.amount} error={errorOf(line.key, 'amount')}>
                  <ItalianNumberInput kind="euro" value={line.amount} onChange={(amount) => patch(line.key, { amount })} />
                </Field>
                <ResourcePicker
                  axis={axis}
                  value={line.resourceId}
                  error={errorOf(line.key, 'resourceId')}
                  onChange={(resourceId) => patch(line.key, { resourceId })}
                />
                <button type="button" className="secondary" onClick={() => onChange(lines.filter((l) => l.key !== line.key))}>
                  {it.common.remove}
                </button>
              </div>
            ),
          )}
          <button type="button" className="secondary" onClick={() => onChange([...lines, newBudgetLine(axis)])}>
            {it.ptri.addBudgetLine} – {it.axes[axis]}
          </button>
        </fieldset>
      ))}
    </div>
  );
}
