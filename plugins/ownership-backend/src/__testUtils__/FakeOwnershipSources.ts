import { Entity } from '@backstage/catalog-model';
import {
  LatestDeployment,
  TeamEnvironment,
} from '@internal/plugin-ownership-common';
import { CatalogSnapshot } from '../services/buildReport';
import { OwnershipSources } from '../services/sources';

const entity = (
  kind: string,
  name: string,
  spec: object,
  extra: Partial<Entity> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default', ...extra.metadata },
  spec: spec as Entity['spec'],
  relations: extra.relations,
});

const memberOf = (team: string) => [
  { type: 'memberOf', targetRef: `group:default/${team}` },
];
const hasMembers = (...users: string[]) =>
  users.map(u => ({ type: 'hasMember', targetRef: `user:default/${u}` }));

/** A small organisation: a healthy team, a team of one, an orphan, a service without on-call. */
export function smallOrganisation(): CatalogSnapshot {
  return {
    groups: [
      entity(
        'Group',
        'payments-team',
        { type: 'team' },
        { relations: hasMembers('ana', 'bo') },
      ),
      entity(
        'Group',
        'security-team',
        { type: 'team' },
        { relations: hasMembers('cy') },
      ),
    ],
    users: [
      entity('User', 'ana', {}, { relations: memberOf('payments-team') }),
      entity('User', 'bo', {}, { relations: memberOf('payments-team') }),
      entity('User', 'cy', {}, { relations: memberOf('security-team') }),
    ],
    owned: [
      entity(
        'Component',
        'payments-api',
        { type: 'service', lifecycle: 'production', owner: 'payments-team' },
        {
          metadata: {
            name: 'payments-api',
            title: 'Payments, "core" API',
            annotations: {
              'pagerduty.com/service-id': 'PX1A2B3',
              'runway.dev/escalation-policy': 'payments-oncall -> cto',
            },
          },
        },
      ),
      entity('Component', 'fraud-detector', {
        type: 'service',
        lifecycle: 'experimental',
        owner: 'security-team',
      }),
      entity('Component', 'pdf-invoicer', {
        type: 'service',
        lifecycle: 'production',
        owner: 'legacy-team',
      }),
      entity('API', 'payments-openapi', {
        type: 'openapi',
        lifecycle: 'production',
        owner: 'payments-team',
      }),
    ],
  };
}

/** Sources in memory; `failing` makes environments or delivery throw as if the plugin were down. */
export class FakeOwnershipSources implements OwnershipSources {
  constructor(
    private readonly snapshot: CatalogSnapshot = smallOrganisation(),
    private readonly failing: Array<'environments' | 'delivery'> = [],
  ) {}

  async catalog() {
    return this.snapshot;
  }

  async environments(owners: string[]) {
    if (this.failing.includes('environments')) throw new Error('ECONNREFUSED');
    const env: TeamEnvironment = {
      id: 'env-1',
      name: 'pr-42',
      className: 'preview',
      status: 'ready',
      component: 'component:default/payments-api',
      expiresAt: '2030-01-01T00:00:00.000Z',
    };
    return new Map(
      owners
        .filter(o => o === 'group:default/payments-team')
        .map(o => [o, [env]]),
    );
  }

  async deployments(services: string[]): Promise<LatestDeployment[]> {
    if (this.failing.includes('delivery')) throw new Error('ECONNREFUSED');
    return services
      .filter(s => s === 'component:default/payments-api')
      .map(service => ({
        service,
        environment: 'prod',
        version: '1.4.2',
        status: 'succeeded',
        at: '2026-01-02T03:04:05.000Z',
      }));
  }
}
