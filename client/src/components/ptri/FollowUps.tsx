// Contacts after a project's closure: where the person lives and what they do now (the "post-BdS").
import { followUpBody, type LivingSituation, type WorkSituation } from '@bds/shared';
import { useState, type FormEvent } from 'react';
import { useFollowUps, useRecordFollowUp } from '../../api/outcomes.ts';
import { isApiError } from '../../api/errors.ts';
import { it } from '../../i18n/it.ts';
import { Field } from '../Field.tsx';
import { SituationFields } from '../SituationFields.tsx';
import { formatDate, today } from '../format.ts';
import { issuesToFieldErrors, type FieldErrors } from '../formErrors.ts';
import { ErrorState, Loading, errorText } from '../States.tsx';

export function FollowUps({ ptriId, canRecord }: { ptriId: number; canRecord: boolean }) {
  const list = useFollowUps(ptriId, true);
  const record = useRecordFollowUp(ptriId);
  const [date, setDate] = useState(today());
  const [living, setLiving] = useState<LivingSituation>('own_home');
  const [work, setWork] = useState<WorkSituation>('none');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    const parsed = followUpBody.safeParse({ date, living, work, ...(note.trim() ? { note } : {}) });
    if (!parsed.success) {
      setErrors(issuesToFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    try {
      await record.mutateAsync(parsed.data);
      setNote('');
      setMessage({ ok: true, text: it.followUps.saved });
    } catch (caught) {
      if (isApiError(caught)) setErrors(caught.fieldErrors);
      setMessage({ ok: false, text: errorText(caught) });
    }
  }

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
        <form className="grid" onSubmit={submit} noValidate>
          <Field label={it.followUps.date} error={errors.date}>
            <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          </Field>
          <SituationFields optional={false} living={living} work={work} onLiving={setLiving} onWork={setWork} errors={errors} />
          <Field label={it.followUps.note} error={errors.note}>
            <input value={note} onChange={(e) => setNote(e.target.value)} />
          </Field>
          <div className="actions">
            <button type="submit" disabled={record.isPending}>
              {it.followUps.add}
            </button>
          </div>
          {message && (
            <p className={message.ok ? 'success' : 'form-error'} role={message.ok ? 'status' : 'alert'}>
              {message.text}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
