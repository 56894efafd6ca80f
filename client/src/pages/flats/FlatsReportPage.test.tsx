import type { FlatsReport, FlatsReportRow } from '@bds/shared';
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '../../test/fetchMock.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { FlatsReportPage } from './FlatsReportPage.tsx';

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
    const calls = mockFetch((call) => {
      if (call.url.startsWith('/api/reports/flats')) {
        return new URL(call.url, 'http://app').searchParams.get('cursor') === 'next'
          ? json(200, reply([row(2, 'Casa Borgo')], null))
          : json(200, reply([row(1, 'Casa Arcobaleno')], 'next'));
      }
      return undefined;
    });
    renderWithProviders(<FlatsReportPage />);

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
