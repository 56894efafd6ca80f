// Create or edit an account: role and scope (service, district or cooperative).
import { createUserBody, ROLES, updateUserBody, type CreateUserBody, type UpdateUserBody, type User } from '@bds/shared';
import type { z } from 'zod';
import { useCooperatives, useServices } from '../../api/reference.ts';
import { it } from '../../i18n/it.ts';
import { Field } from '../Field.tsx';
import { useSchemaForm } from '../schemaForm.ts';
import { DistrictOptions } from '../DistrictAxisFilters.tsx';

type UserFormProps =
  | { user: null; onCreate: (body: CreateUserBody) => Promise<unknown>; onCancel: () => void }
  | { user: User; onUpdate: (body: UpdateUserBody) => Promise<unknown>; onCancel: () => void };

/** A new account's fields; an edit has no username or password, and has `active`. */
type UserValues = Partial<z.input<typeof createUserBody>> & { active?: boolean };

const idOrNull = (text: string) => (text ? Number(text) : null);
const USER_FIELDS = ['username', 'displayName', 'role', 'serviceId', 'districtId', 'cooperativeId', 'password', 'active'];

export function UserForm(props: UserFormProps) {
  const services = useServices();
  const cooperatives = useCooperatives();
  const existing = props.user;
  const scopeOf = (user: User | null) => ({
    serviceId: user?.serviceId ?? null,
    districtId: user?.districtId ?? null,
    cooperativeId: user?.cooperativeId ?? null,
  });
  const form = useSchemaForm<UserValues, CreateUserBody | UpdateUserBody>(
    (existing === null ? createUserBody : updateUserBody) as z.ZodType<CreateUserBody | UpdateUserBody, UserValues>,
    USER_FIELDS,
    {
      defaultValues:
        existing === null
          ? { username: '', displayName: '', role: 'case_manager', password: '', ...scopeOf(null) }
          : { displayName: existing.displayName, role: existing.role, active: existing.active, ...scopeOf(existing) },
    },
  );
  const { register, errorOf } = form;
  const role = form.watch('role');

  // Only the scope of the chosen role is kept: the others are cleared.
  const onSubmit = form.handleSubmit(async (body) => {
    const scope = {
      serviceId: body.role === 'case_manager' ? (body.serviceId ?? null) : null,
      districtId: body.role === 'uvm' || body.role === 'social_worker' ? (body.districtId ?? null) : null,
      cooperativeId: body.role === 'cooperative' ? (body.cooperativeId ?? null) : null,
    };
    try {
      if (props.user === null) await props.onCreate({ ...(body as CreateUserBody), ...scope });
      else await props.onUpdate({ ...(body as UpdateUserBody), ...scope });
    } catch (caught) {
      form.refuse(caught);
    }
  });

  return (
    <form className="stack" onSubmit={(event) => void onSubmit(event)} noValidate>
      <Field label={it.admin.username} error={errorOf('username')}>
        {existing === null ? <input {...register('username')} autoComplete="off" /> : <input value={existing.username} disabled />}
      </Field>
      <Field label={it.admin.displayName} error={errorOf('displayName')}>
        <input {...register('displayName')} />
      </Field>
      <Field label={it.admin.role} error={errorOf('role')}>
        <select {...register('role')}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {it.roles[r]}
            </option>
          ))}
        </select>
      </Field>
      {role === 'case_manager' && (
        <Field label={it.admin.service} error={errorOf('serviceId')}>
          <select {...register('serviceId', { setValueAs: idOrNull })}>
            <option value="">—</option>
            {services.data?.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      {(role === 'uvm' || role === 'social_worker') && (
        <Field label={it.admin.district} error={errorOf('districtId')}>
          <select {...register('districtId', { setValueAs: idOrNull })}>
            <option value="">—</option>
            <DistrictOptions />
          </select>
        </Field>
      )}
      {role === 'cooperative' && (
        <Field label={it.admin.cooperative} error={errorOf('cooperativeId')}>
          <select {...register('cooperativeId', { setValueAs: idOrNull })}>
            <option value="">—</option>
            {cooperatives.data?.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      {existing === null ? (
        <Field label={it.admin.password} error={errorOf('password')}>
          <input type="password" {...register('password')} autoComplete="new-password" />
        </Field>
      ) : (
        <label className="checkbox">
          <input type="checkbox" {...register('active')} /> {it.admin.active}
        </label>
      )}
      {form.formError && (
        <p className="form-error" role="alert">
          {form.formError}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={form.formState.isSubmitting}>
          {it.common.save}
        </button>
        <button type="button" className="secondary" onClick={props.onCancel}>
          {it.common.cancel}
        </button>
      </div>
    </form>
  );
}
