import {
  Entity,
  parseEntityRef,
  RELATION_HAS_MEMBER,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { FactValue } from '@internal/plugin-readiness-common';

/** The organisation as ownership facts need it: who exists, and how many members a group has. */
export type Organisation = {
  /** Refs of every Group and User. */
  owners: ReadonlySet<string>;
  /** Group ref to its number of members. */
  memberCounts: ReadonlyMap<string, number>;
};

export function organisationOf(
  groupsAndUsers: readonly Entity[],
): Organisation {
  const owners = new Set<string>();
  const memberCounts = new Map<string, number>();
  for (const entity of groupsAndUsers) {
    const ref = stringifyEntityRef(entity);
    owners.add(ref);
    if (entity.kind.toLocaleLowerCase() === 'group') {
      const members = (entity.relations ?? []).filter(
        r => r.type === RELATION_HAS_MEMBER,
      ).length;
      memberCounts.set(ref, members);
    }
  }
  return { owners, memberCounts };
}

const has = (value: unknown) =>
  typeof value === 'string' ? value.trim() !== '' : value !== undefined;

/** The catalog facts of one entity (see CATALOG_FACTS in readiness-common). */
export function catalogFactsOf(
  entity: Entity,
  organisation: Organisation,
): Record<string, FactValue> {
  const annotations = entity.metadata.annotations ?? {};
  const a = (key: string) => has(annotations[key]);
  const linkTypes = new Set(
    (entity.metadata.links ?? []).map(l =>
      String(l.type ?? '').toLocaleLowerCase(),
    ),
  );
  const spec = (entity.spec ?? {}) as Record<string, unknown>;

  const facts: Record<string, FactValue> = {
    'catalog.owner.declared': has(spec.owner),
    'catalog.system.declared': has(spec.system),
    'catalog.description.present': has(entity.metadata.description),
    'catalog.oncall.configured':
      a('pagerduty.com/service-id') || a('opsgenie.com/component-selector'),
    'catalog.escalation.configured': a('runway.dev/escalation-policy'),
    'catalog.runbook.present': linkTypes.has('runbook'),
    'catalog.dashboard.present':
      a('grafana/dashboard-selector') || linkTypes.has('dashboard'),
    'catalog.alerts.configured': a('grafana/alert-label-selector'),
    'catalog.errorTracking.configured': a('sentry.io/project-slug'),
    'catalog.ci.configured':
      a('github.com/project-slug') || linkTypes.has('ci'),
    'catalog.source.present': a('backstage.io/source-location'),
    'catalog.staticAnalysis.configured': a('sonarqube.org/project-key'),
    'catalog.coverage.configured': a('backstage.io/code-coverage'),
    'catalog.codeowners.present': a('runway.dev/codeowners'),
    'catalog.branchProtection': branchProtection(
      annotations['runway.dev/branch-protection'],
    ),
    'catalog.deploy.gitops': a('argocd/app-name'),
    'catalog.kubernetes.configured': a('backstage.io/kubernetes-id'),
    'catalog.techdocs.present': a('backstage.io/techdocs-ref'),
  };
  if (has(spec.lifecycle)) facts['catalog.lifecycle'] = String(spec.lifecycle);
  if (a('runway.dev/deploy-path')) {
    facts['catalog.deployPath'] = annotations['runway.dev/deploy-path']
      .split(',')
      .map(s => s.trim())
      .filter(Boolean);
  }
  if (has(spec.owner)) {
    const ownerRef = ownerRefOf(String(spec.owner), entity);
    const resolves =
      ownerRef !== undefined && organisation.owners.has(ownerRef);
    facts['catalog.owner.resolves'] = resolves;
    if (resolves) {
      facts['catalog.owner.memberCount'] = ownerRef.startsWith('user:')
        ? 1
        : organisation.memberCounts.get(ownerRef) ?? 0;
    }
  }
  return facts;
}

/** The full ref of an entity's owner (`group:` by default), or undefined when unparseable. */
export function ownerRefOf(owner: string, entity: Entity): string | undefined {
  try {
    return stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    );
  } catch {
    return undefined;
  }
}

function branchProtection(value: string | undefined): string {
  const v = value?.trim().toLocaleLowerCase();
  if (v === 'enabled' || v === 'disabled') return v;
  return 'absent';
}
