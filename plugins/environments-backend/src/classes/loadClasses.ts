import fs from 'node:fs';
import YAML from 'yaml';
import {
  EnvironmentClass,
  environmentClassFileSchema,
  EnvironmentClassProblem,
  environmentClassSchema,
} from '@internal/plugin-environments-common';
import { ResourceDriver } from '@internal/plugin-environments-node';
import { JsonObject } from '@backstage/types';
import { fieldPath } from '@internal/backend-common';

/** Where a batch of class definitions came from. */
export type ClassSource = {
  /** A file path, or `app-config` for `environments.classes`. */
  source: string;
  /** The raw definitions, or undefined when the source itself could not be read. */
  definitions?: unknown[];
  /** Why the source could not be read (file missing, not YAML, no `classes:` list). */
  problem?: { field: string; message: string };
};

export type LoadedClasses = {
  classes: EnvironmentClass[];
  problems: EnvironmentClassProblem[];
};

/** Reads a class file (`classes:` then a list) into a source; never throws. */
export function readClassFile(file: string): ClassSource {
  let document: unknown;
  try {
    document = YAML.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    return {
      source: file,
      problem: { field: '(file)', message: `cannot be read: ${error}` },
    };
  }
  const parsed = environmentClassFileSchema.safeParse(document);
  if (!parsed.success) {
    return {
      source: file,
      problem: { field: 'classes', message: 'must be a list of classes' },
    };
  }
  return { source: file, definitions: parsed.data.classes };
}

/**
 * Validates class definitions: their shape, ids unique across sources, a registered driver
 * for every resource type, and defaults the driver accepts. A broken class is reported with
 * its source and field and left out; the others load.
 */
export function loadClasses(
  sources: ClassSource[],
  drivers: ReadonlyMap<string, ResourceDriver>,
): LoadedClasses {
  const out: LoadedClasses = { classes: [], problems: [] };
  const seen = new Map<string, string>();
  for (const { source, definitions, problem } of sources) {
    if (problem) out.problems.push({ source, ...problem });
    (definitions ?? []).forEach((raw, index) => {
      const base = `classes[${index}]`;
      const classId =
        typeof (raw as { id?: unknown })?.id === 'string'
          ? (raw as { id: string }).id
          : undefined;
      const report = (field: string, message: string) =>
        out.problems.push({
          source,
          ...(classId && { classId }),
          field,
          message,
        });
      const parsed = environmentClassSchema.safeParse(raw);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          report(fieldPath(issue.path, base), issue.message);
        }
        return;
      }
      const definition = parsed.data;
      const problemsBefore = out.problems.length;
      if (seen.has(definition.id)) {
        report(
          `${base}.id`,
          `"${definition.id}" is already defined in ${seen.get(definition.id)}`,
        );
      }
      definition.resources.forEach((resource, r) => {
        const driver = drivers.get(resource.type);
        if (!driver) {
          report(
            `${base}.resources[${r}].type`,
            `no driver registered for "${resource.type}" (registered: ${
              [...drivers.keys()].sort().join(', ') || 'none'
            })`,
          );
          return;
        }
        for (const p of driver.validateParameters(
          resource.parameters as JsonObject,
        )) {
          const { field, message } = splitDriverProblem(p);
          report(`${base}.resources[${r}].${field}`, message);
        }
      });
      if (out.problems.length === problemsBefore) {
        seen.set(definition.id, source);
        out.classes.push(definition);
      }
    });
  }
  return out;
}

/** Drivers report `parameters.x: problem`; split it into field and message. */
export function splitDriverProblem(problem: string): {
  field: string;
  message: string;
} {
  const match = /^(parameters[^\s:]*):\s*(.*)$/s.exec(problem);
  return match
    ? { field: match[1], message: match[2] }
    : { field: 'parameters', message: problem };
}
