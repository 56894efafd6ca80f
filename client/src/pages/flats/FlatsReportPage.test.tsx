import type { FlatsReport, FlatsReportRow, Me, TokenPair } from '@bds/shared';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '../../api/session.ts';
import { AuthProvider } from '../../auth/AuthProvider.tsx';
import { json, mockFetch } from '../../test/fetchMock.ts';
import { FlatsReportPage } from './FlatsReportPage.tsx';

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

const figures = {
  placeDaysAvailable: 100,
  placeDaysOccupied: 50,
  occupancy: 0.5,
  entries: 1,
  exits: { own_home: 1 },
  averageStayDays: 10,
  flatHours: 1,
  personalHours: 1,
  hours: 2,
  amount: 48,
};
const row = (flatId: number, name: string): FlatsReportRow => ({ flatId, name, districtId: 1, places: 2, ...figures });
const reply = (rows: FlatsReportRow[], nextCursor: string | null): FlatsReport => ({
  year: 2025,
  throughDate: '2025-12-31',
  months: [],
  totals: { ...figures, entries: 2, exits: { own_home: 2, family: 5 } },
  total: 2,
  rows,
  nextCursor,
});

describe('the flats report page', () => {
  it('shows every flat’s totals from the server and the next flats on «Mostra altri»', async () => {
    sessionStore.signedIn(pair);
    const calls = mockFetch((call) => {
      if (call.url === '/api/me') return json(200, manager);
      if (call.url.startsWith('/api/reports/flats')) {
        return new URL(call.url, 'http://app').searchParams.get('cursor') === 'next'
          ? json(200, reply([row(2, 'Casa Borgo')], null))
          : json(200, reply([row(1, 'Casa Arcobaleno')], 'next'));
      }
      return undefined;
    });
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <MemoryRouter initialEntries={['/report/appartamenti']}>
          <AuthProvider>
            <FlatsReportPage />
          </AuthProvider>
        </MemoryRouter>
      </QueryClientProvider>,
    );

    await screen.findByText('Casa Arcobaleno');
    expect(screen.getByRole('status').textContent).toContain('mostrati 1');
    expect(screen.getByText('Totale (tutti gli appartamenti)')).toBeTruthy();
    // The exits chart reads the totals of every flat, not the rows on the page.
    expect(screen.getByText('5 uscite')).toBeTruthy();
    expect(screen.queryByText('Casa Borgo')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Mostra altri' }));
    await screen.findByText('Casa Borgo');
    expect(screen.getByText('Casa Arcobaleno')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Mostra altri' })).toBeNull();
    expect(
      calls.filter((c) => c.url.startsWith('/api/reports/flats')).map((c) => new URL(c.url, 'http://app').searchParams.get('cursor')),
    ).toEqual([null, 'next']);
  });
});
