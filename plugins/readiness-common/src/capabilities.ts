/** The six platform capabilities (ids fixed in DESIGN.md; use them everywhere). */
export const CAPABILITY_IDS = [
  'self-service-deployment',
  'test-feedback',
  'environment-provisioning',
  'code-review',
  'ownership',
  'observability',
] as const;

export type CapabilityId = (typeof CAPABILITY_IDS)[number];

export type Capability = {
  id: CapabilityId;
  title: string;
  /** What "ready" looks like. */
  ready: string;
};

export const CAPABILITIES: readonly Capability[] = [
  {
    id: 'self-service-deployment',
    title: 'Self-service deployment',
    ready: 'Owners deploy, promote and roll back without the platform team.',
  },
  {
    id: 'test-feedback',
    title: 'Fast and reliable test feedback',
    ready: 'CI gives a verdict in minutes; flaky tests are rare and known.',
  },
  {
    id: 'environment-provisioning',
    title: 'Automated environment provisioning',
    ready:
      'Every change can get a place to run, created and removed automatically.',
  },
  {
    id: 'code-review',
    title: 'Code review tooling that scales',
    ready:
      "Automated analysis and policy run before a human reviews; reviews don't queue.",
  },
  {
    id: 'ownership',
    title: 'Clear ownership models',
    ready:
      'Every service, environment and deployment has a named, reachable owner.',
  },
  {
    id: 'observability',
    title: 'Production observability',
    ready: 'Problems are detected fast and a bad change is rolled back fast.',
  },
];

export function isCapabilityId(value: unknown): value is CapabilityId {
  return CAPABILITY_IDS.includes(value as CapabilityId);
}
