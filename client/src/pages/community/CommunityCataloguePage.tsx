// The catalogue of Lot 4's community activities by district and axis; a cooperative of the lot
// sees its own first and creates new ones.
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { createCommunityActivityBody, type Axis, type CommunityActivity } from '@bds/shared';
import { can } from '@bds/shared/access';
import { useCatalogue, useCreateActivity, type CatalogueFilters } from '../../api/communityActivities.ts';
import { nameOf, useCooperatives, useDistricts } from '../../api/reference.ts';
import { useCurrentUser } from '../../auth/AuthProvider.tsx';
import { AxisOptions, DistrictAxisFilters, DistrictOptions } from '../../components/DistrictAxisFilters.tsx';
import { Field } from '../../components/Field.tsx';
import { ShowMore } from '../../components/Paging.tsx';
import { QueryStates } from '../../components/States.tsx';
import { ReportTable, type Column } from '../../components/reports/ReportTable.tsx';
import { formatDate } from '../../components/format.ts';
import { issuesToFieldErrors, refusalMessage, type FieldErrors } from '../../components/formErrors.ts';
import { it } from '../../i18n/it.ts';
import { community as t } from '../../i18n/itCommunity.ts';
import { paths } from '../../routes/nav.ts';

export function CommunityCataloguePage() {
  const user = useCurrentUser();
  const runs = can(user.role, 'runCommunityActivities');
  const [districtId, setDistrictId] = useState<number | undefined>();
  const [axis, setAxis] = useState<Axis | undefined>();
  const filters: CatalogueFilters = {
    districtId,
    axis,
    cooperativeId: user.role === 'cooperative' ? (user.cooperativeId ?? undefined) : undefined,
  };
  const query = useCatalogue(filters);
  const districts = useDistricts();
  const rows = query.data?.pages.flatMap((page) => page.items) ?? [];
  const title = user.role === 'cooperative' ? t.ownTitle : t.catalogueTitle;
  const columns: Column<CommunityActivity>[] = [
    { head: t.title, cell: (a) => <Link to={paths.communityActivity(a.id)}>{a.title}</Link> },
    { head: t.axis, cell: (a) => it.axes[a.axis] },
    { head: t.district, cell: (a) => nameOf(districts.data, a.districtId) },
    { head: t.place, cell: (a) => a.place },
    { head: t.period, cell: (a) => `${formatDate(a.from)} – ${a.to ? formatDate(a.to) : ''}` },
  ];
  return (
    <>
      <h1>{title}</h1>
      <p className="hint">{t.catalogueHelp}</p>
      <div className="card row">
        <DistrictAxisFilters districtId={districtId} axis={axis} onDistrict={setDistrictId} onAxis={setAxis} />
      </div>
      <QueryStates query={query} empty={rows.length === 0}>
        {() => <ReportTable label={title} columns={columns} rows={rows} rowKey={(a) => a.id} />}
      </QueryStates>
      <ShowMore query={query} />
      {runs && <NewActivityForm />}
    </>
  );
}

const FIELDS = ['title', 'axis', 'districtId', 'place', 'from', 'to', 'description', 'cooperativeId'] as const;

function NewActivityForm() {
  const user = useCurrentUser();
  const cooperatives = useCooperatives();
  const create = useCreateActivity();
  const [values, setValues] = useState({
    title: '',
    axis: 'sociality',
    districtId: '',
    place: '',
    from: '',
    to: '',
    description: '',
    cooperativeId: '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const set = (key: keyof typeof values) => (e: { target: { value: string } }) => setValues({ ...values, [key]: e.target.value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    const parsed = createCommunityActivityBody.safeParse({
      ...values,
      districtId: values.districtId ? Number(values.districtId) : undefined,
      to: values.to || null,
      description: values.description || null,
      cooperativeId: values.cooperativeId ? Number(values.cooperativeId) : undefined,
    });
    if (!parsed.success) {
      setErrors(issuesToFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    try {
      await create.mutateAsync(parsed.data);
      setMessage(t.created);
      setValues({ ...values, title: '', place: '', description: '' });
    } catch (caught) {
      setMessage(refusalMessage(caught, (path) => (FIELDS as readonly string[]).includes(path)));
    }
  }

  return (
    <form className="card" onSubmit={(e) => void submit(e)} noValidate>
      <h2>{t.newActivity}</h2>
      <div className="row">
        <Field label={t.title} error={errors.title} required>
          <input value={values.title} onChange={set('title')} />
        </Field>
        <Field label={t.axis} error={errors.axis} required>
          <select value={values.axis} onChange={set('axis')}>
            <AxisOptions />
          </select>
        </Field>
        <Field label={t.district} error={errors.districtId} required>
          <select value={values.districtId} onChange={set('districtId')}>
            <option value="">—</option>
            <DistrictOptions />
          </select>
        </Field>
        <Field label={t.place} error={errors.place} required>
          <input value={values.place} onChange={set('place')} />
        </Field>
        <Field label={t.from} error={errors.from} required>
          <input type="date" value={values.from} onChange={set('from')} />
        </Field>
        <Field label={t.to} error={errors.to}>
          <input type="date" value={values.to} onChange={set('to')} />
        </Field>
        {user.role === 'admin' && (
          <Field label={t.cooperative} error={errors.cooperativeId} required>
            <select value={values.cooperativeId} onChange={set('cooperativeId')}>
              <option value="">—</option>
              {(cooperatives.data ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </Field>
        )}
      </div>
      <Field label={t.description} error={errors.description}>
        <textarea value={values.description} onChange={set('description')} rows={3} />
      </Field>
      {message && <p role="status">{message}</p>}
      <div className="actions">
        <button type="submit" disabled={create.isPending}>
          {create.isPending ? it.common.saving : t.create}
        </button>
      </div>
    </form>
  );
}
