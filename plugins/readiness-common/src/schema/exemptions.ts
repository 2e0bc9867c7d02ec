import { z } from 'zod';

/** Longest reason an exemption keeps: a paragraph, not a document. */
export const MAX_EXEMPTION_REASON = 2000;
/** Longest an exemption lasts unless readiness.exemptions.maxDays says otherwise. */
export const DEFAULT_EXEMPTION_MAX_DAYS = 180;

/** POST /exemptions: exempt one entity from one check, for a reason, until a date. */
export const createExemptionRequestSchema = z.strictObject({
  entityRef: z.string().min(1).max(500),
  checkId: z.string().min(1).max(200),
  reason: z
    .string()
    .trim()
    .min(3, { message: 'must say why (at least 3 characters)' })
    .max(MAX_EXEMPTION_REASON, {
      message: `must be at most ${MAX_EXEMPTION_REASON} characters`,
    }),
  expiresAt: z.iso.datetime({ offset: true }),
});

export type CreateExemptionRequest = z.infer<
  typeof createExemptionRequestSchema
>;
