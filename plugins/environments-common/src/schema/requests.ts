import { z } from 'zod';
import { ENVIRONMENT_STATUSES, EnvironmentStatus } from '../types';
import { DNS_LABEL, MAX_ENVIRONMENT_NAME_LENGTH } from './environmentClass';

const ENTITY_REF = /^[a-z0-9_.-]+:([a-z0-9_.-]+\/)?[a-z0-9_.-]+$/i;
const entityRef = (kind?: string) =>
  z
    .string()
    .regex(ENTITY_REF, 'must be an entity ref, kind:namespace/name')
    .refine(ref => !kind || ref.toLocaleLowerCase().startsWith(`${kind}:`), {
      message: `must be a ${kind} entity ref`,
    });

export const environmentNameSchema = z
  .string()
  .max(MAX_ENVIRONMENT_NAME_LENGTH)
  .regex(
    DNS_LABEL,
    'must be a DNS label: lowercase letters, digits and "-", starting with a letter',
  );

/** POST /environments (with an optional `Idempotency-Key` header). */
export const createEnvironmentRequestSchema = z.strictObject({
  /** Generated from the class when absent. */
  name: environmentNameSchema.optional(),
  className: z.string().min(1),
  /** The owning group (or user), e.g. `group:default/payments-team`. */
  owner: entityRef(),
  component: entityRef('component').optional(),
  /** The scaffolder template that creates it, for usage per template. */
  template: z.string().min(1).max(200).optional(),
  /** Defaults to the class's `ttl.defaultHours`; at most its `ttl.maxHours`. */
  ttlHours: z.number().int('must be a whole number of hours').min(1).optional(),
  /** Settable parameters by resource name: `{ db: { sizeMb: 200 } }`. */
  parameters: z
    .record(z.string(), z.record(z.string(), z.unknown()))
    .default({}),
});
export type CreateEnvironmentRequest = z.input<
  typeof createEnvironmentRequestSchema
>;

/** POST /environments/:id/extend: adds hours to the expiry, up to the class maximum. */
export const extendEnvironmentRequestSchema = z.strictObject({
  hours: z
    .number()
    .int('must be a whole number of hours')
    .min(1)
    .max(24 * 366),
});
export type ExtendEnvironmentRequest = z.infer<
  typeof extendEnvironmentRequestSchema
>;

/** POST /environments/:id/teardown */
export const teardownEnvironmentRequestSchema = z.strictObject({
  reason: z.string().max(1000).optional(),
});

/** POST /environments/:id/approve */
export const approveEnvironmentRequestSchema = z.strictObject({
  reason: z.string().max(1000).optional(),
});

/** POST /environments/:id/reject: the platform team says why. */
export const rejectEnvironmentRequestSchema = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(3, { message: 'must say why (at least 3 characters)' })
    .max(1000),
});

const commaList = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .transform(s =>
      s
        .split(',')
        .map(v => v.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).min(1));

/** GET /environments */
export const listEnvironmentsQuerySchema = z.strictObject({
  /** mine: created by me; team: owned by my groups; all: everything I may read. */
  scope: z.enum(['mine', 'team', 'all']).default('all'),
  owner: commaList(entityRef()).optional(),
  className: commaList(z.string().min(1)).optional(),
  status: commaList(z.enum(ENVIRONMENT_STATUSES)).optional(),
  component: entityRef('component').optional(),
  expiringBefore: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
/** GET /environments as a client sends it (lists may be arrays or comma-separated). */
export type ListEnvironmentsQuery = {
  scope?: 'mine' | 'team' | 'all';
  owner?: string | string[];
  className?: string | string[];
  status?: EnvironmentStatus | EnvironmentStatus[];
  component?: string;
  expiringBefore?: string;
  limit?: number;
  offset?: number;
};
export type ListEnvironmentsFilter = z.infer<
  typeof listEnvironmentsQuerySchema
>;

/** GET /environments/:id/events?after=<id> */
export const environmentEventsQuerySchema = z.strictObject({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

/** GET /audit?owner=group:default/payments-team */
export const teamAuditQuerySchema = z.strictObject({
  owner: entityRef(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
