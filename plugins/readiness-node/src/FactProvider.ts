import { Entity } from '@backstage/catalog-model';
import { FactDeclaration, FactValue } from '@internal/plugin-readiness-common';

/** A fact a provider collected for one entity. */
export type CollectedFact = {
  entityRef: string;
  name: string;
  value: FactValue;
};

/**
 * Collects facts about catalog entities. The readiness backend calls `collect` with batches of
 * entities (up to a thousand in a scheduled run, one on demand); every returned value is
 * validated against the provider's declarations before it is stored.
 */
export interface FactProvider {
  /** Stable id, recorded as each fact's source, e.g. `catalog` or `delivery`. */
  readonly id: string;
  /** The facts this provider records. Names must be unique across providers. */
  readonly declarations: readonly FactDeclaration[];
  collect(entities: readonly Entity[]): Promise<CollectedFact[]>;
}
