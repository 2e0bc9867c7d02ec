import { Entity } from '@backstage/catalog-model';
import {
  CATALOG_FACTS,
  factValueProblem,
} from '@internal/plugin-readiness-common';
import { catalogFactsOf, organisationOf } from './catalogFacts';

const group = (name: string, members: number): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  relations: Array.from({ length: members }, (_, i) => ({
    type: 'hasMember',
    targetRef: `user:default/u${i}`,
  })),
});
const organisation = organisationOf([
  group('payments-team', 4),
  group('security-team', 1),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'ana' },
  },
]);

const component = (
  spec: object,
  metadata: Partial<Entity['metadata']> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api', namespace: 'default', ...metadata },
  spec: { type: 'service', lifecycle: 'production', ...spec },
});

describe('catalogFactsOf', () => {
  it('derives the facts of a fully annotated service', () => {
    const facts = catalogFactsOf(
      component(
        { owner: 'group:payments-team', system: 'payments' },
        {
          description: 'Payments',
          annotations: {
            'pagerduty.com/service-id': 'PX1',
            'runway.dev/escalation-policy': 'a -> b',
            'grafana/dashboard-selector': "tags @> 'x'",
            'grafana/alert-label-selector': 'service=x',
            'sentry.io/project-slug': 'x',
            'github.com/project-slug': 'skyline/x',
            'backstage.io/source-location': 'url:https://x',
            'sonarqube.org/project-key': 'x',
            'backstage.io/code-coverage': 'enabled',
            'runway.dev/codeowners': '.github/CODEOWNERS',
            'runway.dev/branch-protection': 'enabled',
            'argocd/app-name': 'x',
            'runway.dev/deploy-path': 'dev, staging,prod',
            'backstage.io/kubernetes-id': 'x',
            'backstage.io/techdocs-ref': 'dir:.',
          },
          links: [{ url: 'https://rb', type: 'runbook' }],
        },
      ),
      organisation,
    );
    expect(facts).toEqual(
      expect.objectContaining({
        'catalog.owner.resolves': true,
        'catalog.owner.memberCount': 4,
        'catalog.oncall.configured': true,
        'catalog.runbook.present': true,
        'catalog.branchProtection': 'enabled',
        'catalog.deployPath': ['dev', 'staging', 'prod'],
        'catalog.lifecycle': 'production',
      }),
    );
    const falses = Object.entries(facts).filter(([, v]) => v === false);
    expect(falses).toEqual([]);
    // Every value fits its declared schema.
    for (const [name, value] of Object.entries(facts)) {
      const declaration = CATALOG_FACTS.find(d => d.name === name)!;
      expect([name, factValueProblem(declaration, value)]).toEqual([
        name,
        undefined,
      ]);
    }
  });

  it('flags an owner that does not exist and leaves its member count out', () => {
    const facts = catalogFactsOf(
      component({ owner: 'group:legacy-team' }),
      organisation,
    );
    expect(facts['catalog.owner.declared']).toBe(true);
    expect(facts['catalog.owner.resolves']).toBe(false);
    expect(facts['catalog.owner.memberCount']).toBeUndefined();
    expect(facts['catalog.oncall.configured']).toBe(false);
    expect(facts['catalog.branchProtection']).toBe('absent');
  });

  it('counts a team of one, resolves a plain group name and a user owner', () => {
    expect(
      catalogFactsOf(component({ owner: 'security-team' }), organisation)[
        'catalog.owner.memberCount'
      ],
    ).toBe(1);
    expect(
      catalogFactsOf(component({ owner: 'user:ana' }), organisation)[
        'catalog.owner.memberCount'
      ],
    ).toBe(1);
  });
});
