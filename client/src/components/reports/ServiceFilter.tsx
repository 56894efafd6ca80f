// The service a report is narrowed to; a case manager's reports are their own service already.
import { useServices } from '../../api/reference.ts';
import { useCurrentUser } from '../../auth/AuthProvider.tsx';
import { it } from '../../i18n/it.ts';
import { Field } from '../Field.tsx';

export function ServiceFilter({ value, onChange }: { value: number | undefined; onChange: (serviceId: number | undefined) => void }) {
  const user = useCurrentUser();
  const services = useServices();
  if (user.serviceId != null) return null;
  return (
    <Field label={it.reports.service}>
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : undefined)}>
        <option value="">{it.common.all}</option>
        {services.data?.map((service) => (
          <option key={service.id} value={service.id}>
            {service.name}
          </option>
        ))}
      </select>
    </Field>
  );
}
