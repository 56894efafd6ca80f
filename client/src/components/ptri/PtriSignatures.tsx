// Who signed which revision of the project, and the case manager's form to record a signature
// of the current revision.
import { SIGNATURE_METHODS, SIGNERS, signatureBody, type PtriDetail, type SignatureMethod, type Signer } from '@bds/shared';
import { useState, type FormEvent } from 'react';
import { useRecordSignature, useSignatures } from '../../api/agreement.ts';
import { isApiError } from '../../api/errors.ts';
import { it } from '../../i18n/it.ts';
import { Field } from '../Field.tsx';
import { formatDate, today } from '../format.ts';
import { issuesToFieldErrors, type FieldErrors } from '../formErrors.ts';
import { ErrorState, Loading, errorText } from '../States.tsx';

export function PtriSignatures({ ptri, canRecord }: { ptri: PtriDetail; canRecord: boolean }) {
  const list = useSignatures(ptri.id);
  const record = useRecordSignature(ptri.id);
  const [signer, setSigner] = useState<Signer>('person');
  const [name, setName] = useState('');
  const [date, setDate] = useState(today());
  const [method, setMethod] = useState<SignatureMethod>('paper');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    const parsed = signatureBody.safeParse({ revision: ptri.revision, signer, name, date, method });
    if (!parsed.success) {
      setErrors(issuesToFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    try {
      await record.mutateAsync(parsed.data);
      setName('');
      setMessage({ ok: true, text: it.signatures.saved });
    } catch (caught) {
      if (isApiError(caught)) setErrors(caught.fieldErrors);
      setMessage({ ok: false, text: errorText(caught) });
    }
  }

  return (
    <section className="card">
      <h2>{it.signatures.title}</h2>
      <p className="hint">{it.signatures.help}</p>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <p>{it.signatures.empty}</p>
      ) : (
        <div className="table-wrap" role="region" aria-label={it.signatures.title} tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{it.ptri.revision}</th>
                <th scope="col">{it.signatures.signer}</th>
                <th scope="col">{it.signatures.name}</th>
                <th scope="col">{it.signatures.date}</th>
                <th scope="col">{it.signatures.method}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((s) => (
                <tr key={s.id}>
                  <td>
                    {s.revision}
                    {s.revision === ptri.revision ? ` (${it.signatures.current})` : ''}
                  </td>
                  <td>{it.signers[s.signer]}</td>
                  <td>{s.name ?? '—'}</td>
                  <td>{formatDate(s.date)}</td>
                  <td>{it.signatureMethods[s.method]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canRecord && (
        <form className="grid" onSubmit={submit} noValidate>
          <Field label={it.signatures.signer} error={errors.signer}>
            <select value={signer} onChange={(e) => setSigner(e.target.value as Signer)}>
              {SIGNERS.map((value) => (
                <option key={value} value={value}>
                  {it.signers[value]}
                </option>
              ))}
            </select>
          </Field>
          <Field label={it.signatures.name} error={errors.name}>
            <input value={name} onChange={(e) => setName(e.target.value)} />
          </Field>
          <Field label={it.signatures.date} error={errors.date}>
            <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          </Field>
          <Field label={it.signatures.method} error={errors.method}>
            <select value={method} onChange={(e) => setMethod(e.target.value as SignatureMethod)}>
              {SIGNATURE_METHODS.map((value) => (
                <option key={value} value={value}>
                  {it.signatureMethods[value]}
                </option>
              ))}
            </select>
          </Field>
          <div className="actions">
            <button type="submit" disabled={record.isPending}>
              {it.signatures.add(ptri.revision)}
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
