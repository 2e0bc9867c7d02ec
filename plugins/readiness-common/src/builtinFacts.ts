import { FactDeclaration } from './facts';

const bool = (name: string, description: string): FactDeclaration => ({
  name,
  type: 'boolean',
  description,
  source: 'catalog',
});

/** Facts the catalog fact provider derives from each entity, its annotations and relations. */
export const CATALOG_FACTS: readonly FactDeclaration[] = [
  bool('catalog.owner.declared', 'spec.owner is set'),
  bool(
    'catalog.owner.resolves',
    'spec.owner names a Group or User that exists in the catalog',
  ),
  {
    name: 'catalog.owner.memberCount',
    type: 'number',
    min: 0,
    description: 'members of the owning group (1 when a user owns it)',
    source: 'catalog',
  },
  bool('catalog.system.declared', 'spec.system is set'),
  {
    name: 'catalog.lifecycle',
    type: 'string',
    description: 'spec.lifecycle',
    source: 'catalog',
  },
  bool('catalog.description.present', 'metadata.description is set'),
  bool(
    'catalog.oncall.configured',
    'pagerduty.com/service-id or opsgenie.com/component-selector is set',
  ),
  bool('catalog.escalation.configured', 'runway.dev/escalation-policy is set'),
  bool('catalog.runbook.present', 'a metadata.links entry of type runbook'),
  bool(
    'catalog.dashboard.present',
    'grafana/dashboard-selector or a link of type dashboard',
  ),
  bool('catalog.alerts.configured', 'grafana/alert-label-selector is set'),
  bool('catalog.errorTracking.configured', 'sentry.io/project-slug is set'),
  bool('catalog.ci.configured', 'github.com/project-slug or a link of type ci'),
  bool('catalog.source.present', 'backstage.io/source-location is set'),
  bool('catalog.staticAnalysis.configured', 'sonarqube.org/project-key is set'),
  bool('catalog.coverage.configured', 'backstage.io/code-coverage is set'),
  bool('catalog.codeowners.present', 'runway.dev/codeowners is set'),
  {
    name: 'catalog.branchProtection',
    type: 'string',
    enum: ['enabled', 'disabled', 'absent'],
    description: 'runway.dev/branch-protection (absent when not set)',
    source: 'catalog',
  },
  bool('catalog.deploy.gitops', 'argocd/app-name is set'),
  {
    name: 'catalog.deployPath',
    type: 'string[]',
    description: 'runway.dev/deploy-path, environments in promotion order',
    source: 'catalog',
  },
  bool('catalog.kubernetes.configured', 'backstage.io/kubernetes-id is set'),
  bool('catalog.techdocs.present', 'backstage.io/techdocs-ref is set'),
];

/** Facts CI pipelines push through POST /api/readiness/facts. */
/** A CI measurement older than this no longer says how the service is doing today. */
const CI_FACT_MAX_AGE_DAYS = 30;

export const PUSHED_FACTS: readonly FactDeclaration[] = [
  {
    name: 'ci.test.durationP50Seconds',
    type: 'number',
    min: 0,
    unit: 's',
    description: 'median duration of the test stage',
    source: 'ci',
    maxAgeDays: CI_FACT_MAX_AGE_DAYS,
  },
  {
    name: 'ci.test.durationP90Seconds',
    type: 'number',
    min: 0,
    unit: 's',
    description: '90th percentile duration of the test stage',
    source: 'ci',
    maxAgeDays: CI_FACT_MAX_AGE_DAYS,
  },
  {
    name: 'ci.test.flakyRate',
    type: 'number',
    min: 0,
    max: 1,
    description:
      'share of test runs that failed and then passed on retry, 0..1',
    source: 'ci',
    maxAgeDays: CI_FACT_MAX_AGE_DAYS,
  },
  {
    name: 'ci.test.coveragePercent',
    type: 'number',
    min: 0,
    max: 100,
    unit: '%',
    description: 'line coverage',
    source: 'ci',
    maxAgeDays: CI_FACT_MAX_AGE_DAYS,
  },
  {
    name: 'ci.staticAnalysis.status',
    type: 'string',
    enum: ['passed', 'warning', 'failed'],
    description: 'quality gate of the last analysis on the default branch',
    source: 'ci',
    maxAgeDays: CI_FACT_MAX_AGE_DAYS,
  },
  {
    name: 'ci.review.turnaroundHoursP50',
    type: 'number',
    min: 0,
    unit: 'h',
    description: 'median time from review request to first review',
    source: 'ci',
    maxAgeDays: CI_FACT_MAX_AGE_DAYS,
  },
];

/** Facts the environments and delivery plugins provide once they exist. */
export const PLATFORM_FACTS: readonly FactDeclaration[] = [
  {
    name: 'environments.ephemeral.createdLast30Days',
    type: 'number',
    min: 0,
    description: 'environments created for this service in the last 30 days',
    source: 'environments',
  },
  {
    name: 'environments.leftBehind',
    type: 'number',
    min: 0,
    description: 'expired environments not yet torn down',
    source: 'environments',
  },
  {
    name: 'delivery.deploysPerWeek',
    type: 'number',
    min: 0,
    description: 'production deploys per week over the last 30 days',
    source: 'delivery',
  },
  {
    name: 'delivery.selfServiceShare',
    type: 'number',
    min: 0,
    max: 1,
    description: 'share of deploys started by the owning team, 0..1',
    source: 'delivery',
  },
  {
    name: 'delivery.leadTimeHoursP50',
    type: 'number',
    min: 0,
    unit: 'h',
    description: 'median lead time for changes',
    source: 'delivery',
  },
  {
    name: 'delivery.timeToRestoreHoursP50',
    type: 'number',
    min: 0,
    unit: 'h',
    description: 'median time to restore after an incident',
    source: 'delivery',
  },
  {
    name: 'delivery.rollbackAvailable',
    type: 'boolean',
    description:
      'a previous successful version can be rolled back to in one action',
    source: 'delivery',
  },
];

export const BUILTIN_FACTS: readonly FactDeclaration[] = [
  ...CATALOG_FACTS,
  ...PUSHED_FACTS,
  ...PLATFORM_FACTS,
];
