import { Fact, FactValue } from '@internal/plugin-readiness-common';

/** Facts of entities: the latest value per fact, and a history row when a value changes. */
export interface FactStore {
  /** Records facts; a fact whose value did not change only moves its observed time. */
  recordFacts(facts: Fact[]): Promise<{ changed: number }>;
  /** The latest facts of the given entities, by entity ref then fact name. */
  factsOf(entityRefs: string[]): Promise<Map<string, Map<string, FactValue>>>;
  /** Every stored fact of one entity, with source and time. */
  listFacts(entityRef: string): Promise<Fact[]>;
  /** Drops history rows observed before the given time; the latest values are kept. */
  pruneHistory(before: Date): Promise<number>;
}
