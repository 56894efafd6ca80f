// "Appartamenti": every flat's free places by district (a cooperative sees its own); an open flat
// shows its occupancy board and stays. The case manager proposes a stay, corrects or cancels it and
// records exits; the flat's cooperative records the hours for the flat as a whole.
import { useState } from 'react';
import type { FlatDetail, FlatsReply, Stay } from '@bds/shared';
import { useQuery } from '@tanstack/react-query';
import { useCancelStay, useCreateStay, useFlat, useFlats } from '../../api/flats.ts';
import { fetchPtris } from '../../api/ptris.ts';
import { useDistricts, useLots } from '../../api/reference.ts';
import { useCurrentUser } from '../../auth/AuthProvider.tsx';
import { DistrictFilter } from '../../components/DistrictAxisFilters.tsx';
import { Field } from '../../components/Field.tsx';
import { ReportTable, type Column } from '../../components/reports/ReportTable.tsx';
import { FlatWork } from '../../components/flats/FlatWork.tsx';
import { EndStayForm, StayDatesForm } from '../../components/flats/StayForms.tsx';
import { formatDate, today } from '../../components/format.ts';
import { Empty, ErrorState, errorText, Loading } from '../../components/States.tsx';
import { flats as t } from '../../i18n/itFlats.ts';

const inFlatToday = (stay: FlatDetail['stays'][number], day: string) => stay.from <= day && (stay.to === null || stay.to >= day);

