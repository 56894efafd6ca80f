import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import { cooperatives, lots, services } from '../../test/fixtures.ts';
import { emptyPtriValues } from './formModel.ts';
import { PtriForm } from './PtriForm.tsx';

function fieldError(label: string): string | null {
  const control = screen.getAllByLabelText(label)[0];
  const id = control?.getAttribute('aria-describedby');
  return id ? (document.getElementById(id)?.textContent ?? null) : null;
}

async function fillValidProject(user: ReturnType<typeof userEvent.setup>) {
  await user.selectOptions(screen.getByLabelText('Lotto'), '1');
  await user.type(screen.getByLabelText('Data di inizio'), '2025-01-01');
  await user.type(screen.getByLabelText('Data di fine'), '2025-12-31');
  await user.selectOptions(screen.getByLabelText('Intensità'), 'medium');
  await user.type(screen.getByLabelText('Obiettivo (Casa/Habitat sociale)'), 'Trovare una casa');
  await user.type(screen.getByLabelText('Obiettivo (Affettività/Socialità)'), 'Frequentare un gruppo');
  await user.type(screen.getByLabelText('Obiettivo (Formazione/Lavoro)'), 'Tirocinio');
}

function renderForm(onCreate = vi.fn(async () => undefined), offered = lots) {
  // The budget lines' resource picker searches the catalogue through the query client.
  render(
    <QueryClientProvider client={new QueryClient()}>
      <PtriForm
        mode="create"
        initial={emptyPtriValues(3, 4)}
        personLabel="Rossi Mario"
        services={services}
        lots={offered}
        cooperatives={cooperatives}
        canChooseService={false}
        onCreate={onCreate}
      />
    </QueryClientProvider>,
  );
  return onCreate;
}

describe('PTRI form', () => {
  it('shows the shared zod schema error next to the field and does not send', async () => {
    const user = userEvent.setup();
    const onCreate = renderForm();
    await fillValidProject(user);
    await user.clear(screen.getByLabelText('Obiettivo (Affettività/Socialità)'));
    await user.clear(screen.getByLabelText('Data di fine'));
    await user.type(screen.getByLabelText('Data di fine'), '2024-06-30');
    await user.click(screen.getByRole('button', { name: 'Salva' }));

    await waitFor(() => expect(fieldError('Obiettivo (Affettività/Socialità)')).toBe('non può essere vuoto'));
    expect(onCreate).not.toHaveBeenCalled();
    expect(fieldError('Data di fine')).toBe('la data di fine precede quella di inizio');
    expect(fieldError('Obiettivo (Casa/Habitat sociale)')).toBeNull();
  });

  it('shows the server field errors next to the fields they name', async () => {
    const user = userEvent.setup();
    const onCreate = renderForm(
      vi.fn(async () => {
        throw new ApiError({
          type: 'about:blank',
          title: 'Dati non validi',
          status: 400,
          errors: [
            { path: 'goals.2.description', message: 'obiettivo già presente in un altro progetto' },
            { path: 'lotId', message: 'il lotto non serve questo servizio' },
          ],
        });
      }),
    );
    await fillValidProject(user);
    await user.click(screen.getByRole('button', { name: 'Salva' }));

    await waitFor(() => expect(fieldError('Obiettivo (Formazione/Lavoro)')).toBe('obiettivo già presente in un altro progetto'));
    expect(onCreate).toHaveBeenCalledTimes(1);
    expect(fieldError('Lotto')).toBe('il lotto non serve questo servizio');
    expect(fieldError('Obiettivo (Casa/Habitat sociale)')).toBeNull();
  });

  it('sends the body the shared schema accepts, with budget lines grouped by axis', async () => {
    const user = userEvent.setup();
    const onCreate = renderForm();
    await fillValidProject(user);
    await user.click(screen.getByRole('button', { name: 'Aggiungi risorsa – Formazione/Lavoro' }));
    await user.type(screen.getByLabelText('Risorsa'), 'Borsa lavoro');
    await user.type(screen.getByLabelText('Importo €'), '1200,50');
    await user.click(screen.getByRole('button', { name: 'Salva' }));

    expect(onCreate).toHaveBeenCalledWith(
      expect.objectContaining({
        personId: 3,
        serviceId: 4,
        lotId: 1,
        intensity: 'medium',
        budget: { work: [{ source: 'ausl', description: 'Borsa lavoro', hours: null, amount: 1200.5 }] },
      }),
    );
  });

  it("offers only the lots that serve the service's kind", () => {
    const serdpLot = { ...lots[0]!, id: 2, number: 2, title: 'Dipendenze', serviceKinds: ['SerDP' as const] };
    renderForm(undefined, [...lots, serdpLot]);
    const offered = [...(screen.getByLabelText('Lotto') as HTMLSelectElement).options].map((option) => option.value);
    expect(offered).toEqual(['', '1']);
  });
});

