import { MetricsResponse, TierId } from '@internal/plugin-delivery-common';
import { Text } from '@backstage/ui';
import { formatFrequency, formatHours, formatRate, TIER_LABEL } from './format';
import styles from './shared.module.css';

const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

const list = { listStyle: 'none', margin: 0, padding: 0 };

type Tile = {
  id: string;
  title: string;
  value: string;
  detail: string;
  tier?: TierId;
};

/** The five DORA figures with their tier labels; the report year is named once below them. */
export const DoraTiles = ({
  dora,
  reportYear,
  windowDays,
}: {
  dora: MetricsResponse['dora'];
  reportYear: number;
  windowDays: number;
}) => {
  const f = dora.deploymentFrequency;
  const tiles: Tile[] = [
    {
      id: 'deployment-frequency',
      title: 'Deployment frequency',
      value: formatFrequency(f.perDay),
      detail:
        f.perServiceMedianPerDay === undefined
          ? plural(f.deployments, 'production deployment')
          : `${f.deployments} deployments; median service ${formatFrequency(
              f.perServiceMedianPerDay,
            )}`,
      tier: f.tier,
    },
    {
      id: 'lead-time',
      title: 'Lead time for changes',
      value: formatHours(dora.leadTime.p50Hours),
      detail: dora.leadTime.count
        ? `median of ${dora.leadTime.count}; p90 ${formatHours(
            dora.leadTime.p90Hours,
          )}`
        : 'no lead times recorded',
      tier: dora.leadTime.tier,
    },
    {
      id: 'change-failure-rate',
      title: 'Change failure rate',
      value: formatRate(dora.changeFailureRate.rate),
      detail: `${dora.changeFailureRate.failedDeployments} of ${dora.changeFailureRate.deployments} deployments`,
      tier: dora.changeFailureRate.tier,
    },
    {
      id: 'time-to-restore',
      title: 'Time to restore',
      value: formatHours(dora.timeToRestore.p50Hours),
      detail: dora.timeToRestore.count
        ? `median of ${dora.timeToRestore.count} ${
            dora.timeToRestore.count === 1 ? 'incident' : 'incidents'
          }`
        : 'no incidents resolved',
      tier: dora.timeToRestore.tier,
    },
    {
      id: 'rework-rate',
      title: 'Rework rate',
      value: formatRate(dora.reworkRate.rate),
      detail: `${dora.reworkRate.reworkDeployments} of ${dora.reworkRate.deployments} were fixes or rollbacks`,
      tier: dora.reworkRate.tier,
    },
  ];
  return (
    <div>
      <ul className={styles.tiles} aria-label="DORA metrics" style={list}>
        {tiles.map(t => (
          <li key={t.id} className={styles.tile} aria-label={t.title}>
            <Text as="span" variant="body-small" color="secondary">
              {t.title}
            </Text>
            <span className={styles.tileValue}>{t.value}</span>
            <span
              className={`${styles.tier} ${styles[`tier-${t.tier ?? 'none'}`]}`}
            >
              {t.tier ? TIER_LABEL[t.tier] : 'No tier'}
            </span>
            <Text as="span" variant="body-x-small" color="secondary">
              {t.detail}
            </Text>
          </li>
        ))}
      </ul>
      <Text as="p" variant="body-x-small" color="secondary">
        Last {Math.round(windowDays)} days, production deployments. Tiers from
        the DORA {reportYear} report
        {dora.reworkRate.tier ? '' : ' (it gives no tiers for rework rate)'}.
      </Text>
    </div>
  );
};
