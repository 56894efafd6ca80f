// Register a person: codice fiscale checked by the shared schema (its form, and its agreement with
// the birth date and sex typed beside it) before the server sees it, every error at once.
import { createPersonBody, SEXES, takeInCareBody } from '@bds/shared';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { isApiError } from '../../api/errors.ts';
import { useCreatePerson, useTakeIntoCare } from '../../api/persons.ts';
import { Field } from '../../components/Field.tsx';
import { useSchemaForm } from '../../components/schemaForm.ts';
import { it } from '../../i18n/it.ts';
import { paths } from '../../routes/nav.ts';
import { DistrictOptions } from '../../components/DistrictAxisFilters.tsx';

const FIELDS = ['fiscalCode', 'givenName', 'familyName', 'birthDate', 'sex', 'districtId'] as const;
/** The codice fiscale is checked against the birth date and sex: a change to one may settle the others. */
const IDENTITY = ['fiscalCode', 'birthDate', 'sex'] as const;
const settles = (field: (typeof IDENTITY)[number]) => IDENTITY.filter((other) => other !== field);

export function PersonCreatePage() {
  const navigate = useNavigate();
  const create = useCreatePerson();
  const form = useSchemaForm(createPersonBody, FIELDS);
  const { register, handleSubmit, errorOf } = form;
  const fiscalCode = register('fiscalCode', { deps: settles('fiscalCode') });
  /** Set when the codice fiscale is already registered: the person to ask to take into care. */
  const [knownPersonId, setKnownPersonId] = useState<number | null>(null);

  const onSubmit = handleSubmit(async (body) => {
    try {
      const person = await create.mutateAsync(body);
      void navigate(paths.person(person.id));
    } catch (caught) {
      if (isApiError(caught, 409) && caught.personId !== undefined) {
        setKnownPersonId(caught.personId);
        return;
      }
      form.refuse(caught);
    }
  });

  return (
    <>
      <h1>{it.persons.newTitle}</h1>
      <form className="card stack" onSubmit={(event) => void onSubmit(event)} noValidate>
        <div className="grid">
          <Field required label={it.persons.fiscalCode} error={errorOf('fiscalCode')}>
            <input
              {...fiscalCode}
              onChange={(event) => {
                event.target.value = event.target.value.toUpperCase();
                void fiscalCode.onChange(event);
              }}
              autoComplete="off"
              maxLength={16}
            />
          </Field>
          <Field required label={it.persons.familyName} error={errorOf('familyName')}>
            <input {...register('familyName')} />
          </Field>
          <Field required label={it.persons.givenName} error={errorOf('givenName')}>
            <input {...register('givenName')} />
          </Field>
          <Field required label={it.persons.birthDate} error={errorOf('birthDate')}>
            <input type="date" {...register('birthDate', { deps: settles('birthDate') })} />
          </Field>
          <Field required label={it.persons.sex} error={errorOf('sex')}>
            <select {...register('sex', { deps: settles('sex') })}>
              <option value="">—</option>
              {SEXES.map((sex) => (
                <option key={sex} value={sex}>
                  {it.sexes[sex]}
                </option>
              ))}
            </select>
          </Field>
          <Field required label={it.persons.district} error={errorOf('districtId')}>
            <select {...register('districtId', { setValueAs: (value: string) => Number(value) || undefined })}>
              <option value="">—</option>
              <DistrictOptions />
            </select>
          </Field>
        </div>
        {form.formError && (
          <p className="form-error" role="alert">
            {form.formError}
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
  const form = useSchemaForm(takeInCareBody, ['reason']);
  const onSubmit = form.handleSubmit(async ({ reason }) => {
    try {
      onTaken((await take.mutateAsync({ id: personId, reason })).id);
    } catch (caught) {
      form.refuse(caught);
    }
  });

  return (
    <form className="card stack" onSubmit={(event) => void onSubmit(event)} noValidate>
      <p role="alert">{it.persons.alreadyRegistered}</p>
      <Field label={it.persons.takeInCareReason} error={form.errorOf('reason')}>
        <textarea {...form.register('reason')} rows={3} />
      </Field>
      {form.formError && (
        <p className="form-error" role="alert">
          {form.formError}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={take.isPending}>
          {take.isPending ? it.common.saving : it.persons.takeInCare}
        </button>
      </div>
    </form>
  );
}
