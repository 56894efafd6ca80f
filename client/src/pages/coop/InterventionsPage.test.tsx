import type { Intervention, Me, MonthlyReport, MonthStatus, PtriSummary, TokenPair } from '@bds/shared';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../../api/session.ts';
import { AuthProvider } from '../../auth/AuthProvider.tsx';
import { currentMonth } from '../../components/format.ts';
import { json, mockFetch, type RecordedCall } from '../../test/fetchMock.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { InterventionsPage } from './InterventionsPage.tsx';

const coop: Me = {
  id: 5,
  username: 'coop',
  displayName: 'Operatore',
  role: 'cooperative',
  serviceId: null,
  cooperativeId: 3,
  districtId: null,
  mustChangePassword: false,
};
const pair: TokenPair = { accessToken: 'access', refreshToken: 'refresh', expiresIn: 900, user: coop };
const month = currentMonth();

const project = (id: number): PtriSummary => ({
  id,
  personId: 1000 + id,
  personName: `Persona ${id}`,
  serviceId: 4,
  lotId: 1,
  caseManagerId: null,
  status: 'active',
  intensity: 'medium',
  expired: false,
  startDate: '2026-01-01',
  endDate: '2027-12-31',
  nextReviewDate: null,
  version: 1,
  updatedAt: '2026-01-01T00:00:00Z',
});
const firstPage = Array.from({ length: 50 }, (_, i) => project(i + 1));
const secondPage = [project(51), project(52)];
const recorded: Intervention = {
  id: 9,
  ptriId: 52,
  cooperativeId: 3,
  lotId: 1,
  serviceId: 4,
  date: `${month}-01`,
  month,
  axis: 'habitat',
  activityId: 1,
  activity: 'Accompagnamento',
  hours: 2,
  amount: 50,
  operatorRole: 'Educatore',
  notes: null,
  uploadId: null,
  createdAt: `${month}-01T10:00:00Z`,
  editable: true,
};

const monthOf = (status: MonthStatus): MonthlyReport => ({
  cooperativeId: 3,
  month,
  status,
  submittedAt: status === 'open' ? null : `${month}-02T09:00:00Z`,
  submittedBy: status === 'open' ? null : 5,
  note: null,
  totals: { interventions: 1, hours: 2, amount: 50 },
  parts: [],
});

/** The month page of a cooperative whose month has `status`, its recorded row editable as the API says. */
function renderMonth(status: MonthStatus, answer: (call: RecordedCall) => Response | undefined = () => undefined) {
  sessionStore.signedIn(pair);
  const calls = mockFetch((call) => {
    const url = new URL(call.url, 'http://app');
    const given = answer(call);
    if (given) return given;
    if (url.pathname === '/api/me') return json(200, coop);
    if (url.pathname === '/api/activities') return json(200, [{ id: 1, axis: 'habitat', label: 'Accompagnamento', active: true }]);
    if (url.pathname === '/api/interventions')
      return json(200, { items: [{ ...recorded, editable: status === 'open' || status === 'returned' }], nextCursor: null });
    if (url.pathname === '/api/ptris') return json(200, { items: secondPage, nextCursor: null });
    if (url.pathname === '/api/cooperatives/3/reports')
      return json(200, { cooperativeId: 3, year: Number(month.slice(0, 4)), months: [monthOf(status)] });
    return undefined;
  });
  renderWithProviders(
    <AuthProvider>
      <InterventionsPage />
    </AuthProvider>,
  );
  return calls;
}

afterEach(() => vi.unstubAllGlobals());

