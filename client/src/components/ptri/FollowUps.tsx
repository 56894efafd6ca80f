// Contacts after a project's closure: where the person lives and what they do now (the "post-BdS").
import { followUpBody } from '@bds/shared';
import { useState } from 'react';
import { z } from 'zod';
import { useFollowUps, useRecordFollowUp } from '../../api/outcomes.ts';
import { it } from '../../i18n/it.ts';
import { Field } from '../Field.tsx';
import { SituationFields } from '../SituationFields.tsx';
import { formatDate, today } from '../format.ts';
import { useSchemaForm } from '../schemaForm.ts';
import { ErrorState, Loading } from '../States.tsx';

/** The API's body, with an empty note as none. */
const followUpForm = followUpBody.extend({
  note: z
    .string()
    .transform((note) => (note.trim() ? note : undefined))
    .pipe(followUpBody.shape.note),
});

export function FollowUps({ ptriId, canRecord }: { ptriId: number; canRecord: boolean }) {
  const list = useFollowUps(ptriId, true);
  const record = useRecordFollowUp(ptriId);
  const form = useSchemaForm(followUpForm, ['date', 'living', 'work', 'note'], {
    defaultValues: { date: today(), living: 'own_home', work: 'none', note: '' },
  });
  const { register, errorOf, setValue } = form;
  const [living, work] = form.watch(['living', 'work']);
  const [saved, setSaved] = useState(false);

  const submit = form.handleSubmit(async (body) => {
    setSaved(false);
    try {
      await record.mutateAsync(body);
      setValue('note', '');
      setSaved(true);
    } catch (caught) {
      form.refuse(caught);
    }
  });

  return (
    <section className="card">
      <h2>{it.followUps.title}</h2>
      <p className="hint">{it.followUps.help}</p>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <p>{it.followUps.empty}</p>
      ) : (
        <ul>
          {list.data.map((f) => (
            <li key={f.id}>
              {formatDate(f.date)}: {it.situations.livingLabels[f.living]}, {it.situations.workLabels[f.work]}
              {f.note ? ` – ${f.note}` : ''}
            </li>
          ))}
        </ul>
      )}
      {canRecord && (
        <form className="grid" onSubmit={(event) => void submit(event)} noValidate>
          <Field label={it.followUps.date} error={errorOf('date')}>
            <input type="date" {...register('date')} />
          </Field>
          <SituationFields
            optional={false}
            living={living}
            work={work}
            onLiving={(value) => form.change('living', value)}
            onWork={(value) => form.change('work', value)}
            errors={form.fieldErrors}
          />
          <Field label={it.followUps.note} error={errorOf('note')}>
            <input {...register('note')} />
          </Field>
          <div className="actions">
            <button type="submit" disabled={record.isPending}>
              {it.followUps.add}
            </button>
          </div>
          {form.formError ? (
            <p className="form-error" role="alert">
              {form.formError}
            </p>
          ) : (
            saved && (
              <p className="success" role="status">
                {it.followUps.saved}
              </p>
            )
          )}
        </form>
      )}
    </section>
  );
}
