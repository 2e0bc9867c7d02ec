import { IncidentInput } from '../database/IngestStore';
import { checkTime, TimeRange } from '../lib/timeRange';
import { parseInput } from '@internal/backend-common';
import {
  alertmanagerEvent,
  OpsgenieAlert,
  opsgenieEvent,
  pagerdutyEvent,
  pagerdutyIncident,
} from './payloads';

export type IncidentSource = 'pagerduty' | 'opsgenie' | 'alertmanager';

/** How the component of an incident is found (docs/annotations.md). */
export type IncidentClaim =
  | { kind: 'pagerduty'; serviceId: string }
  | { kind: 'opsgenie'; alert: OpsgenieAlert }
  | { kind: 'alertmanager'; labels: Record<string, string> };

export type IncidentRecord = {
  value: Omit<IncidentInput, 'serviceRef'>;
  claim: IncidentClaim;
  /** The sender's id of this change of the incident: a redelivery is a duplicate. */
  deliveryId: string;
};

export type IncidentEvents = IncidentRecord[] | { ignored: string };

/**
 * What an incident tool sent, as incident changes: opened (with when), resolved (with when),
 * or reopened. Changes that do not open or resolve (acknowledged, notes, priority) are
 * acknowledged with the reason.
 */
export function mapIncidentWebhook(
  source: IncidentSource,
  payload: unknown,
  range: TimeRange,
): IncidentEvents {
  const at = (value: string | Date, field: string) =>
    checkTime(value instanceof Date ? value : new Date(value), field, range);
  switch (source) {
    case 'pagerduty':
      return pagerduty(payload, at);
    case 'opsgenie':
      return opsgenie(payload, at);
    default:
      return alertmanager(payload, at);
  }
}

type At = (value: string | Date, field: string) => Date;

const PAGERDUTY_CHANGES: Record<string, 'opened' | 'resolved' | 'reopened'> = {
  'incident.triggered': 'opened',
  'incident.resolved': 'resolved',
  'incident.reopened': 'reopened',
};

function pagerduty(payload: unknown, at: At): IncidentEvents {
  const { event } = parseInput(pagerdutyEvent, payload, 'PagerDuty payload');
  const change = PAGERDUTY_CHANGES[event.event_type];
  if (!change || event.resource_type !== 'incident')
    return {
      ignored: `${event.event_type.slice(
        0,
        100,
      )}: neither opens nor resolves an incident`,
    };
  const { data } = parseInput(
    pagerdutyIncident,
    payload,
    'PagerDuty payload',
  ).event;
  const occurred = at(event.occurred_at, 'event.occurred_at');
  return [
    {
      claim: { kind: 'pagerduty', serviceId: data.service.id },
      deliveryId: `pagerduty-${event.id}`,
      value: {
        id: `pagerduty-${data.id}`,
        source: 'pagerduty',
        status: change === 'resolved' ? 'resolved' : 'opened',
        title: data.title ?? undefined,
        url: data.html_url ?? undefined,
        openedAt: at(data.created_at, 'event.data.created_at'),
        resolvedAt: change === 'resolved' ? occurred : undefined,
        reopened: change === 'reopened',
      },
    },
  ];
}

const OPSGENIE_CHANGES: Record<string, 'opened' | 'resolved' | 'reopened'> = {
  Create: 'opened',
  Close: 'resolved',
  Reopen: 'reopened',
};

function opsgenie(payload: unknown, at: At): IncidentEvents {
  const e = parseInput(opsgenieEvent, payload, 'Opsgenie payload');
  const change = OPSGENIE_CHANGES[e.action];
  if (!change)
    return {
      ignored: `${e.action.slice(0, 100)}: neither opens nor resolves an alert`,
    };
  const a = e.alert;
  // updatedAt is in nanoseconds; without it, the close is now.
  const updated = a.updatedAt ? new Date(a.updatedAt / 1e6) : undefined;
  return [
    {
      claim: { kind: 'opsgenie', alert: a },
      deliveryId: `opsgenie-${a.alertId}-${e.action}-${
        a.updatedAt ?? a.createdAt
      }`,
      value: {
        id: `opsgenie-${a.alertId}`,
        source: 'opsgenie',
        status: change === 'resolved' ? 'resolved' : 'opened',
        title: a.message ?? undefined,
        openedAt: at(new Date(a.createdAt), 'alert.createdAt'),
        resolvedAt:
          change === 'resolved' && updated
            ? at(updated, 'alert.updatedAt')
            : undefined,
        reopened: change === 'reopened',
      },
    },
  ];
}

/** Go's zero time: Alertmanager's endsAt of an alert still firing. */
const GO_ZERO = /^0001-01-01T00:00:00/;

function alertmanager(payload: unknown, at: At): IncidentEvents {
  const e = parseInput(alertmanagerEvent, payload, 'Alertmanager payload');
  if (e.alerts.length === 0)
    return { ignored: 'Alertmanager group without alerts' };
  return e.alerts.map((a, i) => {
    const openedAt = at(a.startsAt, `alerts[${i}].startsAt`);
    const resolved =
      a.status === 'resolved' && a.endsAt && !GO_ZERO.test(a.endsAt);
    return {
      claim: { kind: 'alertmanager', labels: a.labels },
      // One incident per alert (fingerprint) and start: a new firing is a new incident.
      deliveryId: `alertmanager-${a.fingerprint}-${a.startsAt}-${a.status}`,
      value: {
        id: `alertmanager-${a.fingerprint}-${openedAt.getTime()}`,
        source: 'alertmanager',
        status: resolved ? 'resolved' : 'opened',
        title: a.annotations?.summary ?? a.labels.alertname ?? a.fingerprint,
        url: a.generatorURL ?? undefined,
        openedAt,
        resolvedAt: resolved ? at(a.endsAt!, `alerts[${i}].endsAt`) : undefined,
      },
    };
  });
}
