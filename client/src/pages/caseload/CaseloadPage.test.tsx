import type { Me, TokenPair } from '@bds/shared';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../../api/session.ts';
import { AuthProvider } from '../../auth/AuthProvider.tsx';
import { json, mockFetch } from '../../test/fetchMock.ts';
import { CaseloadPage } from './CaseloadPage.tsx';

const manager: Me = {
  id: 2,
  username: 'manager',
  displayName: 'Direzione',
  role: 'manager',
  serviceId: null,
  cooperativeId: null,
  districtId: null,
  mustChangePassword: false,
};
const pair: TokenPair = { accessToken: 'access', refreshToken: 'refresh', expiresIn: 900, user: manager };

describe('the project list’s filters in the address', () => {
  it('reads them with the list route’s own fields: a value the route would refuse filters nothing', async () => {
    sessionStore.signedIn(pair);
    const calls = mockFetch((call) => {
      if (call.url === '/api/me') return json(200, manager);
      if (call.url.startsWith('/api/ptris/count')) return json(200, { total: 0, capped: false });
      if (call.url.startsWith('/api/ptris')) return json(200, { items: [], nextCursor: null });
      if (call.url.startsWith('/api/services')) return json(200, []);
      return undefined;
    });
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <MemoryRouter initialEntries={['/progetti?status=archiviato&axis=work&reviewOverdue=true']}>
          <AuthProvider>
            <CaseloadPage />
          </AuthProvider>
        </MemoryRouter>
      </QueryClientProvider>,
    );

    await vi.waitFor(() => expect(calls.some((c) => c.url.startsWith('/api/ptris?'))).toBe(true));
    const list = new URL(calls.find((c) => c.url.startsWith('/api/ptris?'))!.url, 'http://app');
    expect(list.searchParams.get('axis')).toBe('work');
    expect(list.searchParams.get('reviewOverdue')).toBe('true');
    expect(list.searchParams.has('status')).toBe(false);
    expect((screen.getByLabelText('Stato') as HTMLSelectElement).value).toBe('');
    expect((screen.getByLabelText('Asse con obiettivi aperti') as HTMLSelectElement).value).toBe('work');
  });
});
