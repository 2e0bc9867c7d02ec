import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type { SettingProblem } from './requiredSettings';

const POLICY_KEY = 'permission.runway.platformTeam';
/** Plugins that name the platform team themselves (for their own checks and messages). */
const PLUGIN_KEYS = ['environments.platformTeam', 'delivery.platformTeam'];

function normalised(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(value, {
        defaultKind: 'group',
        defaultNamespace: 'default',
      }),
    ).toLocaleLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * The permission policy and the plugins must agree on who the platform team is: a replica whose
 * policy trusts one group while delivery asks another for freeze overrides would be a quiet
 * privilege bug, so a mismatch stops the start, naming both keys.
 */
export function checkPlatformTeam(
  read: (key: string) => unknown,
  problems: SettingProblem[],
) {
  const team = normalised(read(POLICY_KEY));
  if (!team) {
    problems.push({
      key: POLICY_KEY,
      problem:
        'must name the platform team group, e.g. group:default/platform-team',
    });
    return;
  }
  for (const key of PLUGIN_KEYS) {
    const value = read(key);
    if (value !== undefined && normalised(value) !== team) {
      problems.push({
        key,
        problem: `must name the same group as ${POLICY_KEY} (${team}), got "${value}"`,
      });
    }
  }
}