describe('euros and hours typed the Italian way', () => {
  async function addWorkLine(user: ReturnType<typeof userEvent.setup>, amount: string) {
    await user.click(screen.getByRole('button', { name: 'Aggiungi risorsa – Formazione/Lavoro' }));
    const index = screen.getAllByLabelText('Risorsa').length - 1;
    await user.click(screen.getAllByLabelText('Risorsa')[index] as HTMLElement);
    await user.paste(`Riga ${amount}`);
    await user.click(screen.getAllByLabelText('Importo €')[index] as HTMLElement);
    await user.paste(amount);
  }

  it('reads thousands dots, decimal commas and plain numbers as the amounts meant', async () => {
    const user = userEvent.setup({ delay: null });
    const onCreate = renderForm();
    await fillValidProject(user);
    for (const amount of ['2.120', '3.180,00', '1.500,50', '2120', '2120.5']) await addWorkLine(user, amount);
    await user.type(screen.getAllByLabelText('Ore')[0] as HTMLElement, '1.234,5');
    await user.click(screen.getByRole('button', { name: 'Salva' }));

    await waitFor(() => expect(onCreate).toHaveBeenCalledTimes(1));
    const body = (onCreate.mock.calls as unknown[][])[0]?.[0] as { budget: { work: { amount: number; hours: number | null }[] } };
    expect(body.budget.work.map((line) => line.amount)).toEqual([2120, 3180, 1500.5, 2120, 2120.5]);
    expect(body.budget.work[0]?.hours).toBe(1234.5);
  });

  it('writes each amount back the Italian way when the box is left', async () => {
    const user = userEvent.setup({ delay: null });
    renderForm();
    await addWorkLine(user, '2120.5');
    await user.tab();
    expect(screen.getByLabelText('Importo €')).toHaveProperty('value', '2.120,50');
    expect(screen.getByRole('group', { name: /Formazione\/Lavoro – totale/ }).textContent).toMatch(/2\.120,50\s€/);
  });

  it('refuses an ambiguous number on its own field, and forgets the refusal once it is corrected', async () => {
    const user = userEvent.setup({ delay: null });
    const onCreate = renderForm();
    await fillValidProject(user);
    await addWorkLine(user, '2.1205');
    await user.click(screen.getByRole('button', { name: 'Salva' }));

    await waitFor(() => expect(fieldError('Importo €')).toMatch(/^numero non valido: scrivere ad esempio 1\.500,50/));
    expect(onCreate).not.toHaveBeenCalled();
    expect(screen.queryByText('Input non valido')).toBeNull();

    await user.clear(screen.getByLabelText('Importo €'));
    await user.type(screen.getByLabelText('Importo €'), '2.120,50');
    await vi.waitFor(() => expect(fieldError('Importo €')).toBeNull());
    expect(screen.queryByText('Correggere i campi evidenziati.')).toBeNull();
  });

  it('shows every error of the form at once, each on its field', async () => {
    const user = userEvent.setup({ delay: null });
    const onCreate = renderForm();
    await user.click(screen.getByRole('button', { name: 'Aggiungi risorsa – Casa/Habitat sociale' }));
    await user.type(screen.getByLabelText('Importo €'), '12,345');
    await user.click(screen.getByRole('button', { name: 'Salva' }));

    await waitFor(() => expect(fieldError('Lotto')).not.toBeNull());
    expect(onCreate).not.toHaveBeenCalled();
    for (const label of [
      'Lotto',
      'Data di inizio',
      'Data di fine',
      'Intensità',
      'Obiettivo (Casa/Habitat sociale)',
      'Risorsa',
      'Importo €',
    ]) {
      expect(fieldError(label), label).not.toBeNull();
    }
    expect(screen.getByLabelText('Data di inizio').getAttribute('aria-required')).toBe('true');
  });
});
