// The options of a service select: an empty choice first, then each service by name.
import type { Service } from '@bds/shared';

export function ServiceOptions({ services, empty = '—' }: { services: readonly Pick<Service, 'id' | 'name'>[]; empty?: string }) {
  return (
    <>
      <option value="">{empty}</option>
      {services.map((service) => (
        <option key={service.id} value={service.id}>
          {service.name}
        </option>
      ))}
    </>
  );
}
