import { mockServices } from '@backstage/backend-test-utils';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { BUILTIN_FACTS } from '@internal/plugin-readiness-common';
import { createTestDatabases } from '@internal/testing';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { builtinCheckFiles } from '../checks/checkSources';
import { loadCheckFiles } from '../checks/loadChecks';
import { DatabaseExemptionStore } from '../database/DatabaseExemptionStore';
import { DatabaseFactStore } from '../database/DatabaseFactStore';
import { DatabaseOverviewStore } from '../database/DatabaseOverviewStore';
import { DatabaseResultStore } from '../database/DatabaseResultStore';
import { applyDatabaseMigrations } from '../database/migrations';
import { CatalogFactProvider } from '../facts/CatalogFactProvider';
import { readExampleFacts } from '../facts/readExampleFacts';
import { ReadinessEvaluator } from './ReadinessEvaluator';
import { scorecardView } from './scorecardView';

jest.setTimeout(60_000);

const root = path.resolve(__dirname, '../../../..');
const databases = createTestDatabases();

function readCatalog(): Entity[] {
  const files = [
    'catalog-info.yaml',
    'examples/org/groups.yaml',
    'examples/org/users.yaml',
    ...fs
      .readdirSync(path.join(root, 'examples/systems'))
      .map(f => `examples/systems/${f}`),
  ];
  const entities = files.flatMap(f =>
    YAML.parseAllDocuments(fs.readFileSync(path.join(root, f), 'utf8')).map(
      d => d.toJS() as Entity,
    ),
  );
  const refOf = (e: Entity) => stringifyEntityRef(e).toLocaleLowerCase();
  const target = (ref: string, kind: string, e: Entity) =>
    stringifyEntityRef(
      parseEntityRef(ref, {
        defaultKind: kind,
        defaultNamespace: e.metadata.namespace ?? 'default',
      }),
    ).toLocaleLowerCase();
  for (const e of entities) {
    e.metadata.namespace ??= 'default';
    const spec = (e.spec ?? {}) as Record<string, any>;
    e.relations = [];
    if (spec.owner)
      e.relations.push({
        type: 'ownedBy',
        targetRef: target(spec.owner, 'group', e),
      });
    if (spec.system)
      e.relations.push({
        type: 'partOf',
        targetRef: target(spec.system, 'system', e),
      });
  }
  for (const user of entities.filter(e => e.kind === 'User')) {
    for (const group of ((user.spec as any).memberOf ?? []) as string[]) {
      const ref = target(group, 'group', user);
      entities
        .find(e => refOf(e) === ref)
        ?.relations!.push({ type: 'hasMember', targetRef: refOf(user) });
    }
  }
  return entities;
}

describe.each(databases.eachSupportedId())(
  'the example organisation on %s',
  id => {
    it('reads truthfully: what blocks Identity Service, and ownership-only levels after the others', async () => {
      const knex = await databases.init(id);
      await applyDatabaseMigrations(knex);
      const clock = new Date();
      const { checks } = loadCheckFiles(builtinCheckFiles(), BUILTIN_FACTS);
      const catalog = catalogServiceMock({ entities: readCatalog() });
      const auth = mockServices.auth();
      const facts = new DatabaseFactStore(knex);
      const results = new DatabaseResultStore(knex);
      // As `make start` loads them (ReadinessService.importExampleFacts).
      await facts.recordFacts(
        readExampleFacts(
          path.join(root, 'examples/readiness/facts.yaml'),
        ).facts.map(f => ({
          ...f,
          entityRef: f.entityRef.toLocaleLowerCase(),
          source: 'example',
          observedAt: clock.toISOString(),
        })),
      );
      await new ReadinessEvaluator({
        catalog,
        auth,
        logger: mockServices.logger.mock(),
        providers: [new CatalogFactProvider(catalog, auth)],
        declarations: BUILTIN_FACTS,
        checks,
        facts,
        results,
        exemptions: new DatabaseExemptionStore(knex),
        now: () => clock,
      }).evaluateAll();
      const { rows } = await new DatabaseOverviewStore(knex).list(
        {},
        { by: 'level', order: 'desc' },
        { limit: 100, offset: 0 },
      );
      const scorecard = async (ref: string) =>
        scorecardView((await results.scorecard(ref))!, checks, []);

      // Self-service deployment scores lowest, but one bronze test-feedback check is what
      // keeps the service at no level.
      const identity = await scorecard('component:default/identity-service');
      const lowest = identity.capabilities
        .filter(c => c.score !== null)
        .sort((a, b) => a.score! - b.score!)[0];
      expect(lowest.capability).toBe('self-service-deployment');
      expect(identity.overallLevel).toBe('none');
      expect(identity.fixFirst.level).toBe('bronze');
      expect(
        identity.fixFirst.checks.map(c => [c.capability, c.level, c.id]),
      ).toEqual([
        ['test-feedback', 'bronze', 'test-feedback.coverage-reported'],
      ]);

      // APIs, resources and systems are scored on ownership alone: gold, saying so, nothing
      // to fix, and listed after every entity whose level rests on more.
      const narrow = rows.filter(r => r.kind !== 'Component');
      expect(narrow.length).toBeGreaterThan(20);
      for (const row of narrow) {
        expect([
          row.overallLevel,
          row.scoredCapabilities,
          row.fixFirst,
        ]).toEqual(['gold', 1, { blockingChecks: 0 }]);
      }
      const firstNarrow = rows.findIndex(r => r.scoredCapabilities < 2);
      expect(firstNarrow).toBeGreaterThan(0);
      expect(rows.slice(firstNarrow).every(r => r.scoredCapabilities < 2)).toBe(
        true,
      );
      expect(rows[0].kind).toBe('Component');

      // Every row shows the first check the entity's tab lists, and how many there are.
      for (const row of rows) {
        const card = await scorecard(row.entityRef);
        expect([row.entityRef, row.fixFirst.first?.id]).toEqual([
          row.entityRef,
          card.fixFirst.checks[0]?.id,
        ]);
        expect(row.fixFirst.blockingChecks).toBe(card.fixFirst.checks.length);
        expect(row.scoredCapabilities).toBe(card.scoredCapabilities);
      }
    });
  },
);
