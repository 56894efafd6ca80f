// The flat's cooperative records the hours for the flat as a whole and, while the month's
// «appartamenti» part is open or returned, corrects or deletes them.
import { useState } from 'react';
import { parseItalianNumber, type FlatIntervention } from '@bds/shared';
import { useDeleteFlatWork, useFlatWork, useRecordFlatWork } from '../../api/flats.ts';
import { useActivities } from '../../api/reference.ts';
import { flats as t } from '../../i18n/itFlats.ts';
import { Field } from '../Field.tsx';
import { RowActions } from '../RowActions.tsx';
import { ReportTable, type Column } from '../reports/ReportTable.tsx';
import { currentMonth, formatDate, formatEuro, formatHours, today } from '../format.ts';
import { Empty, ErrorState, errorText, Loading } from '../States.tsx';
import { FlatWorkEditor } from './FlatWorkEditor.tsx';

export function FlatWork({ flatId }: { flatId: number }) {
  const activities = useActivities();
  const habitat = activities.data?.filter((a) => a.axis === 'habitat' && a.active) ?? [];
  const [month, setMonth] = useState(currentMonth());
  const [date, setDate] = useState(today());
  const [activity, setActivity] = useState('');
  const [hours, setHours] = useState('');
  const [operatorRole, setOperatorRole] = useState('');
  const [notes, setNotes] = useState('');
  const [hoursError, setHoursError] = useState<string | undefined>();
  const work = useFlatWork(flatId, month, true);
  const record = useRecordFlatWork();
  const remove = useDeleteFlatWork();
  const [editing, setEditing] = useState<FlatIntervention | null>(null);
  const rowsEditable = work.data?.items.some((row) => row.editable) ?? false;
  const columns: Column<FlatIntervention>[] = [
    { head: t.date, cell: (row) => formatDate(row.date) },
    { head: t.activity, cell: (row) => row.activity },
    { head: t.hours, cell: (row) => formatHours(row.hours), num: true },
    { head: t.amount, cell: (row) => formatEuro(row.amount), num: true },
    { head: t.operatorRole, cell: (row) => row.operatorRole },
  ];
  if (rowsEditable)
    columns.push({
      head: t.actions,
      cell: (row) =>
        row.editable && (
          <RowActions
            editLabel={t.editWorkRow(formatDate(row.date))}
            deleteLabel={t.deleteWorkRow(formatDate(row.date))}
            confirmDelete={t.deleteWorkConfirm}
            deleting={remove.isPending}
            onEdit={() => setEditing(row)}
            onDelete={() => remove.mutate(row.id)}
          />
        ),
    });
  return (
    <section className="card stack" aria-labelledby="work-title">
      <h3 id="work-title">{t.work}</h3>
      <p className="hint">{t.workHelp}</p>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          const parsed = parseItalianNumber(hours);
          if (!parsed.ok || parsed.value === null) return setHoursError(parsed.ok ? undefined : parsed.message);
          setHoursError(undefined);
          record.mutate({ flatId, body: { date, activity, hours: parsed.value, operatorRole, ...(notes ? { notes } : {}) } });
        }}
      >
        <Field label={t.date}>
          <input type="date" value={date} max={today()} onChange={(e) => setDate(e.target.value)} required />
        </Field>
        <Field label={t.activity}>
          <select value={activity} onChange={(e) => setActivity(e.target.value)} required>
            <option value="">—</option>
            {habitat.map((a) => (
              <option key={a.id} value={a.label}>
                {a.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t.hours} error={hoursError}>
          <input inputMode="decimal" value={hours} onChange={(e) => setHours(e.target.value)} required />
        </Field>
        <Field label={t.operatorRole}>
          <input value={operatorRole} onChange={(e) => setOperatorRole(e.target.value)} maxLength={80} required />
        </Field>
        <Field label={t.notes}>
          <input value={notes} onChange={(e) => setNotes(e.target.value)} maxLength={1000} />
        </Field>
        <button type="submit" disabled={record.isPending}>
          {t.save}
        </button>
        {record.isError && <p role="alert">{errorText(record.error)}</p>}
        {record.isSuccess && <p role="status">{t.workSaved}</p>}
      </form>
      <Field label={t.month}>
        <input type="month" value={month} onChange={(e) => setMonth(e.target.value)} />
      </Field>
      {work.isPending ? (
        <Loading />
      ) : work.isError ? (
        <ErrorState error={work.error} />
      ) : work.data.items.length === 0 ? (
        <Empty />
      ) : (
        <ReportTable label={t.work} columns={columns} rows={work.data.items} rowKey={(row) => row.id} />
      )}
      {remove.isError && <p role="alert">{errorText(remove.error)}</p>}
      {editing && <FlatWorkEditor work={editing} activities={habitat.map((a) => a.label)} onClose={() => setEditing(null)} />}
    </section>
  );
}