function OccupancyBoard({ flat }: { flat: FlatDetail }) {
  const day = today();
  const present = flat.stays.filter((stay) => inFlatToday(stay, day));
  return (
    <section aria-labelledby="board-title">
      <h3 id="board-title">{t.board}</h3>
      <ol className="places">
        {Array.from({ length: flat.places }, (_, i) => {
          const stay = present[i];
          return (
            <li key={i} className={stay ? 'place place-taken' : 'place place-free'}>
              <strong>{t.place(i + 1)}</strong>: {stay ? (stay.personName ?? t.hiddenResident) : t.freePlace}
              {stay && ` (${t.from.toLowerCase()} ${formatDate(stay.from)})`}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

type StayAction = { stayId: number; form: 'end' | 'dates' } | null;

function StayActions({ stay, action, setAction }: { stay: Stay; action: StayAction; setAction: (action: StayAction) => void }) {
  const cancel = useCancelStay();
  const name = stay.personName ?? '';
  if (action?.stayId === stay.id && action.form === 'end') return <EndStayForm stayId={stay.id} from={stay.from} />;
  if (action?.stayId === stay.id) return <StayDatesForm stay={stay} onDone={() => setAction(null)} />;
  return (
    <div className="actions">
      {!stay.destination && (
        <button type="button" className="secondary" onClick={() => setAction({ stayId: stay.id, form: 'end' })}>
          {t.endStay}
        </button>
      )}
      <button
        type="button"
        className="secondary"
        aria-label={t.editStayOf(name)}
        onClick={() => setAction({ stayId: stay.id, form: 'dates' })}
      >
        {t.editStay}
      </button>
      <button
        type="button"
        className="danger"
        aria-label={t.cancelStayOf(name)}
        disabled={cancel.isPending}
        onClick={() => window.confirm(t.cancelStayConfirm) && cancel.mutate(stay.id)}
      >
        {t.cancelStay}
      </button>
      {cancel.isError && <p role="alert">{errorText(cancel.error)}</p>}
    </div>
  );
}

function StaysTable({ flat, canChange }: { flat: FlatDetail; canChange: boolean }) {
  const [action, setAction] = useState<StayAction>(null);
  if (flat.stays.length === 0) return <Empty />;
  const columns: Column<FlatDetail['stays'][number]>[] = [
    { head: t.person, cell: (stay) => stay.personName ?? t.hiddenResident, names: true },
    { head: t.from, cell: (stay) => formatDate(stay.from) },
    { head: t.to, cell: (stay) => formatDate(stay.to) },
    { head: t.destination, cell: (stay) => (stay.destination ? t.destinations[stay.destination] : '—') },
  ];
  if (canChange)
    columns.push({
      head: t.actions,
      cell: (stay) => stay.ptriId !== null && <StayActions stay={stay} action={action} setAction={setAction} />,
    });
  return <ReportTable label={t.stays} caption={t.stays} columns={columns} rows={flat.stays} rowKey={(stay) => stay.id} />;
}

function ProposeStay({ flatId }: { flatId: number }) {
  const lots = useLots();
  const lot3 = lots.data?.filter((lot) => lot.number === 3).map((lot) => lot.id) ?? [];
  const projects = useQuery({
    queryKey: ['ptris', 'list', 'lot3-active', lot3],
    queryFn: async () => (await Promise.all(lot3.map((lotId) => fetchPtris({ status: 'active', lotId })))).flatMap((p) => p.items),
    enabled: lot3.length > 0,
  });
  const [ptriId, setPtriId] = useState('');
  const [from, setFrom] = useState(today());
  const [to, setTo] = useState('');
  const create = useCreateStay();
  if (projects.isPending) return null;
  if (!projects.data?.length) return <p className="hint">{t.noLot3Projects}</p>;
  return (
    <form
      className="card row"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ flatId, body: { ptriId: Number(ptriId), from, ...(to ? { to } : {}) } });
      }}
    >
      <h3>{t.propose}</h3>
      <Field label={t.project}>
        <select value={ptriId} onChange={(e) => setPtriId(e.target.value)} required>
          <option value="">{t.chooseProject}</option>
          {projects.data.map((p) => (
            <option key={p.id} value={p.id}>
              {p.personName} (n. {p.id})
            </option>
          ))}
        </select>
      </Field>
      <Field label={t.from}>
        <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} required />
      </Field>
      <Field label={t.plannedEnd}>
        <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
      </Field>
      <button type="submit" disabled={create.isPending}>
        {t.proposeButton}
      </button>
      {create.isError && <p role="alert">{errorText(create.error)}</p>}
      {create.isSuccess && <p role="status">{t.stayCreated}</p>}
    </form>
  );
}

function FlatPanel({ id }: { id: number }) {
  const user = useCurrentUser();
  const flat = useFlat(id);
  if (flat.isPending) return <Loading />;
  if (flat.isError) return <ErrorState error={flat.error} onRetry={() => void flat.refetch()} />;
  const placesStaff = user.role === 'case_manager' || user.role === 'admin';
  return (
    <section className="card stack" aria-labelledby="flat-title">
      <h2 id="flat-title">
        {flat.data.name} – {flat.data.address}
      </h2>
      <OccupancyBoard flat={flat.data} />
      <StaysTable flat={flat.data} canChange={placesStaff} />
      {user.role === 'case_manager' && <ProposeStay flatId={id} />}
      {user.role === 'cooperative' && <FlatWork flatId={id} />}
    </section>
  );
}

export function FlatsPage() {
  const districts = useDistricts();
  const [districtId, setDistrictId] = useState<number | undefined>();
  const [open, setOpen] = useState<number | undefined>();
  const list = useFlats(districtId);
  const districtName = new Map(districts.data?.map((d) => [d.id, d.name]));
  const flatColumns: Column<FlatsReply['items'][number]>[] = [
    { head: t.name, cell: (flat) => flat.name, names: true },
    { head: t.district, cell: (flat) => districtName.get(flat.districtId) ?? '' },
    { head: t.address, cell: (flat) => flat.address },
    { head: t.places, cell: (flat) => flat.places, num: true },
    { head: t.occupied, cell: (flat) => flat.occupiedToday, num: true },
    { head: t.free, cell: (flat) => flat.freeToday, num: true },
    {
      head: t.open,
      hiddenHead: true,
      cell: (flat) => (
        <button type="button" className="secondary" aria-pressed={open === flat.id} onClick={() => setOpen(flat.id)}>
          {t.open} {flat.name}
        </button>
      ),
    },
  ];
  return (
    <>
      <div className="page-head">
        <h1>{t.title}</h1>
      </div>
      <p className="hint">{t.help}</p>
      <div className="card row">
        <DistrictFilter value={districtId} onChange={setDistrictId} />
      </div>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <Empty />
      ) : (
        <ReportTable label={t.title} columns={flatColumns} rows={list.data} rowKey={(flat) => flat.id} />
      )}
      {open !== undefined && <FlatPanel id={open} />}
    </>
  );
}
