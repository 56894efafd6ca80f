import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { json, mockFetch, problem } from '../../test/fetchMock.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { PersonCreatePage } from './PersonCreatePage.tsx';

const message = (label: string) =>
  document.getElementById(screen.getByLabelText(label).getAttribute('aria-describedby') ?? '')?.textContent ?? null;

function renderPage() {
  const calls = mockFetch((call) =>
    call.url.startsWith('/api/districts') ? json(200, [{ id: 1, code: 'BO', name: 'Città di Bologna' }]) : undefined,
  );
  renderWithProviders(<PersonCreatePage />);
  return calls;
}

async function fill(user: ReturnType<typeof userEvent.setup>, values: { code: string; birthDate: string; sex: 'F' | 'M' }) {
  await screen.findByRole('option', { name: 'Città di Bologna' });
  await user.type(screen.getByLabelText('Codice fiscale'), values.code);
  await user.type(screen.getByLabelText('Cognome'), 'Verdi');
  await user.type(screen.getByLabelText('Nome'), 'Luca');
  await user.type(screen.getByLabelText('Data di nascita'), values.birthDate);
  await user.selectOptions(screen.getByLabelText('Sesso'), values.sex);
  await user.selectOptions(screen.getByLabelText('Distretto di residenza'), '1');
}

describe('registering a person', () => {
  it('names every field left empty in plain Italian and sends nothing', async () => {
    const calls = mockFetch((call) =>
      call.url.startsWith('/api/districts') ? json(200, [{ id: 1, code: 'BO', name: 'Città di Bologna' }]) : undefined,
    );
    const user = userEvent.setup();
    renderWithProviders(<PersonCreatePage />);
    await screen.findByRole('option', { name: 'Città di Bologna' });
    await user.type(screen.getByLabelText('Codice fiscale'), 'RSSMRA80A01H501X');
    await user.click(screen.getByRole('button', { name: 'Salva' }));
    // The shared schema checks the form asynchronously, as the zod resolver does.
    await screen.findByText('Correggere i campi evidenziati.');

    const message = (label: string) =>
      document.getElementById(screen.getByLabelText(label).getAttribute('aria-describedby') ?? '')?.textContent;
    expect(message('Codice fiscale')).toBe('carattere di controllo del codice fiscale errato');
    expect(message('Sesso')).toBe('campo obbligatorio');
    expect(message('Distretto di residenza')).toBe('campo obbligatorio');
    expect(document.body.textContent).not.toMatch(/atteso|ricevuto|Troppo piccolo/);
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('says an empty codice fiscale is required, and marks every field as required', async () => {
    const calls = renderPage();
    const user = userEvent.setup({ delay: null });
    await screen.findByRole('option', { name: 'Città di Bologna' });
    await user.click(screen.getByRole('button', { name: 'Salva' }));
    // The shared schema checks the form asynchronously, as the zod resolver does.
    await screen.findByText('Correggere i campi evidenziati.');

    expect(message('Codice fiscale')).toBe('campo obbligatorio');
    expect(message('Data di nascita')).toBe('campo obbligatorio');
    for (const label of ['Codice fiscale', 'Cognome', 'Nome', 'Data di nascita', 'Sesso', 'Distretto di residenza']) {
      expect(screen.getByLabelText(label).getAttribute('aria-required'), label).toBe('true');
    }
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('refuses a birth date the codice fiscale contradicts on that field, and forgets it once corrected', async () => {
    const calls = renderPage();
    const user = userEvent.setup({ delay: null });
    await fill(user, { code: 'VRDLCU85C15A944R', birthDate: '1985-03-16', sex: 'M' });
    await user.click(screen.getByRole('button', { name: 'Salva' }));
    // The shared schema checks the form asynchronously, as the zod resolver does.
    await screen.findByText('Correggere i campi evidenziati.');

    expect(message('Data di nascita')).toMatch(/^non corrisponde al codice fiscale, che indica la nascita il 15\/03/);
    expect(message('Codice fiscale')).toBeNull();
    expect(message('Sesso')).toBeNull();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    await user.clear(screen.getByLabelText('Data di nascita'));
    await user.type(screen.getByLabelText('Data di nascita'), '1985-03-15');
    await vi.waitFor(() => expect(message('Data di nascita')).toBeNull());
    expect(screen.queryByText('Correggere i campi evidenziati.')).toBeNull();
  });

  it("refuses a woman's codice fiscale registered as a man on the sex", async () => {
    renderPage();
    const user = userEvent.setup({ delay: null });
    // BNCMRA75D52F205: born on 12 April 1975, a woman (day 12 + 40).
    await fill(user, { code: 'BNCMRA75D52F205W', birthDate: '1975-04-12', sex: 'M' });
    await user.click(screen.getByRole('button', { name: 'Salva' }));
    // The shared schema checks the form asynchronously, as the zod resolver does.
    await screen.findByText('Correggere i campi evidenziati.');

    expect(message('Sesso')).toBe('non corrisponde al codice fiscale, che indica il sesso femminile');
    expect(message('Data di nascita')).toBeNull();
  });

  it("puts the server's refusal on its field, says the rest above the button, and drops it once the field changes", async () => {
    mockFetch((call) => {
      if (call.url.startsWith('/api/districts')) return json(200, [{ id: 1, code: 'BO', name: 'Città di Bologna' }]);
      if (call.method === 'POST' && call.url === '/api/persons')
        return problem(400, 'Dati non validi', [
          { path: 'givenName', message: 'nome non ammesso dal server' },
          { path: 'note', message: 'campo sconosciuto' },
        ]);
      return undefined;
    });
    renderWithProviders(<PersonCreatePage />);
    const user = userEvent.setup({ delay: null });
    await fill(user, { code: 'VRDLCU85C15A944R', birthDate: '1985-03-15', sex: 'M' });
    await user.click(screen.getByRole('button', { name: 'Salva' }));

    await screen.findByText('nome non ammesso dal server');
    expect(message('Nome')).toBe('nome non ammesso dal server');
    expect(screen.getByRole('alert').textContent).toBe('campo sconosciuto');
    await user.type(screen.getByLabelText('Nome'), 'a');
    await waitFor(() => expect(message('Nome')).toBeNull());
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
