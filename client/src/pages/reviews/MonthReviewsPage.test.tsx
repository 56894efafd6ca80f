import type { MonthlyReport, MonthlyReportPartItem } from '@bds/shared';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '../../test/fetchMock.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { MonthReviewsPage } from './MonthReviewsPage.tsx';

const year = new Date().getFullYear();
const month = `${year}-03`;
const monthInItalian = `marzo ${year}`;
const totals = { interventions: 4, hours: 9.5, amount: 251.75 };
const submitted: MonthlyReportPartItem = {
  cooperativeId: 1,
  cooperativeName: 'Coop. Soc. Il Faro (demo)',
  month,
  kind: 'service',
  serviceId: 4,
  serviceName: 'CSM Navile',
  status: 'submitted',
  note: null,
  reviewedAt: null,
  submittedAt: `${month}-31T10:00:00Z`,
  totals,
};
const returned: MonthlyReportPartItem = {
  ...submitted,
  month: `${year}-02`,
  status: 'returned',
  note: 'Mancano le firme del 3',
  reviewedAt: `${year}-03-02T09:00:00Z`,
  totals: { interventions: 2, hours: 4.25, amount: 112.63 },
};
const reviewedReport: MonthlyReport = {
  cooperativeId: 1,
  month,
  status: 'returned',
  submittedAt: submitted.submittedAt,
  submittedBy: 9,
  note: 'Mancano le firme del 12',
  totals,
  parts: [
    {
      kind: 'service',
      serviceId: 4,
      serviceName: 'CSM Navile',
      status: 'returned',
      reviewedAt: null,
      reviewedBy: 7,
      note: 'Mancano le firme del 12',
      totals,
    },
  ],
};

describe('months to validate', () => {
  it('lists the submitted month of the service with one request and returns it only with a note', async () => {
    const calls = mockFetch((call) => {
      if (call.url === `/api/monthly-reports?year=${year}&limit=500`) return json(200, { items: [returned, submitted], nextCursor: null });
      if (call.url === `/api/cooperatives/1/reports/${month}/review`) return json(200, reviewedReport);
      return undefined;
    });
    const user = userEvent.setup();
    renderWithProviders(<MonthReviewsPage />);

    const card = await screen.findByRole('article', { name: `Coop. Soc. Il Faro (demo) – ${monthInItalian}` });
    expect(within(card).getByText('9,5')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'GET')).toHaveLength(1);
    // The month already returned is listed apart, with its note, and has no form.
    expect(screen.getAllByRole('article')).toHaveLength(1);
    const reviewed = screen.getByRole('table');
    expect(within(reviewed).getByText('Mancano le firme del 3')).toBeTruthy();
    expect(within(reviewed).getByText('4,25')).toBeTruthy();

    const form = within(card).getByRole('group');
    await user.click(within(form).getByRole('button', { name: 'Restituisci' }));
    expect(await within(form).findByText('la nota è obbligatoria per restituire il mese')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    await user.type(within(form).getByLabelText('Nota per la cooperativa'), 'Mancano le firme del 12');
    await user.click(within(form).getByRole('button', { name: 'Restituisci' }));
    expect(await screen.findByText(`Mese ${monthInItalian} di Coop. Soc. Il Faro (demo) restituito con la nota.`)).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ decision: 'returned', note: 'Mancano le firme del 12' });
  });
});
