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

  it('draws taller bars for larger values, on a scale that starts at zero', () => {
    const { container } = render(<BarChart title="Utenti" bars={bars} unit="utenti" />);
    const heights = [...container.querySelectorAll('.chart-bar rect')].map((rect) => Number(rect.getAttribute('height')));
    expect(heights).toHaveLength(2);
    expect(heights[1]! / heights[0]!).toBeCloseTo(17040 / 650, 5);
    const ticks = [...container.querySelectorAll('.chart-grid text')].map((text) => text.textContent);
    expect(ticks[0]).toBe('0');
    expect(ticks.at(-1)).toBe('20.000');
  });
});
