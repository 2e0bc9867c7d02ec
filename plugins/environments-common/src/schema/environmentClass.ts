import { z } from 'zod';

/** Resource and environment names: DNS labels, so drivers can derive names from them. */
export const DNS_LABEL = /^[a-z]([a-z0-9-]*[a-z0-9])?$/;
export const MAX_ENVIRONMENT_NAME_LENGTH = 40;

const description = z.string().optional();

/**
 * What a requester may set for one parameter of a resource, with its limits. Everything a
 * class does not list here is fixed by the platform team.
 */
export const settableParameterSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('string'),
    description,
    enum: z.array(z.string()).min(1).optional(),
    pattern: z.string().optional(),
    maxLength: z.number().int().positive().optional(),
  }),
  z.strictObject({
    type: z.literal('integer'),
    description,
    min: z.number().int().optional(),
    max: z.number().int().optional(),
  }),
  z.strictObject({
    type: z.literal('number'),
    description,
    min: z.number().optional(),
    max: z.number().optional(),
  }),
  z.strictObject({ type: z.literal('boolean'), description }),
  z.strictObject({
    type: z.literal('string-list'),
    description,
    enum: z.array(z.string()).min(1).optional(),
    maxItems: z.number().int().positive().optional(),
  }),
  /** A map of names to strings, e.g. config values: `{ LOG_LEVEL: debug }`. */
  z.strictObject({
    type: z.literal('string-map'),
    description,
    keyPattern: z.string().optional(),
    maxEntries: z.number().int().positive().optional(),
    maxValueLength: z.number().int().positive().optional(),
  }),
]);

export type SettableParameter = z.infer<typeof settableParameterSchema>;

export const classResourceSchema = z.strictObject({
  /** Unique in the class, a DNS label, e.g. `db`. */
  name: z
    .string()
    .max(30)
    .regex(DNS_LABEL, 'must be a DNS label (a-z, 0-9, -)'),
  /** Resource type; the driver of this type realises it, e.g. `postgres`. */
  type: z.string().min(1),
  description,
  /** Defaults, validated by the driver when the class is loaded. */
  parameters: z.record(z.string(), z.unknown()).default({}),
  /** Parameters a requester may set, by name, with their limits. */
  settable: z.record(z.string(), settableParameterSchema).default({}),
});

/** An environment class as the platform team writes it (config or a YAML file in git). */
export const environmentClassSchema = z
  .strictObject({
    id: z
      .string()
      .max(30)
      .regex(DNS_LABEL, 'must be a DNS label (a-z, 0-9, -)'),
    title: z.string().min(1),
    description: z.string().default(''),
    ttl: z.strictObject({
      defaultHours: z.number().positive(),
      maxHours: z.number().positive(),
    }),
    quota: z
      .strictObject({
        /** Active environments of this class one team may have at once. */
        activePerTeam: z.number().int().positive(),
      })
      .optional(),
    approval: z
      .strictObject({ required: z.boolean() })
      .default({ required: false }),
    /** Provisioned in this order, torn down in reverse. */
    resources: z.array(classResourceSchema).min(1),
  })
  .superRefine((c, ctx) => {
    if (c.ttl.defaultHours > c.ttl.maxHours) {
      ctx.addIssue({
        code: 'custom',
        path: ['ttl', 'defaultHours'],
        message: `must not exceed ttl.maxHours (${c.ttl.maxHours}), got ${c.ttl.defaultHours}`,
      });
    }
    const seen = new Set<string>();
    c.resources.forEach((r, i) => {
      if (seen.has(r.name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['resources', i, 'name'],
          message: `"${r.name}" is used by another resource of the class`,
        });
      }
      seen.add(r.name);
    });
  });

export type EnvironmentClassInput = z.input<typeof environmentClassSchema>;
export type EnvironmentClass = z.infer<typeof environmentClassSchema>;
export type EnvironmentClassResource = z.infer<typeof classResourceSchema>;

/** A class file: `classes:` then a list of classes. */
export const environmentClassFileSchema = z.strictObject({
  classes: z.array(z.unknown()),
});

/** A class or class file that could not be loaded, named by file and field. */
export type EnvironmentClassProblem = {
  /** The file, or `app-config` for classes in `environments.classes`. */
  source: string;
  /** The class id when it could be read. */
  classId?: string;
  /** Path of the bad field, e.g. `classes[1].resources[0].parameters.sizeMb`. */
  field: string;
  message: string;
};
