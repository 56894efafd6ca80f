import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CreateEvaluationBody } from '@bds/shared';
import { describe, expect, it, vi } from 'vitest';
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

    expect(onSubmit).toHaveBeenCalledOnce();
    expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({ kind: 'final', goalOutcomes: { habitat: 'achieved', work: 'not_achieved' } });
  });
});
