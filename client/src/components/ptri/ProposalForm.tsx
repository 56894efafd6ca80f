// A cooperative's proposal on a shared draft: goals and budget lines to add, or to change by
// choosing the existing one, and a note. Checked by the route's own schema (proposalBody).
import { AXES, BUDGET_SOURCES, formatNumberInput, proposalBody, type PtriDetail } from '@bds/shared';
import { useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { z } from 'zod';
import { useSendProposal } from '../../api/proposals.ts';
import { it } from '../../i18n/it.ts';
import { Field } from '../Field.tsx';
import { ItalianNumberInput } from '../ItalianNumberInput.tsx';
import { ResourcePicker } from './ResourcePicker.tsx';
import { checkedByBody, italianNumberText, useSchemaForm } from '../schemaForm.ts';

/** The select's value: an existing item's id, or '' for a new one. */
const chosenId = z.string().transform((id) => (id ? Number(id) : undefined));
const goalRow = z.object({ id: chosenId, axis: z.enum(AXES), description: z.string() });
const lineRow = z.object({
  id: chosenId,
  axis: z.enum(AXES),
  source: z.enum(BUDGET_SOURCES),
  description: z.string(),
  hours: italianNumberText(z.number().optional()),
  amount: italianNumberText(z.number().optional()),
  resourceId: z
    .number()
    .nullable()
    .transform((id) => id ?? undefined),
});
const proposalForm = checkedByBody(z.object({ goals: z.array(goalRow), budgetLines: z.array(lineRow), note: z.string() }), proposalBody);
type FormValues = z.input<typeof proposalForm>;

const NEW_GOAL: FormValues['goals'][number] = { id: '', axis: 'habitat', description: '' };
const NEW_LINE: FormValues['budgetLines'][number] = {
  id: '',
  axis: 'habitat',
  source: 'ausl',
  description: '',
  hours: '',
  amount: '',
  resourceId: null,
};

export function ProposalForm({ ptri }: { ptri: PtriDetail }) {
  const send = useSendProposal(ptri.id);
  const form = useSchemaForm(proposalForm, ['goals', 'budgetLines', 'note'], {
    defaultValues: { goals: [], budgetLines: [{ ...NEW_LINE }], note: '' },
  });
  const { register, control, errorOf, setValue } = form;
  const goals = useFieldArray({ control, name: 'goals' });
  const lines = useFieldArray({ control, name: 'budgetLines' });
  const rows = form.watch('budgetLines');
  const [sent, setSent] = useState(false);

  const submit = form.handleSubmit(async (body) => {
    setSent(false);
    try {
      await send.mutateAsync(body);
      form.reset({ goals: [], budgetLines: [{ ...NEW_LINE }], note: '' });
      setSent(true);
    } catch (caught) {
      form.refuse(caught);
    }
  });

  /** Choosing an existing line starts the row from its values. */
  function chooseLine(index: number, id: string) {
    const line = ptri.budgetLines.find((l) => String(l.id) === id);
    setValue(`budgetLines.${index}`, {
      id,
      axis: line?.axis ?? 'habitat',
      source: line?.source ?? 'ausl',
      description: line?.description ?? '',
      hours: formatNumberInput(line?.hours, 'hours'),
      amount: formatNumberInput(line?.amount, 'euro'),
      resourceId: line?.resourceId ?? null,
    });
  }
  function chooseGoal(index: number, id: string) {
    const goal = ptri.goals.find((g) => String(g.id) === id);
    setValue(`goals.${index}`, { id, axis: goal?.axis ?? 'habitat', description: goal?.description ?? '' });
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={it.coDesign.propose}>
      <h3>{it.coDesign.propose}</h3>
      <p className="hint">{it.coDesign.proposeHelp}</p>

      <h4>{it.coDesign.linesTitle}</h4>
      {lines.fields.map((field, index) => (
        <fieldset key={field.id} className="grid" data-testid="proposed-line">
          <Field label={it.coDesign.target} error={errorOf(`budgetLines.${index}.id`)}>
            <select {...register(`budgetLines.${index}.id`, { onChange: (event) => chooseLine(index, String(event.target.value)) })}>
              <TargetOptions items={ptri.budgetLines} />
            </select>
          </Field>
          <Field label={it.coDesign.axis} error={errorOf(`budgetLines.${index}.axis`)}>
            <select {...register(`budgetLines.${index}.axis`)}>
              <AxisOptions />
            </select>
          </Field>
          <Field label={it.coDesign.source} error={errorOf(`budgetLines.${index}.source`)}>
            <select {...register(`budgetLines.${index}.source`)}>
              {BUDGET_SOURCES.map((source) => (
                <option key={source} value={source}>
                  {it.budgetSources[source]}
                </option>
              ))}
            </select>
          </Field>
          <Field label={it.coDesign.description} error={errorOf(`budgetLines.${index}.description`)}>
            <input {...register(`budgetLines.${index}.description`)} />
          </Field>
          <Field label={it.coDesign.hours} error={errorOf(`budgetLines.${index}.hours`)}>
            <ItalianNumberInput
              kind="hours"
              value={rows[index]?.hours ?? ''}
              onChange={(text) => form.change(`budgetLines.${index}.hours`, text)}
            />
          </Field>
          <Field label={it.coDesign.amount} error={errorOf(`budgetLines.${index}.amount`)}>
            <ItalianNumberInput
              kind="euro"
              value={rows[index]?.amount ?? ''}
              onChange={(text) => form.change(`budgetLines.${index}.amount`, text)}
            />
          </Field>
          <ResourcePicker
            axis={rows[index]?.axis ?? 'habitat'}
            value={rows[index]?.resourceId ?? null}
            error={errorOf(`budgetLines.${index}.resourceId`)}
            onChange={(resourceId) => setValue(`budgetLines.${index}.resourceId`, resourceId)}
          />
          <div className="actions">
            <button type="button" className="secondary" onClick={() => lines.remove(index)}>
              {it.coDesign.remove}
            </button>
          </div>
        </fieldset>
      ))}
      <div className="actions">
        <button type="button" className="secondary" onClick={() => lines.append({ ...NEW_LINE })}>
          {it.coDesign.addLine}
        </button>
      </div>

      <h4>{it.coDesign.goalsTitle}</h4>
      {goals.fields.map((field, index) => (
        <fieldset key={field.id} className="grid" data-testid="proposed-goal">
          <Field label={it.coDesign.target} error={errorOf(`goals.${index}.id`)}>
            <select {...register(`goals.${index}.id`, { onChange: (event) => chooseGoal(index, String(event.target.value)) })}>
              <TargetOptions items={ptri.goals} />
            </select>
          </Field>
          <Field label={it.coDesign.axis} error={errorOf(`goals.${index}.axis`)}>
            <select {...register(`goals.${index}.axis`)}>
              <AxisOptions />
            </select>
          </Field>
          <Field label={it.coDesign.description} error={errorOf(`goals.${index}.description`)}>
            <input {...register(`goals.${index}.description`)} />
          </Field>
          <div className="actions">
            <button type="button" className="secondary" onClick={() => goals.remove(index)}>
              {it.coDesign.remove}
            </button>
          </div>
        </fieldset>
      ))}
      <div className="actions">
        <button type="button" className="secondary" onClick={() => goals.append({ ...NEW_GOAL })}>
          {it.coDesign.addGoal}
        </button>
      </div>

      <Field label={it.coDesign.note} error={errorOf('note')}>
        <textarea rows={3} {...register('note')} />
      </Field>
      {form.formError ? (
        <p className="form-error" role="alert">
          {form.formError}
        </p>
      ) : (
        sent && (
          <p className="success" role="status">
            {it.coDesign.sent}
          </p>
        )
      )}
      <div className="actions">
        <button type="submit" disabled={send.isPending}>
          {it.coDesign.send}
        </button>
      </div>
    </form>
  );
}

/** A row changes the item chosen here, or adds one ("Nuovo"). */
function TargetOptions({ items }: { items: readonly { id: number; description: string }[] }) {
  return (
    <>
      <option value="">{it.coDesign.newItem}</option>
      {items.map((item) => (
        <option key={item.id} value={String(item.id)}>
          {item.id} – {item.description}
        </option>
      ))}
    </>
  );
}

function AxisOptions() {
  return AXES.map((axis) => (
    <option key={axis} value={axis}>
      {it.axes[axis]}
    </option>
  ));
}
