import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BarChart } from './BarChart.tsx';

describe('bar chart', () => {
  const bars = [
    { label: '2024', value: 650 },
    { label: '2025', value: 17040 },
  ];

  it('names itself and reads out every bar in Italian', () => {
    render(<BarChart title="Andamento negli anni" bars={bars} unit="utenti" />);
    expect(screen.getByRole('img', { name: 'Andamento negli anni 2024: 650 utenti; 2025: 17.040 utenti' })).toBeDefined();
  });

  it('draws longer bars for larger values, the largest across the whole width, on a scale from zero', () => {
    const { container } = render(<BarChart title="Utenti" bars={bars} unit="utenti" />);
    const widths = [...container.querySelectorAll('.chart-bar rect')].map((rect) => Number(rect.getAttribute('width')));
    expect(widths).toHaveLength(2);
    expect(widths[1]).toBe(100);
    expect(widths[1]! / widths[0]!).toBeCloseTo(17040 / 650, 5);
  });

  it('shows each label and value as text beside its bar', () => {
    const { container } = render(<BarChart title="Fonti" bars={[{ label: 'Altri enti pubblici', value: 169200 }]} unit="€" />);
    expect(container.querySelector('.chart-label')?.textContent).toBe('Altri enti pubblici');
    expect(container.querySelector('.chart-value')?.textContent).toBe('169.200 €');
  });
});
