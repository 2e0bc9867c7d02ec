import {
  AchievedLevel,
  CAPABILITIES,
  CapabilityId,
  CheckStatus,
  isNarrowLevel,
} from '@internal/plugin-readiness-common';

/** How statuses read and look everywhere in the plugin. */
export const STATUS_LABEL: Record<CheckStatus, string> = {
  pass: 'Pass',
  warn: 'Warning',
  fail: 'Fail',
  'not-applicable': 'Not applicable',
  'missing-data': 'Missing data',
  error: 'Error',
};

export const STATUS_COLOR: Record<CheckStatus, string> = {
  pass: '#2e7d32',
  warn: '#ed6c02',
  fail: '#d32f2f',
  'not-applicable': '#9e9e9e',
  'missing-data': '#6d4c41',
  error: '#7b1fa2',
};

export const LEVEL_LABEL: Record<AchievedLevel, string> = {
  none: 'No level',
  bronze: 'Bronze',
  silver: 'Silver',
  gold: 'Gold',
};

export const LEVEL_COLOR: Record<AchievedLevel, string> = {
  none: '#bdbdbd',
  bronze: '#b87333',
  silver: '#8e9aa6',
  gold: '#d4a017',
};

export function capabilityTitle(id: CapabilityId | string): string {
  return CAPABILITIES.find(c => c.id === id)?.title ?? id;
}

/** A red-to-green colour for a 0-100 score; grey when nothing applies. */
export function scoreColor(score: number | null | undefined): string {
  if (score === null || score === undefined) return '#e0e0e0';
  const hue = Math.round((score / 100) * 120);
  return `hsl(${hue}, 60%, 45%)`;
}

/** What a capability with no applicable check shows instead of a score or a level. */
export const NOT_SCORED = 'Not scored';

/**
 * Said next to an overall level resting on fewer than two scored capabilities (an API scored
 * on ownership alone), so it does not read as a Gold service; undefined otherwise.
 */
export function narrowLevelNote(
  scoredCapabilities: number,
): string | undefined {
  if (!isNarrowLevel(scoredCapabilities)) return undefined;
  return scoredCapabilities === 0
    ? 'no capability scored'
    : `${scoredCapabilities} of ${CAPABILITIES.length} capabilities scored`;
}

/** The in-page anchor of a check on the Readiness tab. */
export function checkAnchor(checkId: string): string {
  return `readiness-check-${checkId.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}
