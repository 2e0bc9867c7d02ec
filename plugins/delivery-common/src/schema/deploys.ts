import { z } from 'zod';
import { commitShaSchema } from './git';

const override = z.strictObject({
  /** Why the deploy must happen inside a freeze window; kept in the deploy and the audit log. */
  reason: z
    .string()
    .trim()
    .min(10, { message: 'must say why (at least 10 characters)' })
    .max(1000, { message: 'must be at most 1000 characters' }),
});

/** POST /deploys */
export const deployRequestSchema = z.strictObject({
  service: z.string().min(1).max(300),
  environment: z.string().min(1).max(100),
  version: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._+-]{0,127}$/, {
    message:
      'must be 1-128 letters, digits, ".", "_", "+" or "-", starting with a letter or digit',
  }),
  commitSha: commitShaSchema.optional(),
  /** A retry with the same key returns the first deploy instead of starting another. */
  idempotencyKey: z.string().min(1).max(200).optional(),
  freezeOverride: override.optional(),
});

/** POST /deploys/rollback */
export const rollbackRequestSchema = z.strictObject({
  service: z.string().min(1).max(300),
  environment: z.string().min(1).max(100),
  idempotencyKey: z.string().min(1).max(200).optional(),
  freezeOverride: override.optional(),
});

/** POST /deploys/promote: the version now in `from` goes to the next environment on the path. */
export const promoteRequestSchema = z.strictObject({
  service: z.string().min(1).max(300),
  from: z.string().min(1).max(100),
  idempotencyKey: z.string().min(1).max(200).optional(),
  freezeOverride: override.optional(),
});

/** POST /deploys/:id/callback: a driver's signed status report. */
export const deployCallbackSchema = z.strictObject({
  status: z.enum(['running', 'succeeded', 'failed']),
  message: z.string().max(2000).optional(),
  /** Lines for the live log. */
  log: z.array(z.string().max(2000)).max(500).optional(),
});

export type DeployRequest = z.infer<typeof deployRequestSchema>;
export type RollbackRequest = z.infer<typeof rollbackRequestSchema>;
export type PromoteRequest = z.infer<typeof promoteRequestSchema>;
export type DeployCallback = z.infer<typeof deployCallbackSchema>;
