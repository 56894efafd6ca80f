import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { cooperatives, lots, ptri, services } from '../../test/fixtures.ts';
import { json, mockFetch, problem } from '../../test/fetchMock.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { PtriEditor } from './PtriEditor.tsx';

const newer = { ...ptri, version: 4, intensity: 'high' as const, endDate: '2026-06-30' };

describe('editing a PTRI', () => {
  it('sends If-Match and, on 409, shows what another user changed and reloads the form from it', async () => {
    const user = userEvent.setup();
    const calls = mockFetch((call) => {
      if (call.method === 'PATCH')
        return call.headers['if-match'] === '"4"' ? json(200, { ...newer, version: 5 }) : problem(409, 'Versione non aggiornata');
      if (call.url === '/api/ptris/12') return json(200, newer);
      return undefined;
    });
    const onSaved = vi.fn();
    renderWithProviders(<PtriEditor ptri={ptri} services={services} lots={lots} cooperatives={cooperatives} onSaved={onSaved} />);

    await user.type(screen.getByLabelText('Note'), 'nota');
    await user.click(screen.getByRole('button', { name: 'Salva' }));

    const dialog = await screen.findByRole('alertdialog', { name: 'Il progetto è stato modificato da un altro utente' });
    await waitFor(() => expect(dialog.textContent).toContain('Intensità'));
    expect(dialog.textContent).toContain('prima: Media');
    expect(dialog.textContent).toContain('ora: Alta');
    expect(dialog.textContent).toContain('Data di fine');
    expect(calls[0]?.headers['if-match']).toBe('"3"');
    expect(onSaved).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Ricarica' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect((screen.getByLabelText('Intensità') as HTMLSelectElement).value).toBe('high');

    await user.click(screen.getByRole('button', { name: 'Salva' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(calls.filter((c) => c.method === 'PATCH').at(-1)?.headers['if-match']).toBe('"4"');
  });
});
