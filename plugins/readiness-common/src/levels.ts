/**
 * Levels, lowest first. A check names the level it belongs to; an entity reaches a level on a
 * capability when every applicable check of that level and the levels below passes (or is
 * exempted). Below bronze is `none`.
 */
export const LEVEL_IDS = ['bronze', 'silver', 'gold'] as const;
export type LevelId = (typeof LEVEL_IDS)[number];
export type AchievedLevel = LevelId | 'none';

export function levelRank(level: AchievedLevel): number {
  return level === 'none' ? 0 : LEVEL_IDS.indexOf(level) + 1;
}

/** The level after this one; none above gold. */
export function nextLevel(level: AchievedLevel): LevelId | undefined {
  return LEVEL_IDS[levelRank(level)];
}

/**
 * An overall level resting on fewer scored capabilities than this (an API or resource scored
 * on ownership alone) says so wherever it is shown, and sorts after the entities whose level
 * rests on more, in either direction of the overview's level sort.
 */
export const MIN_SCORED_CAPABILITIES = 2;

export function isNarrowLevel(scoredCapabilities: number): boolean {
  return scoredCapabilities < MIN_SCORED_CAPABILITIES;
}
