import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleOwnership from '@internal/plugin-catalog-backend-module-ownership';
import path from 'node:path';
import request from 'supertest';
import { ownershipPlugin } from './plugin';

jest.setTimeout(90_000);

const examples = path.resolve(__dirname, '../../../examples');
const auth = mockCredentials.user.header();

/** The example organisation's deliberate ownership gaps, through the real catalog. */
describe('ownership plugin on the example organisation', () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let api: ReturnType<typeof request>;

  beforeAll(async () => {
    backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleOwnership,
        ownershipPlugin,
        mockServices.rootConfig.factory({
          data: {
            backend: {
              baseUrl: 'http://localhost:7007',
              database: { client: 'better-sqlite3', connection: ':memory:' },
            },
            catalog: {
              processingInterval: { seconds: 1 },
              rules: [
                {
                  allow: [
                    'Component',
                    'System',
                    'API',
                    'Resource',
                    'Group',
                    'User',
                    'Location',
                  ],
                },
              ],
              locations: [
                { type: 'file', target: `${examples}/org/groups.yaml` },
                { type: 'file', target: `${examples}/org/users.yaml` },
                { type: 'file', target: `${examples}/systems/payments.yaml` },
              ],
            },
          },
        }),
      ],
    });
    api = request(backend.server);
    // Wait until the catalog has loaded the teams and their members (hasMember relations).
    const deadline = Date.now() + 20_000;
    for (;;) {
      const res = await api
        .get('/api/ownership/entities?problem=team-of-one')
        .set('Authorization', auth);
      const orphans = await api
        .get('/api/ownership/entities?problem=orphaned')
        .set('Authorization', auth);
      const refs = orphans.body.items?.map((e: { ref: string }) => e.ref) ?? [];
      if (res.body.items?.length && refs.length === 1) break;
      if (Date.now() > deadline)
        throw new Error(
          `example organisation did not load: ${res.status} ${JSON.stringify(
            res.body,
          ).slice(0, 300)} ${JSON.stringify(refs)}`,
        );
      await new Promise(r => setTimeout(r, 500));
    }
  });

  afterAll(() => backend?.stop());

  it('lists the orphaned service, the team of one and the services without on-call', async () => {
    const orphaned = await api
      .get('/api/ownership/entities?problem=orphaned')
      .set('Authorization', auth);
    expect(orphaned.status).toBe(200);
    expect(orphaned.body.items.map((e: any) => e.ref)).toEqual([
      'component:default/pdf-invoicer',
    ]);
    expect(orphaned.body.summary.orphaned).toBe(1);

    const teams = await api
      .get('/api/ownership/teams?problem=team-of-one')
      .set('Authorization', auth);
    expect(teams.body.items.map((t: any) => [t.ref, t.members])).toEqual([
      ['group:default/security-team', ['user:default/hannah.fischer']],
    ]);
    // No environments or delivery plugin in this backend: said so, not hidden.
    expect(teams.body.unavailable).toEqual(['environments', 'delivery']);

    const noOnCall = await api
      .get('/api/ownership/entities?problem=oncall-missing&kind=component')
      .set('Authorization', auth);
    expect(noOnCall.body.items.map((e: any) => e.ref)).toEqual(
      expect.arrayContaining([
        'component:default/currency-rates',
        'component:default/pdf-invoicer',
      ]),
    );
  });

  it('exports CSV with the same filters', async () => {
    const res = await api
      .get('/api/ownership/entities?problem=orphaned&format=csv')
      .set('Authorization', auth);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain(
      'ownership-entities.csv',
    );
    const [header, row, end] = res.text.split('\r\n');
    expect(header.split(',')).toContain('problems');
    expect(row).toMatch(
      /^component:default\/pdf-invoicer,PDF Invoicer,component,service,production,payments,group:default\/legacy-team,no,/,
    );
    expect(end).toBe('');
  });

  it('keeps the example entities in the catalog, with their problems as status items', async () => {
    const res = await api
      .get('/api/catalog/entities/by-name/component/default/pdf-invoicer')
      .set('Authorization', auth);
    expect(res.status).toBe(200);
    expect(res.body.status.items).toContainEqual(
      expect.objectContaining({
        type: 'runway.dev/ownership',
        level: 'error',
        message:
          'spec.owner "group:legacy-team" does not resolve: no Group group:default/legacy-team in the catalog',
      }),
    );
  });

  it('answers 400 naming the parameter', async () => {
    const bad = await api
      .get('/api/ownership/entities?kind=group')
      .set('Authorization', auth);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^Invalid query parameter kind: /);
  });
});
