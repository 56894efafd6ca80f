import type { MonthlyReport } from '@bds/shared';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { cooperatives } from '../../test/fixtures.ts';
import { json, mockFetch } from '../../test/fetchMock.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { MonthReviewsPage } from './MonthReviewsPage.tsx';

const year = new Date().getFullYear();
const month = `${year}-03`;
const totals = { interventions: 4, hours: 9.5, amount: 251.75 };
const submitted: MonthlyReport = {
  cooperativeId: 1,
  month,
  status: 'submitted',
  submittedAt: `${month}-31T10:00:00Z`,
  submittedBy: 9,
  note: null,
  totals,
  parts: [{ serviceId: 4, serviceName: 'CSM Navile', status: 'submitted', reviewedAt: null, reviewedBy: null, note: null, totals }],
};
const open = (m: string): MonthlyReport => ({ ...submitted, month: m, status: 'open', submittedAt: null, parts: [] });

describe('months to validate', () => {
  it('lists the submitted month of the service and returns it only with a note', async () => {
    const calls = mockFetch((call) => {
      if (call.url.startsWith('/api/cooperatives?')) return json(200, cooperatives);
      if (call.url.startsWith('/api/cooperatives/1/reports?')) return json(200, { cooperativeId: 1, year, months: [open(`${year}-01`), submitted] });
      if (call.url === `/api/cooperatives/1/reports/${month}/review`) return json(200, { ...submitted, status: 'returned' });
      return undefined;
    });
    const user = userEvent.setup();
    renderWithProviders(<MonthReviewsPage />);

    const card = await screen.findByRole('article', { name: `Coop. Soc. Il Faro (demo) – ${month}` });
    expect(within(card).getByText('9,5')).toBeTruthy();
    const form = within(card).getByRole('group');

    await user.click(within(form).getByRole('button', { name: 'Restituisci' }));
    expect(within(form).getByText('la nota è obbligatoria per restituire il mese')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    await user.type(within(form).getByLabelText('Nota per la cooperativa'), 'Mancano le firme del 12');
    await user.click(within(form).getByRole('button', { name: 'Restituisci' }));
    expect(await screen.findByText(`Mese ${month} di Coop. Soc. Il Faro (demo) restituito con la nota.`)).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ decision: 'returned', note: 'Mancano le firme del 12' });
  });
});
