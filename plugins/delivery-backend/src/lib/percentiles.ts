/** The p-quantile of ascending values with linear interpolation (as SQL's percentile_cont). */
export function percentileOfSorted(
  sorted: readonly number[],
  p: number,
): number | undefined {
  if (sorted.length === 0) return undefined;
  const at = p * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

/**
 * Log-scale histogram buckets for durations in seconds: 8 per doubling, so a bucket's
 * midpoint is within about 4.4% of any value in it. Stored with each deployment's lead time,
 * the organisation's median over a million deployments is a GROUP BY over a small integer.
 */
export const BUCKETS_PER_DOUBLING = 8;

export function bucketOf(seconds: number): number {
  return Math.floor(Math.log2(Math.max(0, seconds) + 1) * BUCKETS_PER_DOUBLING);
}

/** The geometric middle of a bucket, in seconds. */
export function bucketMidpoint(bucket: number): number {
  return 2 ** ((bucket + 0.5) / BUCKETS_PER_DOUBLING) - 1;
}

/** The p-quantile from bucket counts (the middle of the bucket that holds it). */
export function percentileOfBuckets(
  counts: ReadonlyArray<{ bucket: number; count: number }>,
  p: number,
): number | undefined {
  const sorted = [...counts].sort((a, b) => a.bucket - b.bucket);
  const total = sorted.reduce((n, c) => n + c.count, 0);
  if (total === 0) return undefined;
  const rank = p * (total - 1);
  let seen = 0;
  for (const { bucket, count } of sorted) {
    seen += count;
    if (seen > rank) return bucketMidpoint(bucket);
  }
  return bucketMidpoint(sorted[sorted.length - 1].bucket);
}
