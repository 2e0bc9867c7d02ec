/** Per UTC day (days since 1970-01-01) figures the metrics timeline reads from the rollups. */
export type DayCounts = {
  day: number;
  finished: number;
  live: number;
  failed: number;
  rework: number;
};

export type DayLeadTimes = { day: number; bucket: number; count: number };

export type ResolvedIncident = { resolvedAt: Date; restoreSeconds: number };

/** Days `[fromDay, toDay)`; `services` undefined for the whole organisation. */
export interface TimelineStore {
  deploymentDays(
    fromDay: number,
    toDay: number,
    services?: string[],
  ): Promise<DayCounts[]>;
  leadTimeDays(
    fromDay: number,
    toDay: number,
    services?: string[],
  ): Promise<DayLeadTimes[]>;
  resolvedIncidents(
    from: Date,
    to: Date,
    services?: string[],
  ): Promise<ResolvedIncident[]>;
}
