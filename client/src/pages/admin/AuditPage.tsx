// The access log with filters and CSV download; reading it is itself logged by the server.
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, labelOf } from '@bds/shared';
import { downloadAuditCsv, useAuditLog, type AuditFilters } from '../../api/audit.ts';
import { useCurrentUser } from '../../auth/AuthProvider.tsx';
import { describeChanges } from '../../components/auditDetails.ts';
import { DownloadButton } from '../../components/DownloadButton.tsx';
import { Field } from '../../components/Field.tsx';
import { ShowMore } from '../../components/Paging.tsx';
import { PersonPicker } from '../../components/PersonPicker.tsx';
import { formatDateTime } from '../../components/format.ts';
import { QueryStates } from '../../components/States.tsx';
import { it } from '../../i18n/it.ts';
import { paths } from '../../routes/nav.ts';

const EMPTY = { entity: '', entityId: '', userId: '', from: '', to: '' };

/** The entities in the order of their Italian names, for the filter. */
const ENTITY_OPTIONS = Object.entries(AUDIT_ENTITY_LABELS).sort(([, a], [, b]) => a.localeCompare(b, 'it'));

function toFilters(form: typeof EMPTY, personId: number | undefined): AuditFilters {
  return {
    ...(personId ? { personId } : {}),
    ...(form.entity ? { entity: form.entity } : {}),
    ...(Number(form.entityId) > 0 ? { entityId: Number(form.entityId) } : {}),
    ...(Number(form.userId) > 0 ? { userId: Number(form.userId) } : {}),
    ...(form.from ? { from: form.from } : {}),
    ...(form.to ? { to: form.to } : {}),
  };
}

export function AuditPage() {
  const user = useCurrentUser();
  const [params] = useSearchParams();
  // The person's page links here with their number: their log is shown at once.
  const linkedPerson = Number(params.get('personId')) > 0 ? Number(params.get('personId')) : undefined;
  const [form, setForm] = useState(EMPTY);
  const [personId, setPersonId] = useState(linkedPerson);
  const [filters, setFilters] = useState<AuditFilters>(toFilters(EMPTY, linkedPerson));
  const log = useAuditLog(filters);
  const rows = log.data?.pages.flatMap((page) => page.items) ?? [];
  const set = (key: keyof typeof EMPTY, value: string) => setForm((prev) => ({ ...prev, [key]: value }));

  function apply(event: FormEvent) {
    event.preventDefault();
    setFilters(toFilters(form, personId));
  }

  return (
    <>
      <div className="page-head">
        <h1>{it.admin.auditTitle}</h1>
        {user.role === 'admin' && <DownloadButton download={() => downloadAuditCsv(filters)} />}
      </div>
      <form className="card row" onSubmit={apply} aria-label={it.ptri.filters}>
        <Field label={it.admin.entity}>
          <select value={form.entity} onChange={(e) => set('entity', e.target.value)}>
            <option value="">{it.admin.anyEntity}</option>
            {ENTITY_OPTIONS.map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Field label={it.admin.entityId}>
          <input inputMode="numeric" value={form.entityId} onChange={(e) => set('entityId', e.target.value)} />
        </Field>
        <PersonPicker label={it.admin.person} personId={personId} onChange={setPersonId} />
        <Field label={it.admin.userId}>
          <input inputMode="numeric" value={form.userId} onChange={(e) => set('userId', e.target.value)} />
        </Field>
        <Field label={it.admin.from}>
          <input type="date" value={form.from} onChange={(e) => set('from', e.target.value)} />
        </Field>
        <Field label={it.admin.to}>
          <input type="date" value={form.to} onChange={(e) => set('to', e.target.value)} />
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
