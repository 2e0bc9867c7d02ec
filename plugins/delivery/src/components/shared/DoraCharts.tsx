import { TimeseriesResponse } from '@internal/plugin-delivery-common';
import { Text } from '@backstage/ui';
import { ReactNode } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import styles from './shared.module.css';

type TrendKey = 'leadTime' | 'cfr' | 'restore';

const label = (iso: string) => iso.slice(5, 10);
const round = (n: number | undefined) =>
  n === undefined ? undefined : Math.round(n * 10) / 10;

const Chart = ({
  title,
  empty,
  note,
  children,
}: {
  title: string;
  /** Said instead of an empty plot when no bucket has a value. */
  empty?: string;
  /** Said under the plot: what it rests on when that is little. */
  note?: string;
  children: ReactNode;
}) => (
  <figure className={styles.chart} aria-label={title} style={{ margin: 0 }}>
    <Text as="h4" variant="body-medium" weight="bold">
      {title}
    </Text>
    {empty ? (
      <div className={styles.chartEmpty}>
        <Text as="p" variant="body-small" color="secondary">
          {empty}
        </Text>
      </div>
    ) : (
      <div style={{ width: '100%', height: 220 }}>
        <ResponsiveContainer>{children as any}</ResponsiveContainer>
      </div>
    )}
    {!empty && note && (
      <Text
        as="p"
        variant="body-x-small"
        color="secondary"
        className={styles.chartNote}
      >
        {note}
      </Text>
    )}
  </figure>
);

/** A plot of one point is not a trend: say so. */
function single(count: number, per: string): string | undefined {
  return count === 1
    ? `One ${per} with data: a single point, not a trend.`
    : undefined;
}

function tooltipLabel(per: string) {
  return (v: any) =>
    `${per === 'week' ? 'Week of' : ''} ${new Date(
      String(v),
    ).toLocaleDateString()}`;
}

/** DORA over time: deployments, lead time, change failure rate and time to restore per bucket. */
export const DoraCharts = ({ series }: { series: TimeseriesResponse }) => {
  const per = series.bucket === 'week' ? 'week' : 'day';
  // Each finished production deployment once: it either counts as a failed change (failed,
  // rolled back, or tied to an incident) or did not.
  const data = series.points.map(p => ({
    at: p.start,
    ok: Math.max(0, p.finished - p.failedDeployments),
    failed: p.failedDeployments,
    leadTime: round(p.leadTimeP50Hours),
    cfr:
      p.changeFailureRate === undefined
        ? undefined
        : Math.round(p.changeFailureRate * 100),
    restore: round(p.timeToRestoreP50Hours),
  }));
  const none = (k: TrendKey, what: string) =>
    data.some(d => d[k] !== undefined)
      ? undefined
      : `No ${what} in these ${data.length} ${per}s.`;
  /** One median or rate over time, or what is missing when no bucket has it. */
  const trend = (line: {
    title: string;
    key: TrendKey;
    what: string;
    name: string;
    stroke: string;
    domain?: [number, number];
  }) => (
    <Chart
      title={line.title}
      empty={none(line.key, line.what)}
      note={single(data.filter(d => d[line.key] !== undefined).length, per)}
    >
      <LineChart data={data}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="at" tickFormatter={label} />
        <YAxis domain={line.domain} width={40} />
        <Tooltip labelFormatter={tooltipLabel(per)} />
        <Legend />
        <Line
          dataKey={line.key}
          name={line.name}
          stroke={line.stroke}
          connectNulls
          isAnimationActive={false}
        />
      </LineChart>
    </Chart>
  );
  return (
    <div className={styles.charts}>
      <Chart
        title={`Finished production deployments per ${per}`}
        empty={
          data.some(d => d.ok + d.failed > 0)
            ? undefined
            : `No finished production deployments in these ${data.length} ${per}s.`
        }
        note={single(data.filter(d => d.ok + d.failed > 0).length, per)}
      >
        <BarChart data={data}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="at" tickFormatter={label} />
          <YAxis allowDecimals={false} width={32} />
          <Tooltip labelFormatter={tooltipLabel(per)} />
          <Legend />
          <Bar
            dataKey="ok"
            name="No failure"
            stackId="deployments"
            fill="#2e7d32"
            isAnimationActive={false}
          />
          <Bar
            dataKey="failed"
            name="Failed change (failed, rolled back or incident)"
            stackId="deployments"
            fill="#c62828"
            isAnimationActive={false}
          />
        </BarChart>
      </Chart>
      {trend({
        title: 'Lead time for changes (median, hours)',
        key: 'leadTime',
        what: 'production lead times',
        name: 'Lead time (h)',
        stroke: '#1565c0',
      })}
      {trend({
        title: 'Change failure rate (%)',
        key: 'cfr',
        what: 'finished production deployments',
        name: 'Change failure rate (%)',
        stroke: '#c62828',
        domain: [0, 100],
      })}
      {trend({
        title: 'Time to restore (median, hours)',
        key: 'restore',
        what: 'resolved incidents',
        name: 'Time to restore (h)',
        stroke: '#6a1b9a',
      })}
    </div>
  );
};
