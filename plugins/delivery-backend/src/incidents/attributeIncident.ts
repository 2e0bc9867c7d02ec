import { ServiceCatalog, ServiceInfo } from '../services/ServiceCatalog';
import { IncidentClaim } from './mapIncidentWebhook';
import { matchesSelector } from './opsgenieSelector';

export const PAGERDUTY_ANNOTATION = 'pagerduty.com/service-id';
export const OPSGENIE_ANNOTATION = 'opsgenie.com/component-selector';
/** Roadie's Prometheus plugin: alert names (comma-separated), or `all` (claims none here). */
export const PROMETHEUS_ALERT_ANNOTATION = 'prometheus.io/alert';
/** Roadie's Prometheus plugin: `label=value` pairs (comma-separated), all of which must match. */
export const PROMETHEUS_LABELS_ANNOTATION = 'prometheus.io/labels';

/**
 * The component an incident belongs to, by the community annotations: PagerDuty's service id,
 * Opsgenie's component selector, Prometheus' alert names or labels. Exactly one component must
 * claim it; none or several is the reason it is not stored.
 */
export async function componentOfIncident(
  claim: IncidentClaim,
  catalog: ServiceCatalog,
): Promise<ServiceInfo | { unclaimed: string }> {
  let candidates: ServiceInfo[];
  let how: string;
  switch (claim.kind) {
    case 'pagerduty':
      how = `${PAGERDUTY_ANNOTATION}: ${claim.serviceId}`;
      candidates = await catalog.withAnnotation(
        PAGERDUTY_ANNOTATION,
        claim.serviceId,
      );
      break;
    case 'opsgenie':
      how = OPSGENIE_ANNOTATION;
      candidates = (await catalog.withAnnotation(OPSGENIE_ANNOTATION)).filter(
        c => matchesSelector(c.annotations[OPSGENIE_ANNOTATION], claim.alert),
      );
      break;
    default: {
      how = `${PROMETHEUS_ALERT_ANNOTATION} or ${PROMETHEUS_LABELS_ANNOTATION}`;
      const [byName, byLabels] = await Promise.all([
        catalog.withAnnotation(PROMETHEUS_ALERT_ANNOTATION),
        catalog.withAnnotation(PROMETHEUS_LABELS_ANNOTATION),
      ]);
      const labels = claim.labels;
      const names = (c: ServiceInfo) =>
        c.annotations[PROMETHEUS_ALERT_ANNOTATION].split(',').map(s =>
          s.trim(),
        );
      const pairs = (c: ServiceInfo) =>
        c.annotations[PROMETHEUS_LABELS_ANNOTATION].split(',')
          .map(p => p.split('=').map(s => s.trim()))
          .filter(([k, v]) => k && v !== undefined);
      const matched = new Map<string, ServiceInfo>();
      for (const c of byName)
        if (labels.alertname && names(c).includes(labels.alertname))
          matched.set(c.ref, c);
      for (const c of byLabels) {
        const want = pairs(c);
        if (want.length > 0 && want.every(([k, v]) => labels[k] === v))
          matched.set(c.ref, c);
      }
      candidates = [...matched.values()];
    }
  }
  if (candidates.length === 1) return candidates[0];
  return {
    unclaimed:
      candidates.length === 0
        ? `no component claims it (${how})`
        : `${candidates.length} components claim it (${candidates
            .slice(0, 3)
            .map(c => c.ref)
            .join(', ')}; ${how})`,
  };
}
