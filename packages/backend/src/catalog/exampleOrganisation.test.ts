import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import {
  eventually,
  startCatalogBackend,
} from './__testUtils__/catalogTestBackend';

jest.setTimeout(90_000);

const root = path.resolve(__dirname, '../../../..');
const auth = mockCredentials.user.header();

/** The catalog section of app-config.yaml, with its backend-relative paths made absolute. */
function catalogConfigOfMakeStart() {
  const appConfig = YAML.parse(
    fs.readFileSync(path.join(root, 'app-config.yaml'), 'utf8'),
  );
  const backendDir = path.join(root, 'packages/backend');
  return {
    ...appConfig.catalog,
    locations: appConfig.catalog.locations.map((l: any) => ({
      ...l,
      target: path.resolve(backendDir, l.target),
    })),
  };
}

describe('the example organisation, loaded as make start loads it', () => {
  let entities: Entity[];
  let stop: () => Promise<void>;
  let unprocessed: any[];

  beforeAll(async () => {
    const { backend, api } = await startCatalogBackend({
      backend: {
        baseUrl: 'http://localhost:7007',
        database: { client: 'better-sqlite3', connection: ':memory:' },
      },
      catalog: catalogConfigOfMakeStart(),
    });
    stop = () => backend.stop();
    const get = async (url: string) => {
      const res = await api.get(url).set('Authorization', auth);
      expect(res.status).toBe(200);
      return res.body;
    };
    // Done when nothing is left to process and the entity count stops moving.
    let previous = -1;
    entities = await eventually(async () => {
      const pending = await get('/api/catalog/entities/unprocessed/pending');
      const all = await get('/api/catalog/entities');
      const settled = pending.entities.length === 0 && all.length === previous;
      previous = all.length;
      return settled ? (all as Entity[]) : undefined;
    }, 'the catalog to finish processing the examples');
    unprocessed = (await get('/api/catalog/entities/unprocessed/failed'))
      .entities;
  });

  afterAll(() => stop?.());

  const ofKind = (kind: string) => entities.filter(e => e.kind === kind);
  const refs = () => new Set(entities.map(e => stringifyEntityRef(e)));

  it('loads every file without processing errors', () => {
    expect(unprocessed).toEqual([]);
    const withErrors = entities.filter(e =>
      (e as any).status?.items?.some((i: any) => i.level === 'error'),
    );
    expect(withErrors.map(e => stringifyEntityRef(e))).toEqual([]);
  });

  it('has the spread later features need', () => {
    const teams = ofKind('Group').filter(g => g.spec?.type === 'team');
    expect(teams.length).toBeGreaterThanOrEqual(5);
    expect(teams.map(t => t.metadata.name)).toContain('platform-team');
    expect(ofKind('User').length).toBeGreaterThanOrEqual(15);
    expect(ofKind('System').length).toBeGreaterThanOrEqual(3);
    const components = ofKind('Component');
    expect(components.length).toBeGreaterThanOrEqual(15);
    expect(new Set(components.map(c => c.spec?.type))).toEqual(
      new Set(['service', 'website', 'library']),
    );
    expect(ofKind('API').length).toBeGreaterThanOrEqual(3);
    const resourceTypes = new Set(ofKind('Resource').map(r => r.spec?.type));
    expect([...resourceTypes]).toEqual(
      expect.arrayContaining(['database', 'queue']),
    );
    expect(ofKind('Template').length).toBeGreaterThanOrEqual(1);
  });

  it('resolves every relation except the one deliberately dangling owner', () => {
    const known = refs();
    const dangling = entities.flatMap(e =>
      (e.relations ?? [])
        .filter(r => !known.has(r.targetRef))
        .map(r => `${stringifyEntityRef(e)} ${r.type} ${r.targetRef}`),
    );
    expect(dangling).toEqual([
      'component:default/pdf-invoicer ownedBy group:default/legacy-team',
    ]);
  });

  it('has a team of one, and Runway owned by the platform team', () => {
    const sizes = ofKind('Group')
      .filter(g => g.spec?.type === 'team')
      .map(g => (g.relations ?? []).filter(r => r.type === 'hasMember').length);
    expect(sizes).toContain(1);
    const runway = entities.find(e => e.metadata.name === 'runway');
    expect(runway?.spec?.owner).toBe('group:platform-team');
  });

  it('documents every annotation key and link type it uses in docs/annotations.md', () => {
    const doc = fs.readFileSync(path.join(root, 'docs/annotations.md'), 'utf8');
    const keys = new Set<string>();
    for (const e of entities) {
      for (const key of Object.keys(e.metadata.annotations ?? {})) {
        if (!key.startsWith('backstage.io/managed-by')) keys.add(key);
      }
      for (const link of e.metadata.links ?? []) keys.add(String(link.type));
    }
    const undocumented = [...keys].filter(k => !doc.includes(`\`${k}\``));
    expect(undocumented).toEqual([]);
  });

  it("lists Runway's own APIs, owned by the platform team, with the specs their routers serve", () => {
    const specs = fs
      .readdirSync(path.join(root, 'plugins'))
      .filter(d =>
        fs.existsSync(path.join(root, 'plugins', d, 'src/schema/openapi.yaml')),
      )
      .map(d => ({
        name: `runway-${d.replace(/-backend$/, '')}-api`,
        spec: YAML.parse(
          fs.readFileSync(
            path.join(root, 'plugins', d, 'src/schema/openapi.yaml'),
            'utf8',
          ),
        ),
      }));
    expect(specs.length).toBeGreaterThanOrEqual(1);
    const runway = entities.find(e => e.metadata.name === 'runway');
    const provided = (runway?.relations ?? [])
      .filter(r => r.type === 'providesApi')
      .map(r => r.targetRef)
      .sort();
    expect(provided).toEqual(specs.map(s => `api:default/${s.name}`).sort());
    for (const { name, spec } of specs) {
      const api = ofKind('API').find(e => e.metadata.name === name);
      expect({ name, owner: api?.spec?.owner, type: api?.spec?.type }).toEqual({
        name,
        owner: 'group:platform-team',
        type: 'openapi',
      });
      // Regenerate with `node scripts/openapi-router.mjs --catalog` when this differs.
      expect(YAML.parse(String(api?.spec?.definition))).toEqual(spec);
    }
  });
});