describe("the cooperative's month", () => {
  it('offers every active project, not only the first page, and names the person of each recorded row', async () => {
    sessionStore.signedIn(pair);
    const calls = mockFetch((call) => {
      const url = new URL(call.url, 'http://app');
      if (url.pathname === '/api/me') return json(200, coop);
      if (url.pathname === '/api/activities') return json(200, []);
      if (url.pathname === '/api/interventions') return json(200, { items: [recorded], nextCursor: null });
      if (url.pathname === '/api/cooperatives/3/reports')
        return json(200, { cooperativeId: 3, year: Number(month.slice(0, 4)), months: [monthOf('open')] });
      if (url.pathname === '/api/ptris' && url.searchParams.get('status') === 'active') {
        return url.searchParams.get('cursor') === 'page-2'
          ? json(200, { items: secondPage, nextCursor: null })
          : json(200, { items: firstPage, nextCursor: 'page-2' });
      }
      return undefined;
    });
    renderWithProviders(
      <AuthProvider>
        <InterventionsPage />
      </AuthProvider>,
    );

    const picker = await screen.findByLabelText('Progetto 1');
    await within(picker).findByRole('option', { name: /Persona 52/ });
    expect(within(picker).getAllByRole('option')).toHaveLength(1 + 52);
    expect(calls.filter((c) => c.url.startsWith('/api/ptris'))).toHaveLength(2);
    const table = screen.getAllByRole('table')[0]!;
    expect(within(table).getByText('Persona 52')).toBeTruthy();
  });

  it('corrects a recorded intervention of an open month, hours typed the Italian way, and deletes one', async () => {
    const calls = renderMonth('open', (call) => {
      if (call.method === 'PATCH') return json(200, { ...recorded, hours: 1.5 });
      if (call.method === 'DELETE') return new Response(null, { status: 204 });
      return undefined;
    });
    vi.stubGlobal('confirm', () => true);
    const user = userEvent.setup({ delay: null });
    const edit = await screen.findByRole('button', { name: /^Modifica l’intervento del/ });
    await user.click(edit);
    const dialog = screen.getByRole('dialog', { name: 'Modifica intervento' });
    await user.clear(within(dialog).getByLabelText('Ore'));
    await user.type(within(dialog).getByLabelText('Ore'), '1,5');
    await user.click(within(dialog).getByRole('button', { name: 'Salva' }));

    await vi.waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const patch = calls.find((c) => c.method === 'PATCH');
    expect(patch?.url).toBe('/api/interventions/9');
    expect(patch?.body).toEqual({
      date: recorded.date,
      axis: 'habitat',
      activity: 'Accompagnamento',
      hours: 1.5,
      operatorRole: 'Educatore',
      notes: null,
    });

    await user.click(screen.getByRole('button', { name: /^Elimina l’intervento del/ }));
    await vi.waitFor(() => expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.url)).toEqual(['/api/interventions/9']));
  });

  it('refuses a correction with unreadable hours and an empty role on both fields at once, and sends nothing', async () => {
    const calls = renderMonth('open', () => undefined);
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole('button', { name: /^Modifica l’intervento del/ }));
    const dialog = screen.getByRole('dialog', { name: 'Modifica intervento' });
    const describedBy = (label: string) =>
      document.getElementById(within(dialog).getByLabelText(label).getAttribute('aria-describedby') ?? '')?.textContent ?? null;
    await user.clear(within(dialog).getByLabelText('Ore'));
    await user.type(within(dialog).getByLabelText('Ore'), '1,2,3');
    await user.clear(within(dialog).getByLabelText('Ruolo dell’operatore'));
    await user.click(within(dialog).getByRole('button', { name: 'Salva' }));

    await within(dialog).findByText('Correggere i campi evidenziati.');
    expect(describedBy('Ore')).not.toBeNull();
    expect(describedBy('Ruolo dell’operatore')).not.toBeNull();
    expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(0);
    await user.type(within(dialog).getByLabelText('Ruolo dell’operatore'), 'Educatore');
    await vi.waitFor(() => expect(describedBy('Ruolo dell’operatore')).toBeNull());
  });

  it.each(['submitted', 'validated'] as const)('reads as %s and offers no way to change it', async (status) => {
    renderMonth(status);
    await screen.findByText(status === 'submitted' ? /^Mese inviato il/ : /^Mese validato/);
    await screen.findByText('Accompagnamento');
    expect(screen.queryByRole('button', { name: 'Aggiungi riga' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Chiudi e invia il mese/ })).toBeNull();
    expect(screen.queryByLabelText('File CSV')).toBeNull();
    expect(screen.queryByRole('button', { name: /^Modifica/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Elimina/ })).toBeNull();
  });

  it('never calls a save of no row a success, and shows every error of every row at once', async () => {
    const calls = renderMonth('open');
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole('button', { name: 'Aggiungi riga' }));
    await user.type(screen.getByLabelText('Ore 1'), '2.5.1');
    await user.click(screen.getByRole('button', { name: 'Registra gli interventi' }));

    expect((await screen.findByRole('alert')).textContent).toBe(
      'Nessun intervento registrato. 2 righe da correggere: sono rimaste nella tabella con i loro errori.',
    );
    expect(screen.queryByText(/interventi? registrat[oi]\.$/)).toBeNull();
    const firstRow = screen.getByLabelText('Ore 1').closest('tr')!;
    expect(within(firstRow).getByText(/^numero non valido/)).toBeTruthy();
    expect(within(firstRow).getByText('campo obbligatorio')).toBeTruthy();
    expect(within(firstRow).getAllByText('non può essere vuoto')).toHaveLength(2);
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    await user.clear(screen.getByLabelText('Ore 1'));
    await user.type(screen.getByLabelText('Ore 1'), '2,5');
    await vi.waitFor(() => expect(within(firstRow).queryByText(/^numero non valido/)).toBeNull());
  });
  it('saves the good rows, keeps a bad one with its errors and the server’s refusal on its field', async () => {
    const posts: unknown[] = [];
    renderMonth('open', (call) => {
      if (call.method !== 'POST') return undefined;
      posts.push(call.body);
      // The second good row is refused by the server on its date.
      return posts.length === 1
        ? json(201, recorded)
        : new Response(
            JSON.stringify({
              type: 'about:blank',
              title: 'Dati non validi',
              status: 400,
              errors: [{ path: 'date', message: 'fuori dal progetto' }],
            }),
            { status: 400, headers: { 'content-type': 'application/problem+json' } },
          );
    });
    const user = userEvent.setup({ delay: null });
    const fill = async (n: number, hours: string) => {
      await user.selectOptions(await screen.findByLabelText(`Progetto ${n}`), 'Persona 52 (PTRI n. 52)');
      await user.selectOptions(screen.getByLabelText(`Attività ${n}`), 'Accompagnamento');
      await user.type(screen.getByLabelText(`Ore ${n}`), hours);
      await user.type(screen.getByLabelText(`Ruolo dell’operatore ${n}`), 'Educatore');
    };
    await fill(1, '1,5');
    await user.click(screen.getByRole('button', { name: 'Aggiungi riga' }));
    await user.clear(screen.getByLabelText('Ruolo dell’operatore 2'));
    await user.click(screen.getByRole('button', { name: 'Aggiungi riga' }));
    await user.clear(screen.getByLabelText('Ruolo dell’operatore 3'));
    await user.type(screen.getByLabelText('Ruolo dell’operatore 3'), 'Educatore');
    await user.selectOptions(screen.getByLabelText('Attività 3'), 'Accompagnamento');
    await user.type(screen.getByLabelText('Ore 3'), '2');
    await user.click(screen.getByRole('button', { name: 'Registra gli interventi' }));

    await screen.findByText('1 intervento registrato.');
    expect(posts).toEqual([
      { date: `${month}-01`, axis: 'habitat', activity: 'Accompagnamento', hours: 1.5, operatorRole: 'Educatore', notes: null },
      { date: `${month}-01`, axis: 'habitat', activity: 'Accompagnamento', hours: 2, operatorRole: 'Educatore', notes: null },
    ]);
    expect(screen.getByRole('alert').textContent).toBe('2 righe da correggere: sono rimaste nella tabella con i loro errori.');
    expect(screen.queryByLabelText('Progetto 3')).toBeNull();
    const [invalid, refused] = [1, 2].map((n) => screen.getByLabelText(`Ore ${n}`).closest('tr')!);
    expect(within(invalid!).getAllByText('non può essere vuoto')).toHaveLength(2);
    expect(within(refused!).getByText('fuori dal progetto')).toBeTruthy();
    await user.clear(screen.getByLabelText('Data 2'));
    await user.type(screen.getByLabelText('Data 2'), `${month}-02`);
    await vi.waitFor(() => expect(within(refused!).queryByText('fuori dal progetto')).toBeNull());
  });
});
