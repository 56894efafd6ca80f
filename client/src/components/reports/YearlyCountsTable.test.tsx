import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { YearlyCountsTable } from './YearlyCountsTable.tsx';

describe('yearly counts table', () => {
  it('renders one row per service with NR_UT and the lot total, as in the published table', () => {
    render(
      <YearlyCountsTable
        counts={{
          year: 2025,
          lot: 1,
          throughDate: '2025-12-31',
          total: 704,
          rows: [
            { serviceId: 4, serviceCode: 'CSM-NAVILE', serviceName: 'CSM Navile', users: 52 },
            { serviceId: 1, serviceCode: 'CSM-BORGO-RENO', serviceName: 'CSM Borgo Reno', users: 61 },
          ],
        }}
      />,
    );
    const table = screen.getByRole('table');
    expect(within(table).getByRole('columnheader', { name: 'Servizio' })).toBeTruthy();
    expect(within(table).getByRole('columnheader', { name: 'NR_UT' })).toBeTruthy();
    const rows = within(table).getAllByRole('row');
    // header, two services (sorted by name), total
    expect(rows.map((row) => row.textContent)).toEqual(['ServizioNR_UT', 'CSM Borgo Reno61', 'CSM Navile52', 'Totale n. utenti704']);
  });

  it('says so when the year has no users', () => {
    render(<YearlyCountsTable counts={{ year: 2022, lot: 1, throughDate: '2022-12-31', total: 0, rows: [] }} />);
    expect(screen.getByText('Nessun elemento da mostrare.')).toBeTruthy();
  });
});
