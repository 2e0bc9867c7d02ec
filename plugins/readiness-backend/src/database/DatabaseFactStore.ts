import { Fact, FactValue } from '@internal/plugin-readiness-common';
import { Knex } from 'knex';
import { chunks } from './chunks';
import { FactsByEntity, FactStore, ObservedValue } from './FactStore';

type StoredFact = ObservedValue;
type FactSet = Record<string, StoredFact>;
type SetRow = { entity_ref: string; source: string; facts: string };
type HistoryRow = {
  entity_ref: string;
  name: string;
  value: string;
  source: string;
  observed_at: Date;
};

const setKey = (entityRef: string, source: string) =>
  `${entityRef}\u0000${source}`;
const sameValue = (a: FactValue, b: FactValue) =>
  a === b ||
  (typeof a === 'object' &&
    typeof b === 'object' &&
    JSON.stringify(a) === JSON.stringify(b));

export class DatabaseFactStore implements FactStore {
  constructor(private readonly db: Knex) {}

  async recordFacts(facts: Fact[]): Promise<{ changed: number }> {
    // The last value given for a fact wins within one call.
    const incoming = new Map<string, Map<string, Fact>>();
    for (const fact of facts) {
      const key = setKey(fact.entityRef, fact.source);
      const set = incoming.get(key) ?? new Map<string, Fact>();
      incoming.set(key, set.set(fact.name, fact));
    }
    const keys = [...incoming.values()].map(set => {
      const [{ entityRef, source }] = set.values();
      return [entityRef, source];
    });
    let changed = 0;
    await this.db.transaction(async tx => {
      // Every set exists before it is locked, so concurrent pushes to one entity serialise on
      // its row instead of both inserting and one losing the other's facts.
      for (const batch of chunks(keys)) {
        await tx('readiness_fact_sets')
          .insert(
            batch.map(([entityRef, source]) => ({
              entity_ref: entityRef,
              source,
              facts: '{}',
              updated_at: new Date(),
            })),
          )
          .onConflict(['entity_ref', 'source'])
          .ignore();
      }
      const existing = await this.readSets(
        tx,
        keys.map(([entityRef]) => entityRef),
        { lock: true },
      );
      const writes: SetRow[] = [];
      const history: HistoryRow[] = [];
      for (const [key, observations] of incoming) {
        const set = { ...existing.get(key) };
        for (const fact of observations.values()) {
          const old = set[fact.name];
          if (!old || !sameValue(old.value, fact.value)) changed += 1;
          if (old && !sameValue(old.value, fact.value))
            history.push(
              historyRow(fact.entityRef, fact.name, fact.source, old),
            );
          set[fact.name] = { value: fact.value, observedAt: fact.observedAt };
        }
        const [{ entityRef, source }] = observations.values();
        writes.push(setRow(entityRef, source, set));
      }
      await this.write(tx, writes, history);
    });
    return { changed };
  }

  async syncFacts(
    entityRefs: string[],
    sources: string[],
    observed: Fact[],
  ): Promise<{ changed: number; facts: FactsByEntity }> {
    const now = new Map<string, FactSet>();
    for (const fact of observed) {
      const key = setKey(fact.entityRef, fact.source);
      const set = now.get(key) ?? {};
      set[fact.name] = { value: fact.value, observedAt: fact.observedAt };
      now.set(key, set);
    }
    return this.db.transaction(async tx => {
      const existing = await this.readSets(tx, entityRefs, { lock: false });
      const writes: SetRow[] = [];
      const history: HistoryRow[] = [];
      let changed = 0;
      for (const entityRef of entityRefs) {
        for (const source of sources) {
          const key = setKey(entityRef, source);
          const before = existing.get(key) ?? {};
          const after = now.get(key) ?? {};
          let setChanged = false;
          for (const [name, fact] of Object.entries(after)) {
            const old = before[name];
            if (old && sameValue(old.value, fact.value)) {
              // An unchanged value keeps the time it was first observed.
              after[name] = old;
            } else {
              changed += 1;
              setChanged = true;
            }
          }
          for (const [name, old] of Object.entries(before)) {
            const replaced = !after[name] || after[name] !== old;
            if (replaced)
              history.push(historyRow(entityRef, name, source, old));
            if (!after[name]) {
              changed += 1;
              setChanged = true;
            }
          }
          if (setChanged) {
            writes.push(setRow(entityRef, source, after));
            existing.set(key, after);
          }
        }
      }
      await this.write(tx, writes, history);
      return { changed, facts: currentFacts(entityRefs, existing) };
    });
  }

