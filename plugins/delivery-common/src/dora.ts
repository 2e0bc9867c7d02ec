/** Performance tiers, best first; a value that meets no tier's bound is `low`. */
export const TIER_IDS = ['elite', 'high', 'medium', 'low'] as const;
export type TierId = (typeof TIER_IDS)[number];

/** The bounds a service must meet on each DORA metric to be labelled with a tier. */
export type TierBounds = {
  /** At least this many production deployments per day. */
  deploymentsPerDay: number;
  /** Median lead time for changes at most this many hours. */
  leadTimeHours: number;
  /** Change failure rate at most this share (0..1). */
  changeFailureRate: number;
  /** Median time to restore at most this many hours. */
  timeToRestoreHours: number;
  /** Deployment rework rate at most this share (0..1); optional, the reports give none yet. */
  reworkRate?: number;
};

export type DoraTiers = {
  /** Which DORA report the bounds come from, shown next to every label. */
  reportYear: number;
  elite: TierBounds;
  high: TierBounds;
  medium: TierBounds;
};

/**
 * The default bounds, from the performance clusters of the 2024 Accelerate State of DevOps
 * report (DORA): elite deploys on demand (several times a day), lead time under a day, 5%
 * change failures, recovery under an hour; high daily to weekly, under a week, 20%, under a
 * day; medium weekly to monthly, under a month, 10%, under a day. The 2024 medium cluster had
 * a lower change failure rate than high; the bounds keep the report's numbers, so a rate
 * between 10% and 20% is `high` and above 20% is `low`. The 2024 report introduced rework
 * rate without cluster bounds, so rework rate has no label unless configured.
 */
export const DORA_2024_TIERS: DoraTiers = {
  reportYear: 2024,
  elite: {
    deploymentsPerDay: 1,
    leadTimeHours: 24,
    changeFailureRate: 0.05,
    timeToRestoreHours: 1,
  },
  high: {
    deploymentsPerDay: 1 / 7,
    leadTimeHours: 24 * 7,
    changeFailureRate: 0.2,
    timeToRestoreHours: 24,
  },
  medium: {
    deploymentsPerDay: 1 / 30,
    leadTimeHours: 24 * 30,
    changeFailureRate: 0.1,
    timeToRestoreHours: 24,
  },
};

export type DoraMetricId = keyof TierBounds;

/** The best tier whose bound the value meets, or undefined when there is no value or bound. */
export function tierOf(
  tiers: DoraTiers,
  metric: DoraMetricId,
  value: number | undefined,
): TierId | undefined {
  if (value === undefined || !Number.isFinite(value)) return undefined;
  const higherIsBetter = metric === 'deploymentsPerDay';
  let anyBound = false;
  for (const id of ['elite', 'high', 'medium'] as const) {
    const bound = tiers[id][metric];
    if (bound === undefined) continue;
    anyBound = true;
    if (higherIsBetter ? value >= bound : value <= bound) return id;
  }
  return anyBound ? 'low' : undefined;
}
