import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  DeliveryClient,
  MAX_SERVICES_PER_FACTS_REQUEST,
  ServiceDeliveryFacts,
} from '@internal/plugin-delivery-common';
import {
  FactDeclaration,
  PLATFORM_FACTS,
  PUSHED_FACTS,
} from '@internal/plugin-readiness-common';
import { CollectedFact, FactProvider } from '@internal/plugin-readiness-node';

/** Readiness fact names and the delivery figures they come from. */
const FACT_OF: Array<[string, keyof ServiceDeliveryFacts]> = [
  ['delivery.deploysPerWeek', 'deploysPerWeek'],
  ['delivery.selfServiceShare', 'selfServiceShare'],
  ['delivery.leadTimeHoursP50', 'leadTimeHoursP50'],
  ['delivery.timeToRestoreHoursP50', 'timeToRestoreHoursP50'],
  ['delivery.rollbackAvailable', 'rollbackAvailable'],
  // Also pushed by CI: the later observation of the two wins in readiness.
  ['ci.test.durationP50Seconds', 'testDurationP50Seconds'],
  ['ci.test.durationP90Seconds', 'testDurationP90Seconds'],
  ['ci.test.flakyRate', 'testFlakyRate'],
  ['ci.review.turnaroundHoursP50', 'reviewWaitHoursP50'],
];

const DECLARATIONS: FactDeclaration[] = FACT_OF.map(([name]) => {
  const declared = [...PLATFORM_FACTS, ...PUSHED_FACTS].find(
    f => f.name === name,
  )!;
  return { ...declared, source: 'delivery' };
});

/**
 * Delivery figures as readiness facts, read from /api/delivery/metrics/services with the
 * readiness plugin's own service credentials, over the last 30 days. A service the delivery
 * plugin has no data for gets no fact (missing data), never a zero it did not measure.
 */
export class DeliveryFactProvider implements FactProvider {
  readonly id = 'delivery';
  readonly declarations = DECLARATIONS;
  private readonly client: DeliveryClient;

  constructor(
    private readonly deps: {
      discovery: DiscoveryService;
      auth: AuthService;
      logger: LoggerService;
      fetch?: typeof fetch;
      days?: number;
    },
  ) {
    this.client = new DeliveryClient({
      discoveryApi: deps.discovery,
      fetchApi: deps.fetch ? { fetch: deps.fetch } : undefined,
      token: async () =>
        (
          await deps.auth.getPluginRequestToken({
            onBehalfOf: await deps.auth.getOwnServiceCredentials(),
            targetPluginId: 'delivery',
          })
        ).token,
    });
  }

  async collect(entities: readonly Entity[]): Promise<CollectedFact[]> {
    const refs = entities
      .filter(e => e.kind.toLocaleLowerCase('en-US') === 'component')
      .map(e => stringifyEntityRef(e).toLocaleLowerCase('en-US'));
    const facts: CollectedFact[] = [];
    for (let i = 0; i < refs.length; i += MAX_SERVICES_PER_FACTS_REQUEST) {
      const batch = refs.slice(i, i + MAX_SERVICES_PER_FACTS_REQUEST);
      let services: Record<string, ServiceDeliveryFacts>;
      try {
        ({ services } = await this.client.getServiceFacts(
          batch,
          this.deps.days ?? 30,
        ));
      } catch (error) {
        // Delivery down: these services show missing data until the next evaluation.
        this.deps.logger.warn(
          `Delivery facts unavailable for ${batch.length} services: ${error}`,
        );
        continue;
      }
      for (const [entityRef, figures] of Object.entries(services)) {
        for (const [name, key] of FACT_OF) {
          const value = figures[key];
          if (value !== undefined) facts.push({ entityRef, name, value });
        }
      }
    }
    return facts;
  }
}
