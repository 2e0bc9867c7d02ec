import { createHash } from 'node:crypto';

/** PostgreSQL truncates identifiers longer than this (NAMEDATALEN - 1). */
const MAX_IDENTIFIER_LENGTH = 63;
const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Whether a name is one this driver creates: lowercase letters, digits and `_`, at most 63
 * characters. Checked before every statement even though names are also quoted, so a name
 * never depends on quoting alone.
 */
export function isSafeIdentifier(name: string): boolean {
  return IDENTIFIER.test(name);
}

/**
 * The database (and role) name of one resource of one environment: prefix, environment name
 * and resource name with every other character turned into `_`. A name longer than 63
 * characters is cut and given a hash suffix of the full name, so it stays unique and the
 * same on every attempt.
 */
export function deriveResourceName(
  prefix: string,
  environmentName: string,
  resourceName: string,
): string {
  const clean = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '_');
  const full = `${prefix}${clean(environmentName)}_${clean(resourceName)}`;
  const name =
    full.length <= MAX_IDENTIFIER_LENGTH
      ? full
      : `${full.slice(0, MAX_IDENTIFIER_LENGTH - 9)}_${createHash('sha256')
          .update(full)
          .digest('hex')
          .slice(0, 8)}`;
  if (!isSafeIdentifier(name)) {
    throw new Error(
      `cannot derive a PostgreSQL name from environment "${environmentName}" and resource "${resourceName}": "${name}" is not [a-z0-9_] starting with a letter`,
    );
  }
  return name;
}
