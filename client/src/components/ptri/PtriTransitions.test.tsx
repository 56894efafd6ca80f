import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { json, mockFetch } from '../../test/fetchMock.ts';
import { ptri } from '../../test/fixtures.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { PtriTransitions } from './PtriTransitions.tsx';

const submitted = { ...ptri, status: 'submitted' as const };
const evaluation = (id: number, date: string, outcome: string) => ({ id, date, kind: 'initial', outcome, nextReviewDate: null });
const buttons = () => screen.queryAllByRole('button').map((button) => button.textContent);

describe('the lifecycle moves offered on a project', () => {
  it('offers the UVM no activation before an approving evaluation, and says why', () => {
    renderWithProviders(<PtriTransitions ptri={submitted} role="uvm" />);
    expect(buttons()).toEqual(['Riporta in bozza', 'Non approvare']);
    expect(screen.getByText('L’attivazione sarà possibile dopo una valutazione UVM favorevole.')).toBeTruthy();
  });

  it('offers activation once the latest evaluation approves, and not after a later one that does not', () => {
    const { unmount } = renderWithProviders(
      <PtriTransitions ptri={{ ...submitted, evaluations: [evaluation(1, '2025-02-01', 'approved_with_changes')] }} role="uvm" />,
    );
    expect(buttons()).toContain('Attiva');
    unmount();
    renderWithProviders(
      <PtriTransitions
        ptri={{ ...submitted, evaluations: [evaluation(1, '2025-02-01', 'approved'), evaluation(2, '2025-03-01', 'postponed')] }}
        role="uvm"
      />,
    );
    expect(buttons()).not.toContain('Attiva');
  });

  it('offers a case manager only what the table gives the role', () => {
    renderWithProviders(<PtriTransitions ptri={submitted} role="case_manager" />);
    expect(buttons()).toEqual(['Riporta in bozza']);
    expect(screen.queryByText(/valutazione UVM favorevole/)).toBeNull();
  });

  it('asks the reason and each open axis’s outcome before closing, every error at once, and sends them', async () => {
    const calls = mockFetch((call) => (call.method === 'POST' ? json(200, { ...ptri, status: 'closed' }) : undefined));
    const user = userEvent.setup({ delay: null });
    renderWithProviders(<PtriTransitions ptri={{ ...ptri, status: 'active' }} role="case_manager" />);
    await user.click(screen.getByRole('button', { name: 'Chiudi il progetto' }));
    const dialog = screen.getByRole('dialog', { name: 'Chiudi il progetto' });
    await user.click(within(dialog).getByRole('button', { name: 'Conferma' }));

    await within(dialog).findByText('Correggere i campi evidenziati.');
    expect(within(dialog).getByText('Il motivo è obbligatorio per questa azione.')).toBeTruthy();
    expect(within(dialog).getByText('campo obbligatorio')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    await user.type(within(dialog).getByLabelText(/Motivo/), 'Obiettivi raggiunti');
    await vi.waitFor(() => expect(within(dialog).queryByText('Il motivo è obbligatorio per questa azione.')).toBeNull());
    await user.selectOptions(within(dialog).getByLabelText(/Casa/), 'Raggiunto');
    await user.click(within(dialog).getByRole('button', { name: 'Conferma' }));
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      to: 'closed',
      reason: 'Obiettivi raggiunti',
      goalOutcomes: { habitat: 'achieved' },
    });
  });
});
