import {
  DriverContext,
  ProvisionResult,
  ResourceDriver,
} from '@internal/plugin-environments-node';
import { randomBytes } from 'node:crypto';

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/**
 * Plain configuration values and generated secrets attached to an environment. Nothing
 * outside the environment's record is created, so teardown only forgets.
 *
 * Parameters: `values` (name -> string, shown to readers and given to other drivers as the
 * environment's config) and `secrets` (names of secrets to generate, shown only to owners),
 * `secretLength` (bytes of randomness per secret, default 24).
 */
export class ConfigDriver implements ResourceDriver {
  readonly type = 'config';
  readonly description =
    'Configuration values and generated secrets attached to the environment';

  validateParameters(parameters: Record<string, unknown>): string[] {
    const problems: string[] = [];
    const known = ['values', 'secrets', 'secretLength'];
    for (const key of Object.keys(parameters)) {
      if (!known.includes(key)) {
        problems.push(
          `parameters.${key}: is not a config parameter (known: ${known.join(
            ', ',
          )})`,
        );
      }
    }
    const { values, secrets, secretLength } = parameters;
    if (values !== undefined) {
      if (
        typeof values !== 'object' ||
        values === null ||
        Array.isArray(values)
      ) {
        problems.push('parameters.values: must be a map of names to strings');
      } else {
        for (const [key, value] of Object.entries(values)) {
          if (!NAME.test(key)) {
            problems.push(`parameters.values.${key}: is not a valid name`);
          }
          if (typeof value !== 'string') {
            problems.push(`parameters.values.${key}: must be a string`);
          }
        }
      }
    }
    if (secrets !== undefined) {
      if (!Array.isArray(secrets)) {
        problems.push('parameters.secrets: must be a list of secret names');
      } else {
        secrets.forEach((name, i) => {
          if (typeof name !== 'string' || !NAME.test(name)) {
            problems.push(`parameters.secrets[${i}]: is not a valid name`);
          }
        });
      }
    }
    if (
      secretLength !== undefined &&
      (typeof secretLength !== 'number' ||
        !Number.isInteger(secretLength) ||
        secretLength < 16 ||
        secretLength > 128)
    ) {
      problems.push('parameters.secretLength: must be an integer 16-128');
    }
    return problems;
  }

  async provision(context: DriverContext): Promise<ProvisionResult> {
    const values = (context.parameters.values ?? {}) as Record<string, string>;
    const names = (context.parameters.secrets ?? []) as string[];
    const length = (context.parameters.secretLength as number) ?? 24;
    // Generated once and checkpointed, so a retried provision hands out the same secrets.
    const saved = (context.state?.secrets ?? {}) as Record<string, string>;
    const secrets: Record<string, string> = {};
    for (const name of names) {
      secrets[name] = saved[name] ?? randomBytes(length).toString('base64url');
    }
    if (names.some(name => saved[name] === undefined)) {
      await context.saveState({ secrets });
    }
    await context.log(
      `Config: ${Object.keys(values).length} values, ${names.length} secrets`,
    );
    return { outputs: { ...values }, secrets };
  }

  async teardown(context: DriverContext): Promise<void> {
    await context.log('Config: values and secrets forgotten');
  }
}
