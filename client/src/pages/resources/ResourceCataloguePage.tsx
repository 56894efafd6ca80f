// The map of community resources: search by district, axis and words, with the count of what
// matches; Lot 4 community activities of the same district and axis listed beside; those who
// maintain the catalogue add resources here.
import { useState } from 'react';
import { Link } from 'react-router';
import type { Axis } from '@bds/shared';
import { can } from '@bds/shared/access';
import { useCatalogue } from '../../api/communityActivities.ts';
import { nameOf, useDistricts } from '../../api/reference.ts';
import { useResourceCount, useResourceSearch, type ResourceFilters } from '../../api/resources.ts';
import { useCurrentUser } from '../../auth/AuthProvider.tsx';
import { DistrictAxisFilters } from '../../components/DistrictAxisFilters.tsx';
import { Field } from '../../components/Field.tsx';
import { ResultCount, ShowMore } from '../../components/Paging.tsx';
import { QueryStates } from '../../components/States.tsx';
import { ReportTable, type Column } from '../../components/reports/ReportTable.tsx';
import { ResourceForm } from '../../components/resources/ResourceForm.tsx';
import { it } from '../../i18n/it.ts';
import { resources as t } from '../../i18n/itResources.ts';
import { paths } from '../../routes/nav.ts';

export function ResourceCataloguePage() {
  const user = useCurrentUser();
  const districts = useDistricts();
  const [districtId, setDistrictId] = useState<number | undefined>();
  const [axis, setAxis] = useState<Axis | undefined>();
  const [words, setWords] = useState('');
  const filters: ResourceFilters = { districtId, axis, q: words.trim() || undefined };
  const query = useResourceSearch(filters);
  const count = useResourceCount(filters);
  const rows = query.data?.pages.flatMap((page) => page.items) ?? [];
  const columns: Column<(typeof rows)[number]>[] = [
    {
      head: t.name,
      cell: (r) => (
        <>
          <Link to={paths.resource(r.id)}>{r.name}</Link>
          {!r.active && ` (${t.inactive.toLowerCase()})`}
        </>
      ),
    },
    { head: t.kind, cell: (r) => t.kinds[r.kind] },
    { head: t.axis, cell: (r) => it.axes[r.axis] },
    { head: t.provider, cell: (r) => `${r.provider}${r.runtsNumber ? ` – RUNTS ${r.runtsNumber}` : ''}` },
    { head: t.districts, cell: (r) => r.districtIds.map((id) => nameOf(districts.data, id)).join(', ') },
    { head: t.projectsUsing, cell: (r) => r.projectsUsing, num: true },
  ];
  return (
    <>
      <h1>{t.catalogueTitle}</h1>
      <p className="hint">{t.catalogueHelp}</p>
      <div className="card row">
        <Field label={t.search}>
          <input type="search" value={words} onChange={(e) => setWords(e.target.value)} />
        </Field>
        <DistrictAxisFilters districtId={districtId} axis={axis} onDistrict={setDistrictId} onAxis={setAxis} />
      </div>
      {count.data && <ResultCount total={count.data.total} shown={rows.length} capped={count.data.capped} />}
      <QueryStates query={query} empty={rows.length === 0}>
        {() => <ReportTable label={t.catalogueTitle} columns={columns} rows={rows} rowKey={(r) => r.id} />}
      </QueryStates>
      <ShowMore query={query} />
      {can(user.role, 'browseCommunityActivities') && <CommunityActivitiesToo districtId={districtId} axis={axis} words={words} />}
      {can(user.role, 'maintainResources') && (
        <section className="card">
          <h2>{t.newResource}</h2>
          <ResourceForm resource={null} />
        </section>
      )}
    </>
  );
}

/**
 * Lot 4's workshops and groups are part of what the territory offers: those of the same district
 * and axis, the words matched on their titles in the page read.
 */
function CommunityActivitiesToo({ districtId, axis, words }: { districtId: number | undefined; axis: Axis | undefined; words: string }) {
  const activities = useCatalogue({ districtId, axis });
  const needle = words.trim().toLocaleLowerCase('it');
  const rows = (activities.data?.pages.flatMap((page) => page.items) ?? []).filter(
    (a) => !needle || a.title.toLocaleLowerCase('it').includes(needle),
  );
  return (
    <section className="card">
      <h2>{t.communityTitle}</h2>
      {rows.length === 0 ? (
        <p>{t.communityNone}</p>
      ) : (
        <ul>
          {rows.map((a) => (
            <li key={a.id}>
              <Link to={paths.communityActivity(a.id)}>{a.title}</Link> – {it.axes[a.axis]}, {a.place}
            </li>
          ))}
        </ul>
      )}
      <ShowMore query={activities} />
    </section>
  );
}
