import { z } from 'zod';

export const MAX_FACTS_PER_PUSH = 1000;

/** POST /facts: a batch of facts CI pushes for one or more entities. */
export const pushFactsRequestSchema = z.strictObject({
  facts: z
    .array(
      z.strictObject({
        entityRef: z.string().min(1),
        name: z.string().min(1),
        value: z.union([
          z.string(),
          z.number(),
          z.boolean(),
          z.array(z.string()),
        ]),
        /** When the fact was observed; defaults to when it is received. */
        observedAt: z.iso.datetime({ offset: true }).optional(),
      }),
    )
    .min(1)
    .max(MAX_FACTS_PER_PUSH),
});

export type PushFactsRequest = z.infer<typeof pushFactsRequestSchema>;
