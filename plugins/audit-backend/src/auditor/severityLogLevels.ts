import { AuditorServiceEventSeverityLevel } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';

type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const LOG_LEVELS: readonly string[] = ['debug', 'info', 'warn', 'error'];
const DEFAULTS: Record<AuditorServiceEventSeverityLevel, LogLevel> = {
  low: 'debug',
  medium: 'info',
  high: 'info',
  critical: 'info',
};

/**
 * `backend.auditor.severityLogLevelMappings`, read as Backstage's default auditor reads it
 * (same defaults, same refusal of an unknown level), which does not export its reader.
 */
export function severityLogLevels(
  config: Config,
): Record<AuditorServiceEventSeverityLevel, LogLevel> {
  const mappings = { ...DEFAULTS };
  for (const severity of Object.keys(DEFAULTS) as Array<
    keyof typeof DEFAULTS
  >) {
    const key = `backend.auditor.severityLogLevelMappings.${severity}`;
    const value = config.getOptionalString(key);
    if (value === undefined) continue;
    if (!LOG_LEVELS.includes(value)) {
      throw new Error(
        `The configuration value for '${key}' was given an invalid value: '${value}'. Expected one of the following valid values: '${LOG_LEVELS.join(
          ', ',
        )}'.`,
      );
    }
    mappings[severity] = value as LogLevel;
  }
  return mappings;
}
