import { z } from 'zod';

export const MAX_FACTS_PER_PUSH = 1000;
/** Longest text a fact holds (a URL, a version, a list item). */
export const MAX_FACT_TEXT = 10_000;

/** POST /facts: a batch of facts CI pushes for one or more entities. */
export const pushFactsRequestSchema = z.strictObject({
  facts: z
    .array(
      z.strictObject({
        entityRef: z.string().min(1).max(500),
        name: z.string().min(1).max(200),
        value: z.union([
          z.string().max(MAX_FACT_TEXT),
          z.number(),
          z.boolean(),
          z.array(z.string().max(MAX_FACT_TEXT)).max(1000),
        ]),
        /** When the fact was observed; defaults to when it is received. */
        observedAt: z.iso.datetime({ offset: true }).optional(),
      }),
    )
    .min(1)
    .max(MAX_FACTS_PER_PUSH),
});

export type PushFactsRequest = z.infer<typeof pushFactsRequestSchema>;
