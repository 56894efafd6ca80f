// A person's benefits and income, beside their projects' budgets: read by the roles that read
// benefits, the whole list saved at once by those that record them.
import { BENEFIT_KINDS, benefitsBody, formatNumberInput, type BenefitKind } from '@bds/shared';
import { useEffect, useState, type FormEvent } from 'react';
import { useBenefits, useReplaceBenefits } from '../api/agreement.ts';
import { isApiError } from '../api/errors.ts';
import { it } from '../i18n/it.ts';
import { Field } from './Field.tsx';
import { ItalianNumberInput, typedNumber } from './ItalianNumberInput.tsx';
import { formatDate, formatEuro } from './format.ts';
import { issuesToFieldErrors, type FieldErrors } from './formErrors.ts';
import { ErrorState, Loading, errorText } from './States.tsx';

interface Draft {
  kind: BenefitKind;
  monthlyAmount: string;
  from: string;
  to: string;
}

export function BenefitsEditor({ personId, canRecord }: { personId: number; canRecord: boolean }) {
  const benefits = useBenefits(personId);
  const save = useReplaceBenefits(personId);
  const [drafts, setDrafts] = useState<Draft[] | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    if (benefits.data && drafts === null)
      setDrafts(
        benefits.data.map((b) => ({
          kind: b.kind,
          monthlyAmount: formatNumberInput(b.monthlyAmount, 'euro'),
          from: b.from,
          to: b.to ?? '',
        })),
      );
  }, [benefits.data, drafts]);

  if (benefits.isPending) return <Loading />;
  if (benefits.isError) return <ErrorState error={benefits.error} onRetry={() => void benefits.refetch()} />;

  const change = (index: number, patch: Partial<Draft>) =>
    setDrafts((current) => (current ?? []).map((draft, i) => (i === index ? { ...draft, ...patch } : draft)));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    const parsed = benefitsBody.safeParse(
      (drafts ?? []).map((d) => ({ kind: d.kind, monthlyAmount: typedNumber(d.monthlyAmount), from: d.from, to: d.to || null })),
    );
    if (!parsed.success) {
      setErrors(issuesToFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    try {
      await save.mutateAsync(parsed.data);
      setMessage({ ok: true, text: it.benefits.saved });
    } catch (caught) {
      if (isApiError(caught)) setErrors(caught.fieldErrors);
      setMessage({ ok: false, text: errorText(caught) });
    }
  }

  return (
    <section className="card">
      <h2>{it.benefits.title}</h2>
      <p className="hint">{it.benefits.help}</p>
      {!canRecord ? (
        benefits.data.length === 0 ? (
          <p>{it.benefits.empty}</p>
        ) : (
          <ul>
            {benefits.data.map((b, index) => (
              <li key={index}>
                {it.benefitKinds[b.kind]}: {formatEuro(b.monthlyAmount)}, {formatDate(b.from)} – {b.to ? formatDate(b.to) : ''}
              </li>
            ))}
          </ul>
        )
      ) : (
        <form onSubmit={submit} noValidate>
          {(drafts ?? []).map((draft, index) => (
            <fieldset key={index} className="row">
              <legend>{`${it.benefits.kind} ${index + 1}`}</legend>
              <Field label={it.benefits.kind} error={errors[`${index}.kind`]}>
                <select value={draft.kind} onChange={(e) => change(index, { kind: e.target.value as BenefitKind })}>
                  {BENEFIT_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {it.benefitKinds[kind]}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label={it.benefits.monthly} error={errors[`${index}.monthlyAmount`]}>
                <ItalianNumberInput kind="euro" value={draft.monthlyAmount} onChange={(text) => change(index, { monthlyAmount: text })} />
              </Field>
              <Field label={it.benefits.from} error={errors[`${index}.from`]}>
                <input type="date" value={draft.from} onChange={(e) => change(index, { from: e.target.value })} />
              </Field>
              <Field label={it.benefits.to} error={errors[`${index}.to`]}>
                <input type="date" value={draft.to} onChange={(e) => change(index, { to: e.target.value })} />
              </Field>
              <button type="button" className="secondary" onClick={() => setDrafts((drafts ?? []).filter((_, i) => i !== index))}>
                {it.benefits.remove}
              </button>
            </fieldset>
          ))}
          <div className="actions">
            <button
              type="button"
              className="secondary"
              onClick={() => setDrafts([...(drafts ?? []), { kind: 'disability_allowance', monthlyAmount: '', from: '', to: '' }])}
            >
              {it.benefits.add}
            </button>
            <button type="submit" disabled={save.isPending}>
              {it.benefits.save}
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
