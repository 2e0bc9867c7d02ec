import { OwnershipProblem, OwnershipProblemCode } from './problems';

/** One Component, API, Resource or System and its ownership findings. */
export type OwnedEntity = {
  ref: string;
  kind: string;
  type?: string;
  title: string;
  lifecycle?: string;
  system?: string;
  /** `spec.owner` as written, and as a full ref when it parses. */
  owner?: string;
  ownerRef?: string;
  /** Whether a Group or User of that ref exists. */
  ownerResolved: boolean;
  onCall?: { tool: 'pagerduty' | 'opsgenie'; value: string };
  escalation?: string[];
  problems: OwnershipProblem[];
};

/** The deployment live in an environment, or the latest one there (delivery's view). */
export type LatestDeployment = {
  service: string;
  environment: string;
  version: string;
  status: string;
  at: string;
};

export type TeamEnvironment = {
  id: string;
  name: string;
  className: string;
  status: string;
  component?: string;
  expiresAt: string;
};

/** A Group with who is in it and everything it owns. */
export type TeamOwnership = {
  ref: string;
  title: string;
  type?: string;
  members: string[];
  owned: Array<{ ref: string; kind: string; title: string }>;
  environments: TeamEnvironment[];
  deployments: LatestDeployment[];
  problems: OwnershipProblem[];
};

export type OwnershipSummary = {
  entities: number;
  teams: number;
  orphaned: number;
  teamsOfOne: number;
  withoutOnCall: number;
  byProblem: Partial<Record<OwnershipProblemCode, number>>;
};

/** GET /entities */
export type OwnedEntitiesResponse = {
  summary: OwnershipSummary;
  items: OwnedEntity[];
};

/** GET /teams */
export type TeamsResponse = {
  items: TeamOwnership[];
  /** Sources that could not be read (environments, delivery): the rest is still shown. */
  unavailable: string[];
};
