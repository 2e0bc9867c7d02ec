/**
 * Who may use a permission, by its name:
 * - `everyone`: every signed-in user;
 * - `owners`: members of the group owning the resource (a conditional decision the owning
 *   plugin applies to the resource, or to a list in its database);
 * - `readers`: `everyone`, or `owners` when `permission.runway.visibility` is `owners`;
 * - `platform`: the platform team only;
 * - `automation`: no user; service principals (CI tokens, other plugins) bypass the policy.
 * The platform team may do everything. A permission not listed here is allowed for everyone when
 * its action is `read`, and denied otherwise: a new mutating permission is closed until decided.
 */
export type Role =
  | 'everyone'
  | 'owners'
  | 'readers'
  | 'platform'
  | 'automation';

export const roles: Record<string, Role> = {
  // Backstage catalog: anyone registers and refreshes; owners unregister their entities.
  'catalog.entity.read': 'everyone',
  'catalog.entity.create': 'everyone',
  'catalog.entity.refresh': 'everyone',
  'catalog.entity.validate': 'everyone',
  'catalog.entity.delete': 'owners',
  'catalog.location.read': 'everyone',
  'catalog.location.create': 'everyone',
  'catalog.location.analyze': 'everyone',
  'catalog.location.delete': 'platform',
  'catalog.ingestion.read': 'platform',
  'catalog.ingestion.manage': 'platform',

  // Scaffolder: anyone runs templates; the platform team manages them.
  'scaffolder.template.parameter.read': 'everyone',
  'scaffolder.template.step.read': 'everyone',
  'scaffolder.template.dry-run': 'platform',
  'scaffolder.template.management': 'platform',
  'scaffolder.action.execute': 'everyone',
  'scaffolder.task.create': 'everyone',
  'scaffolder.task.read': 'everyone',
  'scaffolder.task.cancel': 'owners',

  // Readiness.
  'readiness.scorecard.read': 'readers',
  'readiness.evaluate': 'everyone',
  'readiness.evaluate.all': 'platform',
  'readiness.exemption.manage': 'owners',
  'readiness.facts.push': 'automation',

  // Environments. Creating checks in the service that the requester is in the owning team.
  'environments.environment.create': 'everyone',
  'environments.environment.read': 'readers',
  'environments.environment.extend': 'owners',
  'environments.environment.teardown': 'owners',
  'environments.environment.approve': 'platform',
  'environments.class.manage': 'platform',

  // Delivery. Production deploys are further subject to delivery's own guards (freeze, gate).
  'delivery.deploy.read': 'readers',
  'delivery.deploy.create': 'owners',
  'delivery.deploy.rollback': 'owners',
  'delivery.deploy.promote': 'owners',
  'delivery.deploy.approve': 'platform',
  'delivery.freeze.override': 'platform',
  'delivery.metrics.read': 'everyone',
  'delivery.events.ingest': 'automation',

  // Ownership page and the audit trail.
  'ownership.read': 'everyone',
  'audit.events.read': 'platform',
};
