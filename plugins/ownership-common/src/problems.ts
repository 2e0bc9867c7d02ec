/** The `status.items[].type` the catalog module writes its findings under. */
export const OWNERSHIP_STATUS_TYPE = 'runway.dev/ownership';

/** The annotations the ownership rules read (see docs/annotations.md). */
export const ANNOTATION_PAGERDUTY = 'pagerduty.com/service-id';
export const ANNOTATION_OPSGENIE = 'opsgenie.com/component-selector';
export const ANNOTATION_ESCALATION = 'runway.dev/escalation-policy';

/** Every ownership problem, as the catalog status, the API filters and the page name it. */
export const OWNERSHIP_PROBLEM_CODES = [
  'owner-missing',
  'owner-unresolved',
  'owner-without-members',
  'team-of-one',
  'oncall-missing',
  'oncall-malformed',
  'escalation-malformed',
] as const;

export type OwnershipProblemCode = (typeof OWNERSHIP_PROBLEM_CODES)[number];

/** One finding about one entity; `field` names what to fix. */
export type OwnershipProblem = {
  code: OwnershipProblemCode;
  level: 'error' | 'warning';
  message: string;
  field: string;
};

export const PROBLEM_LABELS: Record<OwnershipProblemCode, string> = {
  'owner-missing': 'No owner',
  'owner-unresolved': 'Owner not in catalog',
  'owner-without-members': 'Owning group has no members',
  'team-of-one': 'Team of one',
  'oncall-missing': 'No on-call',
  'oncall-malformed': 'Malformed on-call',
  'escalation-malformed': 'Malformed escalation policy',
};