  async listFacts(entityRef: string): Promise<Fact[]> {
    const rows = await this.db<SetRow>('readiness_fact_sets').where({
      entity_ref: entityRef,
    });
    return rows
      .flatMap(row =>
        Object.entries(JSON.parse(row.facts) as FactSet).map(
          ([name, fact]) => ({
            entityRef,
            name,
            value: fact.value,
            source: row.source,
            observedAt: fact.observedAt,
          }),
        ),
      )
      .sort(
        (a, b) =>
          a.name.localeCompare(b.name) || a.source.localeCompare(b.source),
      );
  }

  async pruneHistory(before: Date): Promise<number> {
    return this.db('readiness_fact_history')
      .where('observed_at', '<', before)
      .delete();
  }

  async removeSets(entityRefs: string[], sources: string[]): Promise<void> {
    for (const batch of chunks(entityRefs)) {
      await this.db('readiness_fact_sets')
        .whereIn('entity_ref', batch)
        .whereIn('source', sources)
        .delete();
    }
  }

  /** Every fact set of the entities, by entity ref and source. */
  private async readSets(
    tx: Knex.Transaction,
    entityRefs: string[],
    { lock }: { lock: boolean },
  ): Promise<Map<string, FactSet>> {
    const sets = new Map<string, FactSet>();
    for (const batch of chunks([...new Set(entityRefs)])) {
      const query = tx<SetRow>('readiness_fact_sets')
        .select('entity_ref', 'source', 'facts')
        .whereIn('entity_ref', batch);
      // SQLite has one writer at a time already; Postgres needs the rows locked.
      if (lock && tx.client.dialect === 'postgresql') query.forUpdate();
      for (const row of await query) {
        sets.set(setKey(row.entity_ref, row.source), JSON.parse(row.facts));
      }
    }
    return sets;
  }

  private async write(
    tx: Knex.Transaction,
    sets: SetRow[],
    history: HistoryRow[],
  ) {
    for (const batch of chunks(sets)) {
      await tx('readiness_fact_sets')
        .insert(batch.map(row => ({ ...row, updated_at: new Date() })))
        .onConflict(['entity_ref', 'source'])
        .merge(['facts', 'updated_at']);
    }
    for (const batch of chunks(history)) {
      await tx('readiness_fact_history').insert(batch);
    }
  }
}

function setRow(entityRef: string, source: string, set: FactSet): SetRow {
  return { entity_ref: entityRef, source, facts: JSON.stringify(set) };
}

function historyRow(
  entityRef: string,
  name: string,
  source: string,
  replaced: StoredFact,
): HistoryRow {
  return {
    entity_ref: entityRef,
    name,
    value: JSON.stringify(replaced.value),
    source,
    observed_at: new Date(replaced.observedAt),
  };
}

/** Each entity's facts across sources; where sources overlap, the later observation wins. */
function currentFacts(
  entityRefs: string[],
  sets: Map<string, FactSet>,
): FactsByEntity {
  const bySource = new Map<string, FactSet[]>();
  for (const [key, set] of sets) {
    const entityRef = key.slice(0, key.indexOf('\u0000'));
    bySource.set(entityRef, [...(bySource.get(entityRef) ?? []), set]);
  }
  const out: FactsByEntity = new Map();
  for (const entityRef of entityRefs) {
    const latest = new Map<string, StoredFact>();
    for (const set of bySource.get(entityRef) ?? []) {
      for (const [name, fact] of Object.entries(set)) {
        const seen = latest.get(name);
        if (!seen || fact.observedAt > seen.observedAt) latest.set(name, fact);
      }
    }
    out.set(entityRef, latest);
  }
  return out;
}
