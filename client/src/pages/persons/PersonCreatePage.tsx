// Register a person: codice fiscale checked by the shared schema (its form, and its agreement with
// the birth date and sex typed beside it) before the server sees it, every error at once.
import { createPersonBody, SEXES, takeInCareBody } from '@bds/shared';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { isApiError } from '../../api/errors.ts';
import { useCreatePerson, useTakeIntoCare } from '../../api/persons.ts';
import { useDistricts } from '../../api/reference.ts';
import { Field } from '../../components/Field.tsx';
import { besideFieldsOf, issuesToFieldErrors, refusalMessage, type FieldErrors } from '../../components/formErrors.ts';
import { it } from '../../i18n/it.ts';
import { paths } from '../../routes/nav.ts';

const EMPTY = { fiscalCode: '', givenName: '', familyName: '', birthDate: '', sex: '', districtId: '' };
const IDENTITY = { fiscalCode: true, birthDate: true, sex: true };

export function PersonCreatePage() {
  const navigate = useNavigate();
  const districts = useDistricts();
  const create = useCreatePerson();
  const [values, setValues] = useState(EMPTY);
  // Once a save was tried, the form's own errors follow the values as they are typed.
  const [checking, setChecking] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const parsed = createPersonBody.safeParse({ ...values, districtId: Number(values.districtId) || undefined });
  const ownErrors = checking && !parsed.success ? issuesToFieldErrors(parsed.error) : {};
  const errors = { ...serverErrors, ...ownErrors };
  const formError = Object.keys(ownErrors).length ? it.common.formHasErrors : refusal;

  const set = (key: keyof typeof EMPTY, value: string) => {
    setValues((prev) => ({ ...prev, [key]: value }));
    // The codice fiscale is checked against the birth date and sex: a change to one may settle the others.
    const settled = (path: string) => path === key || (key in IDENTITY && path in IDENTITY);
    setServerErrors((prev) => Object.fromEntries(Object.entries(prev).filter(([path]) => !settled(path))));
    setRefusal(null);
  };
  /** Set when the codice fiscale is already registered: the person to ask to take into care. */
  const [knownPersonId, setKnownPersonId] = useState<number | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setChecking(true);
    setServerErrors({});
    setRefusal(null);
    if (!parsed.success) return;
    try {
      const person = await create.mutateAsync(parsed.data);
      void navigate(paths.person(person.id));
    } catch (caught) {
      if (isApiError(caught, 409) && caught.personId !== undefined) {
        setKnownPersonId(caught.personId);
        return;
      }
      if (isApiError(caught)) setServerErrors(caught.fieldErrors);
      setRefusal(refusalMessage(caught, besideFieldsOf(Object.keys(EMPTY))));
    }
  }

  return (
    <>
      <h1>{it.persons.newTitle}</h1>
      <form className="card stack" onSubmit={onSubmit} noValidate>
        <div className="grid">
          <Field required label={it.persons.fiscalCode} error={errors.fiscalCode}>
            <input
              value={values.fiscalCode}
              onChange={(e) => set('fiscalCode', e.target.value.toUpperCase())}
              autoComplete="off"
              maxLength={16}
            />
          </Field>
          <Field required label={it.persons.familyName} error={errors.familyName}>
            <input value={values.familyName} onChange={(e) => set('familyName', e.target.value)} />
          </Field>
          <Field required label={it.persons.givenName} error={errors.givenName}>
            <input value={values.givenName} onChange={(e) => set('givenName', e.target.value)} />
          </Field>
          <Field required label={it.persons.birthDate} error={errors.birthDate}>
            <input type="date" value={values.birthDate} onChange={(e) => set('birthDate', e.target.value)} />
          </Field>
          <Field required label={it.persons.sex} error={errors.sex}>
            <select value={values.sex} onChange={(e) => set('sex', e.target.value)}>
              <option value="">—</option>
              {SEXES.map((sex) => (
                <option key={sex} value={sex}>
                  {it.sexes[sex]}
                </option>
              ))}
            </select>
          </Field>
          <Field required label={it.persons.district} error={errors.districtId}>
            <select value={values.districtId} onChange={(e) => set('districtId', e.target.value)}>
              <option value="">—</option>
              {districts.data?.map((district) => (
                <option key={district.id} value={district.id}>
                  {district.name}
                </option>
              ))}
            </select>
          </Field>
        </div>
        {formError && (
          <p className="form-error" role="alert">
            {formError}
          </p>
        )}
        <div className="actions">
          <button type="submit" disabled={create.isPending}>
            {create.isPending ? it.common.saving : it.common.save}
          </button>
        </div>
      </form>
      {knownPersonId !== null && <TakeInCareForm personId={knownPersonId} onTaken={(id) => void navigate(paths.person(id))} />}
    </>
  );
}

/** The answer to a codice fiscale already registered: an explicit, reasoned request to take the person into care. */
function TakeInCareForm({ personId, onTaken }: { personId: number; onTaken: (id: number) => void }) {
  const take = useTakeIntoCare();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = takeInCareBody.safeParse({ reason });
    if (!parsed.success) {
      setError(issuesToFieldErrors(parsed.error).reason ?? it.common.formHasErrors);
      return;
    }
    setError(null);
    try {
      onTaken((await take.mutateAsync({ id: personId, reason: parsed.data.reason })).id);
    } catch (caught) {
      setError(refusalMessage(caught, () => false));
    }
  }

  return (
    <form className="card stack" onSubmit={onSubmit} noValidate>
      <p role="alert">{it.persons.alreadyRegistered}</p>
      <Field label={it.persons.takeInCareReason} error={error ?? undefined}>
        <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={3} />
      </Field>
      <div className="actions">
        <button type="submit" disabled={take.isPending}>
          {take.isPending ? it.common.saving : it.persons.takeInCare}
        </button>
      </div>
    </form>
  );
}
