import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
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
});
