import { Fact, FactValue } from '@internal/plugin-readiness-common';
import { Knex } from 'knex';
import { chunks } from './chunks';
import { FactStore } from './FactStore';

type FactRow = {
  entity_ref: string;
  name: string;
  value: string;
  source: string;
  observed_at: Date | string;
};

export class DatabaseFactStore implements FactStore {
  constructor(private readonly db: Knex) {}

  async recordFacts(facts: Fact[]): Promise<{ changed: number }> {
    // The last value given for a key wins within one call.
    const latest = new Map<string, Fact>();
    for (const fact of facts)
      latest.set(`${fact.entityRef}\u0000${fact.name}`, fact);
    let changed = 0;
    await this.db.transaction(async tx => {
      for (const batch of chunks([...latest.values()])) {
        const existing = await tx<FactRow>('readiness_facts')
          .select('entity_ref', 'name', 'value')
          .whereIn(
            ['entity_ref', 'name'],
            batch.map(f => [f.entityRef, f.name]),
          );
        const before = new Map(
          existing.map(r => [`${r.entity_ref}\u0000${r.name}`, r.value]),
        );
        const rows = batch.map(toRow);
        const history = rows.filter(
          r => before.get(`${r.entity_ref}\u0000${r.name}`) !== r.value,
        );
        changed += history.length;
        await tx('readiness_facts')
          .insert(rows)
          .onConflict(['entity_ref', 'name'])
          .merge(['value', 'source', 'observed_at']);
        if (history.length > 0) {
          await tx('readiness_fact_history').insert(history);
        }
      }
    });
    return { changed };
  }

  async factsOf(
    entityRefs: string[],
  ): Promise<Map<string, Map<string, FactValue>>> {
    const out = new Map<string, Map<string, FactValue>>();
    for (const batch of chunks(entityRefs)) {
      const rows = await this.db<FactRow>('readiness_facts')
        .select('entity_ref', 'name', 'value')
        .whereIn('entity_ref', batch);
      for (const row of rows) {
        let facts = out.get(row.entity_ref);
        if (!facts) out.set(row.entity_ref, (facts = new Map()));
        facts.set(row.name, JSON.parse(row.value));
      }
    }
    return out;
  }

  async listFacts(entityRef: string): Promise<Fact[]> {
    const rows = await this.db<FactRow>('readiness_facts')
      .where({ entity_ref: entityRef })
      .orderBy('name');
    return rows.map(fromRow);
  }

  async pruneHistory(before: Date): Promise<number> {
    return this.db('readiness_fact_history')
      .where('observed_at', '<', before)
      .delete();
  }
}

function toRow(fact: Fact): FactRow {
  return {
    entity_ref: fact.entityRef,
    name: fact.name,
    value: JSON.stringify(fact.value),
    source: fact.source,
    observed_at: new Date(fact.observedAt),
  };
}

function fromRow(row: FactRow): Fact {
  return {
    entityRef: row.entity_ref,
    name: row.name,
    value: JSON.parse(row.value),
    source: row.source,
    observedAt: new Date(row.observed_at).toISOString(),
  };
}
