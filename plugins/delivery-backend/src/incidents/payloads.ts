import { z } from 'zod';

/**
 * The fields Runway reads of what incident tools send (z.object ignores the rest); real
 * payloads with their sources are in src/__fixtures__/incidents.
 */
const isoDate = z.iso.datetime({ offset: true });
const text = (max: number) => z.string().max(max);

/** PagerDuty Webhooks v3 (developer.pagerduty.com, "Webhooks v3 overview"). */
export const pagerdutyEvent = z.object({
  event: z.object({
    id: text(200),
    event_type: text(200),
    resource_type: text(100),
    occurred_at: isoDate,
    data: z.object({}),
  }),
});

/** An incident event's data: what opens or resolves it. */
export const pagerdutyIncident = z.object({
  event: z.object({
    data: z.object({
      id: text(200),
      title: text(1000).nullish(),
      html_url: text(2000).nullish(),
      created_at: isoDate,
      service: z.object({ id: text(100) }),
    }),
  }),
});

/**
 * Opsgenie's Webhook integration (docs.opsgenie.com "Webhook integration"): createdAt is epoch
 * milliseconds, updatedAt epoch nanoseconds (beyond 2^53: read as a number it keeps about
 * microseconds, enough for a time).
 */
export const opsgenieEvent = z.object({
  action: text(100),
  alert: z.object({
    alertId: text(200),
    message: text(1000).nullish(),
    tags: z.array(text(500)).max(100).nullish(),
    teams: z.array(text(500)).max(100).nullish(),
    entity: text(1000).nullish(),
    alias: text(1000).nullish(),
    source: text(1000).nullish(),
    details: z.record(z.string(), z.string().max(1000)).nullish(),
    createdAt: z.number().int().positive(),
    updatedAt: z.number().positive().nullish(),
  }),
});
export type OpsgenieAlert = z.infer<typeof opsgenieEvent>['alert'];

/** Prometheus Alertmanager's webhook_config payload, version 4 (prometheus.io docs). */
export const alertmanagerEvent = z.object({
  version: text(10),
  externalURL: text(2000).nullish(),
  alerts: z
    .array(
      z.object({
        status: z.enum(['firing', 'resolved']),
        labels: z.record(z.string(), z.string().max(1000)),
        annotations: z.record(z.string(), z.string().max(10_000)).nullish(),
        startsAt: isoDate,
        endsAt: isoDate.nullish(),
        generatorURL: text(4000).nullish(),
        fingerprint: text(100),
      }),
    )
    .max(1000),
});
