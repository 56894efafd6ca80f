// Goals of the evaluated projects by axis and outcome, as stacked horizontal bars drawn in SVG.
import { AXES, type OutcomesRow } from '@bds/shared';
import { it } from '../../i18n/it.ts';

const PARTS = ['achieved', 'partlyAchieved', 'notAchieved', 'notAssessed', 'open'] as const;
const COLOURS: Record<(typeof PARTS)[number], string> = {
  achieved: '#1b6e3a',
  partlyAchieved: '#7a9a2e',
  notAchieved: '#a23b2a',
  notAssessed: '#b08d57',
  open: '#6b7280',
};
const BAR = 22;
const GAP = 14;
const LABEL = 150;
const WIDTH = 640;
/** Every legend entry gets an equal share of the chart's width, however many outcomes there are. */
const LEGEND_STEP = WIDTH / PARTS.length;

export function GoalOutcomesChart({ rows }: { rows: readonly OutcomesRow[] }) {
  const totals = AXES.map((axis) => {
    const sums = { achieved: 0, partlyAchieved: 0, notAchieved: 0, notAssessed: 0, open: 0 };
    for (const row of rows) for (const part of PARTS) sums[part] += row.goals[axis][part];
    return { axis, sums, total: PARTS.reduce((n, part) => n + sums[part], 0) };
  });
  const height = AXES.length * (BAR + GAP) + 30;
  const scale = (WIDTH - LABEL - 10) / Math.max(1, ...totals.map((t) => t.total));
  return (
    <figure className="card">
      <figcaption>{it.outcomeReport.goalsChart}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby="goal-outcomes-title" width="100%">
        <title id="goal-outcomes-title">
          {totals
            .map((t) => `${it.axes[t.axis]}: ${PARTS.map((part) => `${it.outcomeReport[part]} ${t.sums[part]}`).join(', ')}`)
            .join('; ')}
        </title>
        {totals.map((t, row) => {
          let x = LABEL;
          const y = row * (BAR + GAP);
          return (
            <g key={t.axis}>
              <text x={LABEL - 8} y={y + BAR / 2 + 5} textAnchor="end" fontSize="13">
                {it.axes[t.axis]}
              </text>
              {PARTS.map((part) => {
                const width = t.sums[part] * scale;
                const rect = <rect key={part} x={x} y={y} width={width} height={BAR} fill={COLOURS[part]} />;
                x += width;
                return rect;
              })}
            </g>
          );
        })}
        {PARTS.map((part, i) => (
          <g key={part} transform={`translate(${i * LEGEND_STEP}, ${AXES.length * (BAR + GAP) + 6})`}>
            <rect width="12" height="12" fill={COLOURS[part]} />
            <text x="16" y="11" fontSize="12">
              {it.outcomeReport[part]}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}
