// A bar chart of horizontal bars: each label is page text that wraps in its own column, so long
// names ("Altri enti pubblici") and twelve months stay readable from 390 px up. No chart library
// (recharts alone was 122 kB gzip); each bar's length is an SVG rect, which the page's CSP allows
// where inline styles are refused. The figure's text alternative lists every bar.
import { useId } from 'react';
import { formatNumber } from '../format.ts';

export interface Bar {
  label: string;
  value: number;
}

export function BarChart({
  title,
  bars,
  unit,
  formatValue = (value) => `${formatNumber(value)} ${unit}`,
}: {
  title: string;
  bars: Bar[];
  unit: string;
  /** How a bar's value reads (euros with their cents); by default the number and the unit. */
  formatValue?: (value: number) => string;
}) {
  const id = useId();
  const top = Math.max(0, ...bars.map((bar) => bar.value)) || 1;
  const summary = bars.map((bar) => `${bar.label}: ${formatValue(bar.value)}`).join('; ');
  return (
    <figure className="chart">
      <figcaption id={`${id}-title`} className="chart-title">
        {title}
      </figcaption>
      <div role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <span id={`${id}-desc`} className="visually-hidden">
          {summary}
        </span>
        <div className="chart-bars" aria-hidden="true">
          {bars.map((bar) => (
            <div key={bar.label} className="chart-bar">
              <span className="chart-label">{bar.label}</span>
              <svg viewBox="0 0 100 10" preserveAspectRatio="none" focusable="false">
                <rect width={(Math.max(0, bar.value) / top) * 100} height={10} />
              </svg>
              <span className="chart-value">{formatValue(bar.value)}</span>
            </div>
          ))}
        </div>
      </div>
    </figure>
  );
}
