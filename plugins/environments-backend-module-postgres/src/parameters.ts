import { JsonObject } from '@backstage/types';

/** What a postgres resource may ask for. */
export type PostgresParameters = {
  /** Extensions created in the new database, from the configured allow-list. */
  extensions: string[];
  /** The role's CONNECTION LIMIT. */
  connectionLimit: number;
};

export type ParameterLimits = {
  allowedExtensions: string[];
  maxConnectionLimit: number;
};

const DEFAULT_CONNECTION_LIMIT = 20;
const KNOWN = ['extensions', 'connectionLimit'];

/** Problems as `parameters.<field>: problem`, empty when the parameters are valid. */
export function validatePostgresParameters(
  parameters: JsonObject,
  limits: ParameterLimits,
): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(parameters)) {
    if (!KNOWN.includes(key)) {
      problems.push(
        `parameters.${key}: unknown parameter (known: ${KNOWN.join(', ')})`,
      );
    }
  }
  const { extensions, connectionLimit } = parameters;
  if (extensions !== undefined) {
    if (!Array.isArray(extensions)) {
      problems.push('parameters.extensions: must be a list of extension names');
    } else {
      const seen = new Set<string>();
      extensions.forEach((extension, index) => {
        const field = `parameters.extensions[${index}]`;
        if (typeof extension !== 'string') {
          problems.push(`${field}: must be a string`);
        } else if (!limits.allowedExtensions.includes(extension)) {
          problems.push(
            `${field}: "${extension}" is not an allowed extension (allowed: ${limits.allowedExtensions.join(
              ', ',
            )})`,
          );
        } else if (seen.has(extension)) {
          problems.push(`${field}: "${extension}" is listed twice`);
        } else {
          seen.add(extension);
        }
      });
    }
  }
  if (connectionLimit !== undefined) {
    if (
      typeof connectionLimit !== 'number' ||
      !Number.isInteger(connectionLimit) ||
      connectionLimit < 1 ||
      connectionLimit > limits.maxConnectionLimit
    ) {
      problems.push(
        `parameters.connectionLimit: ${JSON.stringify(
          connectionLimit,
        )} must be a whole number from 1 to ${limits.maxConnectionLimit}`,
      );
    }
  }
  return problems;
}

/** The parameters with defaults; throws with the problems when they are invalid. */
export function parsePostgresParameters(
  parameters: JsonObject,
  limits: ParameterLimits,
): PostgresParameters {
  const problems = validatePostgresParameters(parameters, limits);
  if (problems.length > 0) {
    throw new Error(`invalid postgres parameters: ${problems.join('; ')}`);
  }
  return {
    extensions: (parameters.extensions as string[] | undefined) ?? [],
    connectionLimit:
      (parameters.connectionLimit as number | undefined) ??
      Math.min(DEFAULT_CONNECTION_LIMIT, limits.maxConnectionLimit),
  };
}
