import type { Intervention, Me, PtriSummary, TokenPair } from '@bds/shared';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '../../api/session.ts';
import { AuthProvider } from '../../auth/AuthProvider.tsx';
import { currentMonth } from '../../components/format.ts';
import { json, mockFetch } from '../../test/fetchMock.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { InterventionsPage } from './InterventionsPage.tsx';

const coop: Me = { id: 5, username: 'coop', displayName: 'Operatore', role: 'cooperative', serviceId: null, cooperativeId: 3, districtId: null, mustChangePassword: false };
const pair: TokenPair = { accessToken: 'access', refreshToken: 'refresh', expiresIn: 900, user: coop };
const month = currentMonth();

const project = (id: number): PtriSummary => ({
  id, personId: 1000 + id, personName: `Persona ${id}`, serviceId: 4, lotId: 1, caseManagerId: null, status: 'active', intensity: 'medium', expired: false,
  startDate: '2026-01-01', endDate: '2027-12-31', nextReviewDate: null, version: 1, updatedAt: '2026-01-01T00:00:00Z',
});
const firstPage = Array.from({ length: 50 }, (_, i) => project(i + 1));
const secondPage = [project(51), project(52)];
const recorded: Intervention = {
  id: 9, ptriId: 52, cooperativeId: 3, lotId: 1, serviceId: 4, date: `${month}-01`, month, axis: 'habitat', activityId: 1, activity: 'Accompagnamento',
  hours: 2, amount: 50, operatorRole: 'Educatore', notes: null, uploadId: null, createdAt: `${month}-01T10:00:00Z`, editable: true,
};

describe("the cooperative's month", () => {
  it('offers every active project, not only the first page, and names the person of each recorded row', async () => {
    sessionStore.signedIn(pair);
    const calls = mockFetch((call) => {
      const url = new URL(call.url, 'http://app');
      if (url.pathname === '/api/me') return json(200, coop);
      if (url.pathname === '/api/activities') return json(200, []);
      if (url.pathname === '/api/interventions') return json(200, { items: [recorded], nextCursor: null });
      if (url.pathname === '/api/ptris' && url.searchParams.get('status') === 'active') {
        return url.searchParams.get('cursor') === 'page-2'
          ? json(200, { items: secondPage, nextCursor: null })
          : json(200, { items: firstPage, nextCursor: 'page-2' });
      }
      return undefined;
    });
    renderWithProviders(<AuthProvider><InterventionsPage /></AuthProvider>);

    const picker = screen.getByLabelText('Progetto 1');
    await within(picker).findByRole('option', { name: /Persona 52/ });
    expect(within(picker).getAllByRole('option')).toHaveLength(1 + 52);
    expect(calls.filter((c) => c.url.startsWith('/api/ptris'))).toHaveLength(2);
    const table = screen.getAllByRole('table')[0]!;
    expect(within(table).getByText('Persona 52')).toBeTruthy();
  });
});
