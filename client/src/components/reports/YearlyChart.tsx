// Users of a lot across years (recharts: loaded lazily with the reports pages only).
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { it } from '../../i18n/it.ts';

export interface YearPoint {
  year: number;
  users: number;
}

export function YearlyChart({ points }: { points: YearPoint[] }) {
  return (
    <figure className="chart" aria-label={it.reports.chartTitle}>
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={points} margin={{ top: 10, right: 10, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="year" />
          <YAxis allowDecimals={false} />
          <Tooltip formatter={(value) => [String(value), it.reports.users]} />
          <Bar dataKey="users" name={it.reports.users} fill="#0b5cad" />
        </BarChart>
      </ResponsiveContainer>
      <figcaption className="visually-hidden">{points.map((p) => `${p.year}: ${p.users}`).join(', ')}</figcaption>
    </figure>
  );
}
