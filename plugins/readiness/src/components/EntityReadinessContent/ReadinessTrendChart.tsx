import { CAPABILITIES, ScoreChange } from '@internal/plugin-readiness-common';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

const COLORS = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
];

/**
 * Each capability's score over time. History has a row only when a score changed, so each
 * point carries every capability's latest score forward (a step chart).
 */
export function trendPoints(changes: ScoreChange[]) {
  const latest: Record<string, number | null> = {};
  const points: Array<Record<string, number | null | string>> = [];
  for (const change of changes) {
    latest[change.capability] = change.score;
    const at = change.changedAt;
    const last = points[points.length - 1];
    if (last && last.at === at)
      Object.assign(last, { [change.capability]: change.score });
    else points.push({ at, ...latest });
  }
  return points;
}

export const ReadinessTrendChart = ({
  changes,
}: {
  changes: ScoreChange[];
}) => {
  const data = trendPoints(changes);
  if (data.length === 0) return null;
  return (
    <div
      style={{ width: '100%', height: 260 }}
      aria-label="Readiness over time"
    >
      <ResponsiveContainer>
        <LineChart
          data={data}
          margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="at" tickFormatter={(v: string) => v.slice(5, 10)} />
          <YAxis domain={[0, 100]} />
          <Tooltip
            labelFormatter={(v: any) => new Date(String(v)).toLocaleString()}
          />
          <Legend />
          {CAPABILITIES.map((c, i) => (
            <Line
              key={c.id}
              type="stepAfter"
              dataKey={c.id}
              name={c.title}
              stroke={COLORS[i]}
              dot={false}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
};
