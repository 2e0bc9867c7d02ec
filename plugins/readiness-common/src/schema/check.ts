import { z } from 'zod';
import { CAPABILITY_IDS, CapabilityId } from '../capabilities';
import { LEVEL_IDS, LevelId } from '../levels';
import { Rule, ruleSchema } from './rule';

/** A readiness check, as the platform team writes it in YAML (or a module registers it). */
export type CheckDefinition = {
  id: string;
  capability: CapabilityId;
  title: string;
  description: string;
  howToFix: { markdown: string; link?: string };
  /** Relative weight within its capability's score. */
  weight: number;
  /** The level this check is required for. */
  level: LevelId;
  /** Entities the check is about; others get `not-applicable`. */
  appliesTo?: { kinds?: string[]; types?: string[]; lifecycles?: string[] };
  /** Passes when this rule holds. */
  rule: Rule;
  /** When `rule` fails but this holds, the result is `warn` instead of `fail`. */
  warn?: Rule;
};

const nonEmptyList = z.array(z.string().min(1)).min(1).optional();

export const checkDefinitionSchema: z.ZodType<CheckDefinition> = z.strictObject(
  {
    id: z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, {
      message: 'must be lowercase words joined by dots or dashes',
    }),
    capability: z.enum(CAPABILITY_IDS),
    title: z.string().min(1),
    description: z.string().min(1),
    howToFix: z.strictObject({
      markdown: z.string().min(1),
      link: z.url().optional(),
    }),
    weight: z.number().positive().max(100),
    level: z.enum(LEVEL_IDS),
    appliesTo: z
      .strictObject({
        kinds: nonEmptyList,
        types: nonEmptyList,
        lifecycles: nonEmptyList,
      })
      .optional(),
    rule: ruleSchema,
    warn: ruleSchema.optional(),
  },
);

/** A checks file: `checks:` followed by a list of check definitions. */
export const checksFileSchema = z.strictObject({
  checks: z.array(z.unknown()),
});
