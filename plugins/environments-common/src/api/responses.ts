import {
  EnvironmentClass,
  EnvironmentClassProblem,
} from '../schema/environmentClass';
import {
  AuditRecord,
  Environment,
  EnvironmentEvent,
  EnvironmentStatus,
  EnvironmentSummary,
} from '../types';

/** What the caller may do with one environment (to show or hide buttons). */
export type EnvironmentViewer = {
  /** Member of the owning group: sees secrets, may extend and tear down. */
  isOwner: boolean;
  /** Member of the platform team: may approve, and act on every environment. */
  isPlatformTeam: boolean;
};

/** GET /environments/:id (secrets only for owners and the platform team). */
export type EnvironmentResponse = Environment & { viewer: EnvironmentViewer };

/** GET /environments */
export type ListEnvironmentsResponse = {
  items: EnvironmentSummary[];
  totalCount: number;
};

/** GET /environments/:id/events */
export type EnvironmentEventsResponse = {
  events: EnvironmentEvent[];
  /** The environment's current status, so a follower knows when to stop polling. */
  status: EnvironmentStatus;
};

/** A driver registered in the backend. */
export type DriverInfo = { type: string; description: string };

/** GET /classes: classes that loaded, and problems with those that did not. */
export type ListClassesResponse = {
  classes: EnvironmentClass[];
  problems: EnvironmentClassProblem[];
  drivers: DriverInfo[];
};

/** Environments counted by status for one class or template. */
export type UsageRow = {
  key: string;
  total: number;
  /** Active environments (requested, awaiting approval, provisioning, ready, tearing down). */
  active: number;
  /** Environments whose provisioning failed. */
  failed: number;
  byStatus: Partial<Record<EnvironmentStatus, number>>;
};

/** GET /usage */
export type UsageResponse = { classes: UsageRow[]; templates: UsageRow[] };

/** GET /environments/:id/audit and GET /audit?owner= */
export type AuditResponse = { records: AuditRecord[] };
