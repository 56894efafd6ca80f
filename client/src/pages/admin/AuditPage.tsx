// The access log with filters and CSV download; reading it is itself logged by the server.
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { z } from 'zod';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, auditQuery, labelOf } from '@bds/shared';
import { downloadAuditCsv, useAuditLog, type AuditFilters } from '../../api/audit.ts';
import { useCurrentUser } from '../../auth/AuthProvider.tsx';
import { describeChanges } from '../../components/auditDetails.ts';
import { DownloadButton } from '../../components/DownloadButton.tsx';
import { Field } from '../../components/Field.tsx';
import { ShowMore } from '../../components/Paging.tsx';
import { PersonPicker } from '../../components/PersonPicker.tsx';
import { formatDateTime } from '../../components/format.ts';
import { useSchemaForm } from '../../components/schemaForm.ts';
import { QueryStates } from '../../components/States.tsx';
import { it } from '../../i18n/it.ts';
import { paths } from '../../routes/nav.ts';

const EMPTY = { entity: '', entityId: '', userId: '', from: '', to: '' };
const FIELDS = Object.keys(EMPTY);

/** The filters as typed, checked by the route's own query schema (an empty box filters nothing). */
const auditFilterForm = z
  .strictObject({ entity: z.string(), entityId: z.string(), userId: z.string(), from: z.string(), to: z.string() })
  .transform((form): Record<string, unknown> =>
    Object.fromEntries(Object.entries(form).flatMap(([key, value]) => (value.trim() ? [[key, value.trim()]] : []))),
  )
  .pipe(auditQuery);

/** The entities in the order of their Italian names, for the filter. */
const ENTITY_OPTIONS = Object.entries(AUDIT_ENTITY_LABELS).sort(([, a], [, b]) => a.localeCompare(b, 'it'));

/** The person first: the page a person's link opens asks for their log before anything else. */
function toFilters(checked: z.output<typeof auditQuery>, personId: number | undefined): AuditFilters {
  const { limit: _limit, cursor: _cursor, format: _format, personId: _typed, ...rest } = checked;
  const given = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
  return { ...(personId ? { personId } : {}), ...given };
}

export function AuditPage() {
  const user = useCurrentUser();
  const [params] = useSearchParams();
  // The person's page links here with their number: their log is shown at once.
  const linkedPerson = Number(params.get('personId')) > 0 ? Number(params.get('personId')) : undefined;
  const form = useSchemaForm(auditFilterForm, FIELDS, { defaultValues: EMPTY });
  const { register, errorOf } = form;
  const [personId, setPersonId] = useState(linkedPerson);
  const [filters, setFilters] = useState<AuditFilters>(linkedPerson ? { personId: linkedPerson } : {});
  const log = useAuditLog(filters);
  const rows = log.data?.pages.flatMap((page) => page.items) ?? [];
  const apply = form.handleSubmit((checked) => setFilters(toFilters(checked, personId)));

  return (
    <>
      <div className="page-head">
        <h1>{it.admin.auditTitle}</h1>
        {user.role === 'admin' && <DownloadButton download={() => downloadAuditCsv(filters)} />}
      </div>
      <form className="card row" onSubmit={(event) => void apply(event)} aria-label={it.ptri.filters} noValidate>
        <Field label={it.admin.entity} error={errorOf('entity')}>
          <select {...register('entity')}>
            <option value="">{it.admin.anyEntity}</option>
            {ENTITY_OPTIONS.map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Field label={it.admin.entityId} error={errorOf('entityId')}>
          <input inputMode="numeric" {...register('entityId')} />
        </Field>
        <PersonPicker label={it.admin.person} personId={personId} onChange={setPersonId} />
        <Field label={it.admin.userId} error={errorOf('userId')}>
          <input inputMode="numeric" {...register('userId')} />
        </Field>
        <Field label={it.admin.from} error={errorOf('from')}>
          <input type="date" {...register('from')} />
        </Field>
        <Field label={it.admin.to} error={errorOf('to')}>
          <input type="date" {...register('to')} />
        </Field>
        <button type="submit">{it.admin.apply}</button>
        <p className="diff full-row">{it.admin.personFilterScope}</p>
      </form>
      <QueryStates query={log} empty={rows.length === 0}>
        {() => (
          <div className="table-wrap" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{it.admin.at}</th>
                  <th scope="col">{it.admin.user}</th>
                  <th scope="col">{it.admin.action}</th>
                  <th scope="col">{it.admin.entity}</th>
                  <th scope="col">{it.admin.person}</th>
                  <th scope="col">{it.admin.changes}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((entry) => (
                  <tr key={entry.id}>
                    <td>{formatDateTime(entry.at)}</td>
                    <td>{entry.username ?? '—'}</td>
                    <td>{labelOf(AUDIT_ACTION_LABELS, entry.action)}</td>
                    <td>
                      {labelOf(AUDIT_ENTITY_LABELS, entry.entity)}
                      {entry.entityId != null ? ` n. ${entry.entityId}` : ''}
                    </td>
                    <td>
                      {entry.personId != null ? (
                        <Link to={paths.person(entry.personId)}>{it.admin.personNumber(entry.personId)}</Link>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td className="diff">
                      {entry.changes == null ? (
                        '—'
                      ) : (
                        <ul className="details-list">
                          {describeChanges(entry.entity, entry.changes).map((line, index) => (
                            <li key={index}>{line}</li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryStates>
      <ShowMore query={log} />
    </>
  );
}
