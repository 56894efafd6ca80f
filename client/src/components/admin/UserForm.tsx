// Create or edit an account: role and scope (service, district or cooperative).
import { createUserBody, ROLES, updateUserBody, type CreateUserBody, type Role, type UpdateUserBody, type User } from '@bds/shared';
import { useState, type FormEvent } from 'react';
import { isApiError } from '../../api/errors.ts';
import { useCooperatives, useDistricts, useServices } from '../../api/reference.ts';
import { it } from '../../i18n/it.ts';
import { Field } from '../Field.tsx';
import { besideFieldsOf, issuesToFieldErrors, refusalMessage, type FieldErrors } from '../formErrors.ts';

type UserFormProps =
  | { user: null; onCreate: (body: CreateUserBody) => Promise<unknown>; onCancel: () => void }
  | { user: User; onUpdate: (body: UpdateUserBody) => Promise<unknown>; onCancel: () => void };

const idOrNull = (text: string) => (text ? Number(text) : null);
const USER_FIELDS = besideFieldsOf(['username', 'displayName', 'role', 'serviceId', 'districtId', 'cooperativeId', 'password']);

export function UserForm(props: UserFormProps) {
  const services = useServices();
  const districts = useDistricts();
  const cooperatives = useCooperatives();
  const existing = props.user;
  const [username, setUsername] = useState(existing?.username ?? '');
  const [displayName, setDisplayName] = useState(existing?.displayName ?? '');
  const [role, setRole] = useState<Role>(existing?.role ?? 'case_manager');
  const [password, setPassword] = useState('');
  const [serviceId, setServiceId] = useState(String(existing?.serviceId ?? ''));
  const [districtId, setDistrictId] = useState(String(existing?.districtId ?? ''));
  const [cooperativeId, setCooperativeId] = useState(String(existing?.cooperativeId ?? ''));
  const [active, setActive] = useState(existing?.active ?? true);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const scope = {
    serviceId: role === 'case_manager' ? idOrNull(serviceId) : null,
    districtId: role === 'uvm' || role === 'social_worker' ? idOrNull(districtId) : null,
    cooperativeId: role === 'cooperative' ? idOrNull(cooperativeId) : null,
  };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    const parsed =
      props.user === null
        ? createUserBody.safeParse({ username, displayName, role, password, ...scope })
        : updateUserBody.safeParse({ displayName, role, active, ...scope });
    if (!parsed.success) {
      setErrors(issuesToFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    try {
      if (props.user === null) await props.onCreate(parsed.data as CreateUserBody);
      else await props.onUpdate(parsed.data as UpdateUserBody);
    } catch (caught) {
      if (isApiError(caught)) setErrors(caught.fieldErrors);
      setFormError(refusalMessage(caught, USER_FIELDS));
    }
  }

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      <Field label={it.admin.username} error={errors.username}>
        <input value={username} onChange={(e) => setUsername(e.target.value)} disabled={existing !== null} autoComplete="off" />
      </Field>
      <Field label={it.admin.displayName} error={errors.displayName}>
        <input value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
      </Field>
      <Field label={it.admin.role} error={errors.role}>
        <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {it.roles[r]}
            </option>
          ))}
        </select>
      </Field>
      {role === 'case_manager' && (
        <Field label={it.admin.service} error={errors.serviceId}>
          <select value={serviceId} onChange={(e) => setServiceId(e.target.value)}>
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
        <Field label={it.admin.district} error={errors.districtId}>
          <select value={districtId} onChange={(e) => setDistrictId(e.target.value)}>
            <option value="">—</option>
            {districts.data?.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      {role === 'cooperative' && (
        <Field label={it.admin.cooperative} error={errors.cooperativeId}>
          <select value={cooperativeId} onChange={(e) => setCooperativeId(e.target.value)}>
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
        <Field label={it.admin.password} error={errors.password}>
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" />
        </Field>
      ) : (
        <label className="checkbox">
          <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} /> {it.admin.active}
        </label>
      )}
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <div className="actions">
        <button type="submit">{it.common.save}</button>
        <button type="button" className="secondary" onClick={props.onCancel}>
          {it.common.cancel}
        </button>
      </div>
    </form>
  );
}
