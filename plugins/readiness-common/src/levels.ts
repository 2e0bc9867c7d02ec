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
