// The projects in the reader's scope (a case manager's service, a UVM district, the whole
// department), filtered and searched.
import { INTENSITIES, PTRI_STATUSES, ptriListQuery } from '@bds/shared';
import { useDeferredValue } from 'react';
import type { z } from 'zod';
import { Link, useSearchParams } from 'react-router';
import { usePtriCount, usePtriList } from '../../api/ptriHooks.ts';
import type { PtriFilters } from '../../api/ptris.ts';
import { nameOf, useServices } from '../../api/reference.ts';
import { useCurrentUser } from '../../auth/AuthProvider.tsx';
import { Field } from '../../components/Field.tsx';
import { PtriTable } from '../../components/PtriTable.tsx';
import { it } from '../../i18n/it.ts';
import { paths } from '../../routes/nav.ts';
import { AxisOptions } from '../../components/DistrictAxisFilters.tsx';

/** A filter kept in the address, read by the list route's own field: a value it would refuse filters nothing. */
function paramFilter<Value>(params: URLSearchParams, key: string, field: z.ZodType<Value>): Value | undefined {
  const parsed = field.safeParse(params.get(key) ?? undefined);
  return parsed.success ? parsed.data : undefined;
}

export function CaseloadPage() {
  const user = useCurrentUser();
  const services = useServices();
  const [params, setParams] = useSearchParams();
  const fields = ptriListQuery.shape;
  const status = paramFilter(params, 'status', fields.status);
  const intensity = paramFilter(params, 'intensity', fields.intensity);
  const axis = paramFilter(params, 'axis', fields.axis);
  const reviewOverdue = paramFilter(params, 'reviewOverdue', fields.reviewOverdue) ?? false;
  const q = useDeferredValue(params.get('q') ?? '');

  const filters: PtriFilters = {
    ...(status ? { status } : {}),
    ...(intensity ? { intensity } : {}),
    ...(axis ? { axis } : {}),
    ...(reviewOverdue ? { reviewOverdue } : {}),
    ...(q.trim().length >= 2 ? { q: q.trim() } : {}),
    ...(user.serviceId ? { serviceId: user.serviceId } : {}),
  };
  const query = usePtriList(filters);
  const count = usePtriCount(filters);

  function setParam(key: string, value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  }

  return (
    <>
      <div className="page-head">
        <h1>{it.nav.caseload[user.role]}</h1>
        {(user.role === 'case_manager' || user.role === 'admin') && (
          <Link className="button" to={paths.persons}>
            {it.ptri.newPtri}
          </Link>
        )}
      </div>
      <form className="card row" role="search" aria-label={it.ptri.filters} onSubmit={(e) => e.preventDefault()}>
        <Field label={it.ptri.search}>
          <input type="search" value={params.get('q') ?? ''} onChange={(e) => setParam('q', e.target.value)} />
        </Field>
        <Field label={it.ptri.status}>
          <select value={status ?? ''} onChange={(e) => setParam('status', e.target.value)}>
            <option value="">{it.common.all}</option>
            {PTRI_STATUSES.map((value) => (
              <option key={value} value={value}>
                {it.statuses[value]}
              </option>
            ))}
          </select>
        </Field>
        <Field label={it.ptri.intensity}>
          <select value={intensity ?? ''} onChange={(e) => setParam('intensity', e.target.value)}>
            <option value="">{it.common.all}</option>
            {INTENSITIES.map((value) => (
              <option key={value} value={value}>
                {it.intensities[value]}
              </option>
            ))}
          </select>
        </Field>
        <Field label={it.ptri.axisFilter}>
          <select value={axis ?? ''} onChange={(e) => setParam('axis', e.target.value)}>
            <option value="">{it.common.all}</option>
            <AxisOptions />
          </select>
        </Field>
        <label className="checkbox">
          <input type="checkbox" checked={reviewOverdue} onChange={(e) => setParam('reviewOverdue', e.target.checked ? 'true' : '')} />{' '}
          {it.ptri.reviewOverdue}
        </label>
      </form>
      <PtriTable query={query} count={count.data} caption={it.nav.caseload[user.role]} serviceName={(id) => nameOf(services.data, id)} />
    </>
  );
}
