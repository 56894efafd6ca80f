// One community activity: what it is, who is enrolled (as far as the reader may see), its
// sessions; the case manager enrols a project of the service, the cooperative records sessions.
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { createSessionBody, type CommunityActivityDetail, type CommunitySession } from '@bds/shared';
import { can } from '@bds/shared/access';
import { useActivitySessions, useCommunityActivity, useEndEnrolment, useEnrol, useRecordSession } from '../../api/communityActivities.ts';
import { useWholePtriList } from '../../api/ptriHooks.ts';
import { nameOf, useDistricts } from '../../api/reference.ts';
import { useCurrentUser } from '../../auth/AuthProvider.tsx';
import { Field } from '../../components/Field.tsx';
import { ItalianNumberInput, typedNumber } from '../../components/ItalianNumberInput.tsx';
import { ResultCount, ShowMore } from '../../components/Paging.tsx';
import { ErrorState, Loading, errorText } from '../../components/States.tsx';
import { ReportTable, type Column } from '../../components/reports/ReportTable.tsx';
import { formatDate, formatEuro, formatHours, today } from '../../components/format.ts';
import { issuesToFieldErrors, refusalMessage, type FieldErrors } from '../../components/formErrors.ts';
import { it } from '../../i18n/it.ts';
import { community as t } from '../../i18n/itCommunity.ts';

export function CommunityActivityPage() {
  const id = Number(useParams().id);
  const user = useCurrentUser();
  const query = useCommunityActivity(id);
  const districts = useDistricts();
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const activity = query.data;
  const runsIt = user.role === 'cooperative' && user.cooperativeId === activity.cooperativeId;
  return (
    <>
      <h1>{activity.title}</h1>
      <dl className="card facts">
        <dt>{t.axis}</dt>
        <dd>{it.axes[activity.axis]}</dd>
        <dt>{t.district}</dt>
        <dd>{nameOf(districts.data, activity.districtId)}</dd>
        <dt>{t.place}</dt>
        <dd>{activity.place}</dd>
        <dt>{t.period}</dt>
        <dd>
          {formatDate(activity.from)} – {activity.to ? formatDate(activity.to) : ''}
        </dd>
        {activity.description && (
          <>
            <dt>{t.description}</dt>
            <dd>{activity.description}</dd>
          </>
        )}
      </dl>
      <Enrolled activity={activity} />
      {can(user.role, 'enrolInCommunityActivities') && <EnrolForm activityId={activity.id} />}
      {runsIt && <SessionForm activity={activity} />}
      <Sessions activityId={activity.id} />
    </>
  );
}

