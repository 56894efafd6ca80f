import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '../../test/fetchMock.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { PersonCreatePage } from './PersonCreatePage.tsx';

describe('registering a person', () => {
  it('names every field left empty in plain Italian and sends nothing', async () => {
    const calls = mockFetch((call) => (call.url.startsWith('/api/districts') ? json(200, [{ id: 1, code: 'BO', name: 'Città di Bologna' }]) : undefined));
    const user = userEvent.setup();
    renderWithProviders(<PersonCreatePage />);
    await screen.findByRole('option', { name: 'Città di Bologna' });
    await user.type(screen.getByLabelText('Codice fiscale'), 'RSSMRA80A01H501X');
    await user.click(screen.getByRole('button', { name: 'Salva' }));

    const message = (label: string) => document.getElementById(screen.getByLabelText(label).getAttribute('aria-describedby') ?? '')?.textContent;
    expect(message('Codice fiscale')).toBe('carattere di controllo del codice fiscale errato');
    expect(message('Sesso')).toBe('campo obbligatorio');
    expect(message('Distretto di residenza')).toBe('campo obbligatorio');
    expect(document.body.textContent).not.toMatch(/atteso|ricevuto|Troppo piccolo/);
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });
});
