import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { HonosInput, honosTotal, type HonosValue } from './HonosInput.tsx';

function Harness() {
  const [scores, setScores] = useState<(HonosValue | null)[]>(Array<HonosValue | null>(12).fill(null));
  return <HonosInput scores={scores} onChange={setScores} />;
}

describe('HoNOS input', () => {
  it('keeps a live total that leaves out items scored 9 (not known)', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const total = screen.getByTestId('honos-total');
    expect(total.textContent).toBe('0');

    await user.selectOptions(screen.getByLabelText('Item 1'), '4');
    await user.selectOptions(screen.getByLabelText('Item 2'), '3');
    expect(total.textContent).toBe('7');

    await user.selectOptions(screen.getByLabelText('Item 3'), '9');
    expect(total.textContent).toBe('7');

    await user.selectOptions(screen.getByLabelText('Item 1'), '9');
    expect(total.textContent).toBe('3');
  });

  it('gives a final total only when all 12 items are scored, 9s excluded', () => {
    const scores: HonosValue[] = [4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 9, 9];
    expect(honosTotal(scores)).toBe(40);
    expect(honosTotal([...scores.slice(0, 11), null])).toBeNull();
  });
});
