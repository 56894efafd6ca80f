import type { Me, PtriSummary, TokenPair } from '@bds/shared';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '../../api/session.ts';
import { AuthProvider } from '../../auth/AuthProvider.tsx';
import { json, mockFetch } from '../../test/fetchMock.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { CoopProjectsPage } from './CoopProjectsPage.tsx';

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
const project: PtriSummary = {
  id: 4711,
  personId: 1001,
  personName: 'Rossi Mario',
  serviceId: 4,
  lotId: 1,
  caseManagerId: null,
  status: 'active',
  intensity: 'medium',
  startDate: '2026-01-01',
  endDate: '2027-12-31',
  nextReviewDate: null,
  expired: false,
  version: 1,
  updatedAt: '2026-01-01T00:00:00Z',
};

describe("the cooperative's projects", () => {
  it('shows the PTRI number the CSV file needs beside each person', async () => {
    sessionStore.signedIn(pair);
    mockFetch((call) => {
      const url = new URL(call.url, 'http://app');
      if (url.pathname === '/api/me') return json(200, coop);
      if (url.pathname === '/api/services') return json(200, []);
      if (url.pathname === '/api/shared-drafts') return json(200, { items: [], nextCursor: null });
      if (url.pathname === '/api/ptris') return json(200, { items: [project], nextCursor: null });
      return undefined;
    });
    renderWithProviders(
      <AuthProvider>
        <CoopProjectsPage />
      </AuthProvider>,
    );

    const row = (await screen.findByText('Rossi Mario')).closest('tr')!;
    expect(within(row).getAllByRole('cell')[0]!.textContent).toBe('4711');
    expect(screen.getByRole('columnheader', { name: 'N. PTRI' })).toBeTruthy();
  });

  it('lists the drafts shared with the cooperative, each a link to propose changes', async () => {
    sessionStore.signedIn(pair);
    const draft: PtriSummary = { ...project, id: 4712, personName: 'Bianchi Anna', status: 'draft' };
    mockFetch((call) => {
      const url = new URL(call.url, 'http://app');
      if (url.pathname === '/api/me') return json(200, coop);
      if (url.pathname === '/api/services') return json(200, []);
      if (url.pathname === '/api/shared-drafts') return json(200, { items: [draft], nextCursor: null });
      if (url.pathname === '/api/ptris') return json(200, { items: [project, draft], nextCursor: null });
      return undefined;
    });
    renderWithProviders(
      <AuthProvider>
        <CoopProjectsPage />
      </AuthProvider>,
    );

    const section = await screen.findByTestId('shared-drafts');
    expect(within(section).getByRole('heading', { name: 'Bozze condivise con la cooperativa' })).toBeTruthy();
    expect(within(section).getByRole('link', { name: 'N. PTRI 4712 – Bianchi Anna' }).getAttribute('href')).toBe('/progetti/4712');
    expect(within(section).queryByText(/Rossi Mario/)).toBeNull();
  });
});