function Enrolled({ activity }: { activity: CommunityActivityDetail }) {
  const user = useCurrentUser();
  const end = useEndEnrolment(activity.id);
  const [error, setError] = useState<string | null>(null);
  return (
    <section className="card">
      <h2>{t.enrolled}</h2>
      {activity.enrolled.length === 0 ? (
        <p>{t.noneEnrolled}</p>
      ) : (
        <ul>
          {activity.enrolled.map((e) => (
            <li key={e.ptriId}>
              {e.personName} · {t.enrolledOn} {formatDate(e.enrolledOn)}{' '}
              {user.role === 'case_manager' && (
                <button
                  type="button"
                  className="secondary"
                  onClick={() => end.mutateAsync(e.ptriId).catch((caught: unknown) => setError(errorText(caught)))}
                >
                  {t.endEnrolment}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

function EnrolForm({ activityId }: { activityId: number }) {
  const projects = useWholePtriList({ status: 'active' });
  const enrol = useEnrol(activityId);
  const [ptriId, setPtriId] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!ptriId) return;
    setMessage(null);
    try {
      await enrol.mutateAsync(Number(ptriId));
      setPtriId('');
    } catch (caught) {
      setMessage(errorText(caught));
    }
  }
  return (
    <form className="card" onSubmit={(e) => void submit(e)}>
      <h2>{t.enrolTitle}</h2>
      <div className="row">
        <Field label={t.project}>
          <select value={ptriId} onChange={(e) => setPtriId(e.target.value)}>
            <option value="">{t.pickProject}</option>
            {(projects.data?.pages.flatMap((page) => page.items) ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.personName} ({formatDate(p.startDate)} – {formatDate(p.endDate)})
              </option>
            ))}
          </select>
        </Field>
      </div>
      {message && (
        <p className="form-error" role="alert">
          {message}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={!ptriId || enrol.isPending}>
          {t.enrol}
        </button>
      </div>
    </form>
  );
}

const SESSION_FIELDS = ['date', 'hours', 'operators', 'attendeePtriIds', 'otherParticipants', 'volunteers', 'note'];

function SessionForm({ activity }: { activity: CommunityActivityDetail }) {
  const record = useRecordSession(activity.id);
  const [date, setDate] = useState(today());
  const [hours, setHours] = useState('2');
  const [operators, setOperators] = useState('1');
  const [attendees, setAttendees] = useState<number[]>([]);
  const [others, setOthers] = useState('0');
  const [volunteers, setVolunteers] = useState('0');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const toggle = (ptriId: number) => setAttendees((now) => (now.includes(ptriId) ? now.filter((x) => x !== ptriId) : [...now, ptriId]));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    const parsed = createSessionBody.safeParse({
      date,
      hours: typedNumber(hours) ?? undefined,
      operators: Number(operators),
      attendeePtriIds: attendees,
      otherParticipants: Number(others),
      volunteers: Number(volunteers),
      note: note.trim() || null,
    });
    if (!parsed.success) {
      setErrors(issuesToFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    try {
      await record.mutateAsync(parsed.data);
      setAttendees([]);
      setNote('');
      setMessage(t.sessionSaved);
    } catch (caught) {
      setMessage(refusalMessage(caught, (path) => SESSION_FIELDS.some((f) => path === f || path.startsWith(`${f}.`))));
    }
  }

  return (
    <form className="card" onSubmit={(e) => void submit(e)} noValidate>
      <h2>{t.newSession}</h2>
      <div className="row">
        <Field label={t.date} error={errors.date} required>
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </Field>
        <Field label={t.hours} error={errors.hours} required>
          <ItalianNumberInput kind="hours" value={hours} onChange={setHours} />
        </Field>
        <Field label={t.operators} error={errors.operators} required>
          <input inputMode="numeric" value={operators} onChange={(e) => setOperators(e.target.value)} />
        </Field>
        <Field label={t.otherParticipants} error={errors.otherParticipants} hint={t.othersHint}>
          <input inputMode="numeric" value={others} onChange={(e) => setOthers(e.target.value)} />
        </Field>
        <Field label={t.volunteers} error={errors.volunteers}>
          <input inputMode="numeric" value={volunteers} onChange={(e) => setVolunteers(e.target.value)} />
        </Field>
      </div>
      <fieldset>
        <legend>{t.attendance}</legend>
        {activity.enrolled.length === 0 && <p>{t.noneEnrolled}</p>}
        {activity.enrolled.map((e) => (
          <label key={e.ptriId} className="checkbox">
            <input type="checkbox" checked={attendees.includes(e.ptriId)} onChange={() => toggle(e.ptriId)} /> {e.personName}
          </label>
        ))}
        {Object.entries(errors)
          .filter(([path]) => path.startsWith('attendeePtriIds'))
          .map(([path, text]) => (
            <p key={path} className="form-error">
              {text}
            </p>
          ))}
      </fieldset>
      <Field label={t.note} error={errors.note}>
        <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} />
      </Field>
      {message && <p role="status">{message}</p>}
      <div className="actions">
        <button type="submit" disabled={record.isPending}>
          {record.isPending ? it.common.saving : t.saveSession}
        </button>
      </div>
    </form>
  );
}

const SESSION_COLUMNS: readonly Column<CommunitySession>[] = [
  { head: t.date, cell: (s) => formatDate(s.date) },
  { head: t.hours, cell: (s) => formatHours(s.hours) },
  { head: t.operators, cell: (s) => s.operators },
  { head: t.billedHours, cell: (s) => formatHours(s.billedHours) },
  { head: t.amount, cell: (s) => formatEuro(s.amount) },
  { head: t.attendees, cell: (s) => s.attendees },
  { head: t.otherParticipants, cell: (s) => s.otherParticipants },
  { head: t.volunteers, cell: (s) => s.volunteers },
  { head: t.note, cell: (s) => s.note ?? '' },
];

function Sessions({ activityId }: { activityId: number }) {
  const sessions = useActivitySessions(activityId);
  const rows = sessions.data?.pages.flatMap((page) => page.items) ?? [];
  const total = sessions.data?.pages[0]?.total ?? 0;
  return (
    <section className="card">
      <h2>{t.sessions}</h2>
      {sessions.isPending ? (
        <Loading />
      ) : sessions.isError ? (
        <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : rows.length === 0 ? (
        <p>{t.noSessions}</p>
      ) : (
        <>
          <ResultCount total={total} shown={rows.length} />
          <ReportTable label={t.sessions} columns={SESSION_COLUMNS} rows={rows} rowKey={(s) => s.id} />
          <ShowMore query={sessions} />
        </>
      )}
    </section>
  );
}
