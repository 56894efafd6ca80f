import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CreateEvaluationBody } from '@bds/shared';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors.ts';
import { EvaluationForm } from './EvaluationForm.tsx';

describe('the final evaluation', () => {
  it('asks for the outcome on each axis and sends it with the evaluation', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn<(body: CreateEvaluationBody) => Promise<unknown>>().mockResolvedValue(undefined);
    render(<EvaluationForm defaultKind="review" onSubmit={onSubmit} />);
    expect(screen.queryByText('Esito per asse')).toBeNull();

    await user.selectOptions(screen.getByLabelText('Tipo'), 'final');
    expect(screen.getByText('Esito per asse')).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Esito'), 'approved');
    await user.selectOptions(screen.getByLabelText('Casa/Habitat sociale'), 'achieved');
    await user.selectOptions(screen.getByLabelText('Formazione/Lavoro'), 'not_achieved');
    await user.type(screen.getByLabelText('Nome 1'), 'Dott.ssa Bianchi');
    await user.type(screen.getByLabelText('Ruolo'), 'psichiatra');
    await user.click(screen.getByLabelText('Registra HoNOS'));
    await user.click(screen.getByRole('button', { name: 'Salva' }));

    await vi.waitFor(() => expect(onSubmit).toHaveBeenCalledOnce());
    expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({ kind: 'final', goalOutcomes: { habitat: 'achieved', work: 'not_achieved' } });
  });
});

describe('a review', () => {
  it('sends the status of each goal the UVM changed, by its id, and not the others', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn<(body: CreateEvaluationBody) => Promise<unknown>>().mockResolvedValue(undefined);
    const goals = [
      { id: 7, axis: 'habitat', description: 'Alloggio in coabitazione', status: 'open' },
      { id: 9, axis: 'work', description: 'Tirocinio', status: 'open' },
    ] as const;
    render(<EvaluationForm defaultKind="review" goals={goals} onSubmit={onSubmit} />);
    expect(screen.getByText('Stato degli obiettivi')).toBeTruthy();

    await user.selectOptions(screen.getByLabelText('Casa/Habitat sociale: Alloggio in coabitazione'), 'partly_achieved');
    await user.selectOptions(screen.getByLabelText('Esito'), 'approved');
    await user.type(screen.getByLabelText('Nome 1'), 'Dott.ssa Bianchi');
    await user.type(screen.getByLabelText('Ruolo'), 'psichiatra');
    await user.click(screen.getByLabelText('Registra HoNOS'));
    await user.click(screen.getByRole('button', { name: 'Salva' }));

    await vi.waitFor(() => expect(onSubmit).toHaveBeenCalledOnce());
    expect(onSubmit.mock.calls[0]?.[0].goals).toEqual([{ id: 7, status: 'partly_achieved' }]);
  });

  it('offers no goal statuses at an initial evaluation', () => {
    render(
      <EvaluationForm
        defaultKind="initial"
        goals={[{ id: 7, axis: 'habitat', description: 'Alloggio', status: 'open' }]}
        onSubmit={vi.fn()}
      />,
    );
    expect(screen.queryByText('Stato degli obiettivi')).toBeNull();
  });
});

describe('a refused evaluation', () => {
  it('shows the reason beside the field it concerns, without repeating it above the button', async () => {
    const user = userEvent.setup();
    const refusal = new ApiError({
      type: 'about:blank',
      status: 400,
      title: 'Dati non validi',
      detail: 'date: la data non può essere nel futuro',
      errors: [{ path: 'date', message: 'la data non può essere nel futuro' }],
    });
    render(<EvaluationForm defaultKind="review" onSubmit={() => Promise.reject(refusal)} />);
    await user.selectOptions(screen.getByLabelText('Esito'), 'approved');
    await user.type(screen.getByLabelText('Nome 1'), 'Dott.ssa Bianchi');
    await user.type(screen.getByLabelText('Ruolo'), 'psichiatra');
    await user.click(screen.getByLabelText('Registra HoNOS'));
    await user.click(screen.getByRole('button', { name: 'Salva' }));

    expect(await screen.findByText('la data non può essere nel futuro')).toBeTruthy();
    expect(screen.getByText('Correggere i campi evidenziati.')).toBeTruthy();
    expect(screen.queryByText(/Dati non validi/)).toBeNull();
  });
});

describe('an incomplete evaluation', () => {
  it('shows every error at once on its field, sends nothing, and drops each error once its field is fixed', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn<(body: CreateEvaluationBody) => Promise<unknown>>().mockResolvedValue(undefined);
    render(<EvaluationForm defaultKind="review" onSubmit={onSubmit} />);
    const message = (label: string) =>
      document.getElementById(screen.getByLabelText(label).getAttribute('aria-describedby') ?? '')?.textContent ?? null;
    await user.click(screen.getByLabelText('Registra HoNOS'));
    await user.click(screen.getByRole('button', { name: 'Salva' }));

    expect(await screen.findByText('Correggere i campi evidenziati.')).toBeTruthy();
    expect(message('Esito')).not.toBeNull();
    expect(message('Nome 1')).not.toBeNull();
    expect(message('Ruolo')).not.toBeNull();
    expect(onSubmit).not.toHaveBeenCalled();

    await user.type(screen.getByLabelText('Nome 1'), 'Dott.ssa Bianchi');
    await vi.waitFor(() => expect(message('Nome 1')).toBeNull());
    expect(message('Esito')).not.toBeNull();
    await user.selectOptions(screen.getByLabelText('Esito'), 'approved');
    await vi.waitFor(() => expect(message('Esito')).toBeNull());
  });
});

describe('a social worker at the UVM', () => {
  it('ties a member of the social services to the account picked from the district, and no other member', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn<(body: CreateEvaluationBody) => Promise<unknown>>().mockResolvedValue(undefined);
    const socialWorkers = [
      { id: 41, name: 'Sara Sociale' },
      { id: 42, name: 'Marco Servizi' },
    ];
    render(<EvaluationForm defaultKind="review" socialWorkers={socialWorkers} onSubmit={onSubmit} />);
    expect(screen.queryByLabelText('Account dell’assistente sociale')).toBeNull();

    await user.type(screen.getByLabelText('Nome 1'), 'Dott.ssa Bianchi');
    await user.type(screen.getByLabelText('Ruolo'), 'psichiatra');
    await user.click(screen.getByRole('button', { name: 'Aggiungi partecipante' }));
    await user.selectOptions(screen.getAllByLabelText('Ente')[1]!, 'social_services');
    await user.selectOptions(screen.getByLabelText('Account dell’assistente sociale'), '42');
    expect((screen.getByLabelText('Nome 2') as HTMLInputElement).value).toBe('Marco Servizi');
    await user.type(screen.getAllByLabelText('Ruolo')[1]!, 'assistente sociale');
    await user.selectOptions(screen.getByLabelText('Esito'), 'approved');
    await user.click(screen.getByLabelText('Registra HoNOS'));
    await user.click(screen.getByRole('button', { name: 'Salva' }));

    await vi.waitFor(() => expect(onSubmit).toHaveBeenCalledOnce());
    expect(onSubmit.mock.calls[0]?.[0].members).toEqual([
      { name: 'Dott.ssa Bianchi', role: 'psichiatra', organisation: 'health_service' },
      { name: 'Marco Servizi', role: 'assistente sociale', organisation: 'social_services', userId: 42 },
    ]);
  });
});
