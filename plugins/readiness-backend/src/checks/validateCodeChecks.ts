import {
  CheckDefinition,
  FactDeclaration,
} from '@internal/plugin-readiness-common';
import YAML from 'yaml';
import { LoadedChecks, parseChecks } from './loadChecks';

/** Checks added in code go through the same validation as checks from YAML. */
export function validateCodeChecks(
  checks: CheckDefinition[],
  facts: readonly FactDeclaration[],
): LoadedChecks {
  if (checks.length === 0) return { checks: [], problems: [] };
  return parseChecks(YAML.stringify({ checks }), '(code)', facts);
}
