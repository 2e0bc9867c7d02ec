import { InputError } from '@backstage/errors';
import { JsonObject } from '@backstage/types';
import {
  EnvironmentClass,
  settableValueSchema,
} from '@internal/plugin-environments-common';
import { ResourceDriver } from '@internal/plugin-environments-node';
import { splitDriverProblem } from '../classes/loadClasses';
import { fieldPath } from '@internal/backend-common';

/**
 * The effective parameters of each resource of a class: its defaults with what the requester
 * set (only settable parameters, within their limits), then checked by the resource's driver.
 * Throws a 400 naming the first bad field, e.g. `parameters.db.sizeMb`.
 */
export function resolveParameters(
  environmentClass: EnvironmentClass,
  requested: Record<string, Record<string, unknown>>,
  drivers: ReadonlyMap<string, ResourceDriver>,
): Array<{ name: string; type: string; parameters: JsonObject }> {
  const names = environmentClass.resources.map(r => r.name);
  for (const name of Object.keys(requested)) {
    if (!names.includes(name)) {
      throw new InputError(
        `parameters.${name}: class "${
          environmentClass.id
        }" has no resource "${name}" (resources: ${names.join(', ')})`,
      );
    }
  }
  return environmentClass.resources.map(resource => {
    const given = requested[resource.name] ?? {};
    const settable = Object.keys(resource.settable);
    const parameters: Record<string, unknown> = { ...resource.parameters };
    for (const [key, value] of Object.entries(given)) {
      const base = `parameters.${resource.name}.${key}`;
      const spec = resource.settable[key];
      if (!spec) {
        throw new InputError(
          `${base}: may not be set in class "${
            environmentClass.id
          }" (settable: ${settable.join(', ') || 'none'})`,
        );
      }
      const parsed = settableValueSchema(spec).safeParse(value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new InputError(
          `${fieldPath(issue.path, base)}: ${
            issue.message
          }, got ${JSON.stringify(value)}`,
        );
      }
      parameters[key] = mergeValue(parameters[key], parsed.data);
    }
    const driver = drivers.get(resource.type);
    if (!driver) {
      throw new InputError(
        `parameters.${resource.name}: no driver registered for resource type "${resource.type}"`,
      );
    }
    const [problem] = driver.validateParameters(parameters as JsonObject);
    if (problem) {
      const { field, message } = splitDriverProblem(problem);
      throw new InputError(
        `${field.replace(
          /^parameters/,
          `parameters.${resource.name}`,
        )}: ${message}`,
      );
    }
    return {
      name: resource.name,
      type: resource.type,
      parameters: parameters as JsonObject,
    };
  });
}

/** Maps (config values) merge over the class's defaults; everything else replaces them. */
function mergeValue(base: unknown, value: unknown) {
  const isMap = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  return isMap(base) && isMap(value) ? { ...base, ...value } : value;
}
