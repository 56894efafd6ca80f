import type { AuditEntry, Me, TokenPair } from '@bds/shared';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../../api/session.ts';
import { AuthProvider } from '../../auth/AuthProvider.tsx';
import { json, mockFetch } from '../../test/fetchMock.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { AuditPage } from './AuditPage.tsx';

const admin: Me = {
  id: 1,
  username: 'admin',
  displayName: 'Amministratore',
  role: 'admin',
  serviceId: null,
  cooperativeId: null,
  districtId: null,
  mustChangePassword: false,
};
const pair: TokenPair = { accessToken: 'access', refreshToken: 'refresh', expiresIn: 900, user: admin };
const entry = (over: Partial<AuditEntry>): AuditEntry => ({
  id: 1,
  at: '2026-11-28T09:30:00Z',
  userId: 7,
  username: 'casemanager',
  action: 'read',
  entity: 'ptri',
  entityId: 12,
  personId: 40,
  changes: null,
  ip: '127.0.0.1',
  ...over,
});

const rossi = {
  id: 40,
  fiscalCode: 'RSSMRA80A01A944X',
  givenName: 'Mario',
  familyName: 'Rossi',
  birthDate: '1980-01-01',
  sex: 'M',
  districtId: 1,
};

/** The access log signed in as the admin, the server's other answers from `answer`. */
function renderLog(answer: Parameters<typeof mockFetch>[0]) {
  sessionStore.signedIn(pair);
  const calls = mockFetch((call) => (call.url === '/api/me' ? json(200, admin) : answer(call)));
  renderWithProviders(
    <AuthProvider>
      <AuditPage />
    </AuthProvider>,
  );
  return calls;
}

describe('access log', () => {
  it('names actions, entities and details in Italian and filters by a person found by name', async () => {
    const calls = renderLog((call) => {
      if (call.url === '/api/audit?limit=100') {
        return json(200, {
          items: [
            entry({ changes: { status: { before: 'draft', after: 'submitted' }, ptriIds: [3, 5] } }),
            entry({ id: 2, action: 'login_failed', entity: 'user', entityId: null, personId: null, username: 'nessuno' }),
          ],
          nextCursor: null,
        });
      }
      if (call.url === '/api/persons?q=Ross&limit=50') return json(200, { items: [rossi], nextCursor: null });
      if (call.url === '/api/persons/40') return json(200, { ...rossi, projects: [] });
      if (call.url === '/api/audit?personId=40&entity=ptri&limit=100') return json(200, { items: [entry({})], nextCursor: null });
      return undefined;
    });
    const user = userEvent.setup();

    const table = await screen.findByRole('table');
    const [, first, second] = within(table).getAllByRole('row');
    expect(within(first!).getByText('Lettura')).toBeTruthy();
    expect(within(first!).getByText('Progetto (PTRI) n. 12')).toBeTruthy();
    expect(within(first!).getByText('n. 40')).toBeTruthy();
    expect(within(first!).getByText('Stato: da Bozza a Inviato in UVM')).toBeTruthy();
    expect(within(first!).getByText('Progetti mostrati: n. 3, 5')).toBeTruthy();
    expect(within(second!).getByText('Accesso non riuscito')).toBeTruthy();
    expect(within(second!).getByText('Utente')).toBeTruthy();

    await user.selectOptions(screen.getByLabelText('Oggetto'), 'Progetto (PTRI)');
    await user.type(screen.getByLabelText('Persona'), 'Ross');
    await user.click(await screen.findByRole('button', { name: 'Rossi Mario – RSSMRA80A01A944X' }));
    await screen.findByText('Rossi Mario (RSSMRA80A01A944X)');
    await user.click(screen.getByRole('button', { name: 'Applica filtri' }));
    await screen.findByText((_, node) => node?.tagName === 'TBODY' && node.childElementCount === 1);
    expect(calls.map((c) => c.url)).toContain('/api/audit?personId=40&entity=ptri&limit=100');
  });

  it('refuses filters the route would refuse, on their fields, and asks nothing', async () => {
    const calls = renderLog((call) =>
      call.url === '/api/audit?limit=100' ? json(200, { items: [entry({})], nextCursor: null }) : undefined,
    );
    const user = userEvent.setup();
    await screen.findByRole('table');
    await user.type(screen.getByLabelText('N. oggetto'), 'dodici');
    await user.type(screen.getByLabelText('Dal'), '2026-11-30');
    await user.type(screen.getByLabelText('Al'), '2026-11-01');
    await user.click(screen.getByRole('button', { name: 'Applica filtri' }));

    const describedBy = (label: string) =>
      document.getElementById(screen.getByLabelText(label).getAttribute('aria-describedby') ?? '')?.textContent;
    await vi.waitFor(() => expect(describedBy('N. oggetto')).toBeTruthy());
    // The route checks the period once its fields are readable: the number fixed, the dates are refused.
    await user.clear(screen.getByLabelText('N. oggetto'));
    await user.click(screen.getByRole('button', { name: 'Applica filtri' }));
    await vi.waitFor(() => expect(describedBy('Al')).toBe('la data finale precede quella iniziale'));
    expect(describedBy('N. oggetto')).toBeUndefined();
    expect(calls.filter((c) => c.url.startsWith('/api/audit?'))).toHaveLength(1);
  });
});
