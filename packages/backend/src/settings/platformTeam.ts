import { groupRefOf, PLATFORM_TEAM_KEY } from '@internal/backend-common';
import type { SettingProblem } from './requiredSettings';

/** Where each plugin named the platform team before `runway.platformTeam` was the one place. */
const RETIRED_KEYS = [
  'permission.runway.platformTeam',
  'environments.platformTeam',
  'delivery.platformTeam',
];

/**
 * The platform team is named once, in `runway.platformTeam`, for the policy and every plugin.
 * A configuration that still names it in a plugin's own key would be silently ignored (and could
 * name another group), so the start stops and says where the setting moved.
 */
export function checkPlatformTeam(
  read: (key: string) => unknown,
  problems: SettingProblem[],
) {
  const value = read(PLATFORM_TEAM_KEY);
  if (!groupRefOf(value)) {
    problems.push({
      key: PLATFORM_TEAM_KEY,
      problem:
        value === undefined
          ? 'must name the platform team group, e.g. group:default/platform-team'
          : `"${value}" is not a group ref such as group:default/platform-team`,
    });
  }
  for (const key of RETIRED_KEYS) {
    if (read(key) !== undefined) {
      problems.push({
        key,
        problem: `is no longer read: name the platform team once, in ${PLATFORM_TEAM_KEY}`,
      });
    }
  }
}
