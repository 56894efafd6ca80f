// The case manager's forms on one stay of a flat: its exit (day and destination), and the
// correction of its dates under the rules of a new stay.
import { useState } from 'react';
import { LIVING_SITUATIONS, type LivingSituation, type Stay } from '@bds/shared';
import { useChangeStay, useEndStay } from '../../api/flats.ts';
import { flats as t } from '../../i18n/itFlats.ts';
import { Field } from '../Field.tsx';
import { today } from '../format.ts';
import { errorText } from '../States.tsx';

export function EndStayForm({ stayId, from }: { stayId: number; from: string }) {
  const [date, setDate] = useState(today());
  const [destination, setDestination] = useState<LivingSituation>('own_home');
  const [note, setNote] = useState('');
  const end = useEndStay();
  return (
    <form
      className="row"
      onSubmit={(e) => {
        e.preventDefault();
        end.mutate({ stayId, body: { date, destination, ...(note ? { note } : {}) } });
      }}
    >
      <Field label={t.endDate}>
        <input type="date" value={date} min={from} onChange={(e) => setDate(e.target.value)} required />
      </Field>
      <Field label={t.destination}>
        <select value={destination} onChange={(e) => setDestination(e.target.value as LivingSituation)}>
          {LIVING_SITUATIONS.map((d) => (
            <option key={d} value={d}>
              {t.destinations[d]}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t.note}>
        <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} />
      </Field>
      <button type="submit" disabled={end.isPending}>
        {t.confirmEnd}
      </button>
      {end.isError && <p role="alert">{errorText(end.error)}</p>}
      {end.isSuccess && <p role="status">{t.stayEnded}</p>}
    </form>
  );
}

/** The stay's entry and (planned or recorded) exit day; an ended stay keeps an exit day. */
export function StayDatesForm({ stay, onDone }: { stay: Stay; onDone: () => void }) {
  const [from, setFrom] = useState(stay.from);
  const [to, setTo] = useState(stay.to ?? '');
  const change = useChangeStay();
  return (
    <form
      className="row"
      onSubmit={(e) => {
        e.preventDefault();
        change.mutate({ stayId: stay.id, body: { from, to: to || null } }, { onSuccess: onDone });
      }}
    >
      <Field label={t.from}>
        <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} required />
      </Field>
      <Field label={stay.destination ? t.to : t.plannedEnd}>
        <input type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} required={stay.destination !== null} />
      </Field>
      <button type="submit" disabled={change.isPending}>
        {t.saveDates}
      </button>
      <button type="button" className="secondary" onClick={onDone}>
        {t.cancelEdit}
      </button>
      {change.isError && <p role="alert">{errorText(change.error)}</p>}
    </form>
  );
}
