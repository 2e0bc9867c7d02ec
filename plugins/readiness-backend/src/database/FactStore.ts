import { Fact, FactValue } from '@internal/plugin-readiness-common';

/** A fact's current value and when it was observed (ISO 8601). */
export type ObservedValue = { value: FactValue; observedAt: string };

/** Every current fact of some entities, by entity ref then fact name. */
export type FactsByEntity = Map<string, Map<string, ObservedValue>>;

/**
 * Facts of entities: the latest value of each fact per source, and history rows holding the
 * values that were replaced. When two sources give the same fact, the later observation counts.
 */
export interface FactStore {
  /**
   * Records observations (CI pushes, example facts); an unchanged value only moves its observed
   * time. All or nothing.
   */
  recordFacts(facts: Fact[]): Promise<{ changed: number }>;
  /**
   * Makes what the given sources (fact providers) now observe about these entities the latest
   * values, writing only what changed (a fact a provider no longer gives is dropped), and returns
   * every current fact of the entities from all sources: an evaluation reads once, writes once.
   */
  syncFacts(
    entityRefs: string[],
    sources: string[],
    observed: Fact[],
  ): Promise<{ changed: number; facts: FactsByEntity }>;
  /** Every stored fact of one entity, with source and time. */
  listFacts(entityRef: string): Promise<Fact[]>;
  /** Drops history rows last observed before the given time; the latest values are kept. */
  pruneHistory(before: Date): Promise<number>;
  /** Drops the latest values the given sources gave these entities (history rows stay). */
  removeSets(entityRefs: string[], sources: string[]): Promise<void>;
}
