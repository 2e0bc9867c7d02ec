import { Config } from '@backstage/config';
import {
  AUDIT_SEVERITY_LEVELS,
  AuditSeverityLevel,
} from '@internal/plugin-audit-common';

export type AuditConfig = {
  retentionDays: number;
  minimumSeverity: AuditSeverityLevel;
};

/** Reads `audit.*`, refusing (at start) a value that would silently keep too much or nothing. */
export function readAuditConfig(config: Config): AuditConfig {
  const retentionDays = config.getOptionalNumber('audit.retentionDays') ?? 365;
  if (!Number.isInteger(retentionDays) || retentionDays < 1) {
    throw new Error(
      `audit.retentionDays must be a whole number of days, at least 1; got ${retentionDays}`,
    );
  }
  const minimumSeverity =
    config.getOptionalString('audit.minimumSeverity') ?? 'medium';
  if (!(AUDIT_SEVERITY_LEVELS as readonly string[]).includes(minimumSeverity)) {
    throw new Error(
      `audit.minimumSeverity must be one of ${AUDIT_SEVERITY_LEVELS.join(
        ', ',
      )}; got ${minimumSeverity}`,
    );
  }
  return {
    retentionDays,
    minimumSeverity: minimumSeverity as AuditSeverityLevel,
  };
}
