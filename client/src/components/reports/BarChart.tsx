// A bar chart drawn in SVG: the few charts of the reports do not need a chart library (recharts
// alone was 122 kB gzip). Scales with its box; every bar carries its value as a title, and the
// figure's text alternative lists them all.
import { useId } from 'react';
import { formatNumber } from '../format.ts';

export interface Bar {
  label: string;
  value: number;
}

const WIDTH = 640;
const HEIGHT = 260;
const PAD = { top: 24, right: 12, bottom: 28, left: 48 };

/** About four round steps (1, 2 or 5 times a power of ten) from zero to at least `max`. */
function ticksUpTo(max: number): number[] {
  if (max <= 0) return [0];
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((candidate) => candidate >= rough) ?? rough;
  const ticks: number[] = [];
  for (let tick = 0; tick < max + step; tick += step) ticks.push(tick);
  return ticks;
}

export function BarChart({ title, bars, unit }: { title: string; bars: Bar[]; unit: string }) {
  const id = useId();
  const ticks = ticksUpTo(Math.max(0, ...bars.map((bar) => bar.value)));
  const top = ticks.at(-1) || 1;
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotWidth / Math.max(bars.length, 1);
  const y = (value: number) => PAD.top + plotHeight - (value / top) * plotHeight;
  const summary = bars.map((bar) => `${bar.label}: ${formatNumber(bar.value)} ${unit}`).join('; ');
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {ticks.map((tick) => (
          <g key={tick} className="chart-grid">
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} />
            <text x={PAD.left - 6} y={y(tick)} dy="0.35em" textAnchor="end">
              {formatNumber(tick)}
            </text>
          </g>
        ))}
        {bars.map((bar, index) => {
          const x = PAD.left + index * slot + slot * 0.2;
          return (
            <g key={bar.label} className="chart-bar">
              <rect x={x} y={y(bar.value)} width={slot * 0.6} height={Math.max(0, y(0) - y(bar.value))}>
                <title>{`${bar.label}: ${formatNumber(bar.value)} ${unit}`}</title>
              </rect>
              <text x={x + slot * 0.3} y={y(bar.value) - 6} textAnchor="middle">
                {formatNumber(bar.value)}
              </text>
              <text x={x + slot * 0.3} y={HEIGHT - 8} textAnchor="middle">
                {bar.label}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="visually-hidden">{summary}</figcaption>
    </figure>
  );
}
